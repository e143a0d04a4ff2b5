import type { FastifyRequest } from 'fastify';
import type { Logger } from '../../shared/logger.ts';
import type { WebConfigStore } from '../store/index.ts';
import type { SystemInfoSource } from '../rest/system-info.ts';

/** Where this node is reachable, as bound: tests listen on port 0, so these are read after listen. */
export interface DesktopSite {
  publicHost: string;
  xmppDomain: string;
  /** The web service's ports: 8082 (HTTP) and 8445 (HTTPS). */
  webHttpPort: number;
  webHttpsPort: number;
  /** The notification service's HTTP ports (BOSH, WebSocket, tunnel page): 7071 and 7443. */
  boshPort: number;
  boshHttpsPort: number;
  /** The XMPP transport the desktop's tunnel page uses (POISE_DESKTOP_XMPP_TRANSPORT). */
  xmppTransport: 'bosh' | 'websocket';
  /** Live Data's Socket.IO port (12015); undefined when Live Data does not run in this node. */
  livedataPort: number | undefined;
}

/** What every plugin of the desktop side (container, gadget server, admin) receives. */
export interface ContainerContext {
  site: () => DesktopSite;
  systemInfo: SystemInfoSource;
  store: WebConfigStore;
  /** The REST API's authentication hook, for pages that need a signed-in user. */
  authenticate: (request: FastifyRequest) => Promise<void>;
  log: Logger;
  /** Where third-party gadgets hosted on this node live (`/3rdpartygadget/files/`): under the data directory. */
  thirdPartyGadgetDir: string;
}

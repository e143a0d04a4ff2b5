// Makes the container page the master of the desktop (desktop-and-gadgets.md §1 step 5): the gadgets namespace
// over the page's own hub client, then the Finesse library, ClientServices.init and initBosh, which opens the one
// hidden tunnel iframe and publishes `finesse.info.connection`.
import { finesseLibrary, loadScript, type FinesseLibrary } from './finesse-api.ts';
import type { PageHub } from './hub-types.ts';

export const CONNECTION_TOPIC = 'finesse.info.connection';

export interface MasterOptions {
  hub: PageHub;
  /** Installs `window.gadgets` for the page (desktop/gadget-runtime/globals.ts). */
  installGadgets: (prefs: Record<string, string>) => Promise<void>;
  prefs: Record<string, string>;
  userId: string;
  password: string;
  auth: string;
  xmppDomain: string;
  pubsubDomain: string;
  tunnelUrl: string;
  /** BOSH (Finesse's) or WebSocket, from DesktopConfig. */
  transport: 'bosh' | 'websocket';
  finesseScript: string;
  timeoutMs: number;
}

/** Connection statuses that mean the desktop is live (§4.2). */
export const isConnectedStatus = (status: string): boolean => status === 'connected' || status === 'recovered';

export const statusOf = (data: unknown): string =>
  typeof data === 'object' && data !== null && 'status' in data && typeof data.status === 'string' ? data.status : '';

/** Resolves with the library once the tunnel says connected; rejects after timeoutMs or on an unauthorized status. */
export async function becomeMaster(options: MasterOptions): Promise<FinesseLibrary> {
  await options.installGadgets(options.prefs);
  if (!finesseLibrary()) await loadScript(options.finesseScript);
  const finesse = finesseLibrary();
  if (!finesse) throw new Error('the Finesse library did not load');
  const connected = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no XMPP connection')), options.timeoutMs);
    options.hub.subscribe(CONNECTION_TOPIC, (_topic, data) => {
      const status = statusOf(data);
      if (isConnectedStatus(status)) { clearTimeout(timer); resolve(); }
      if (status === 'unauthorized' || status === 'conflict') { clearTimeout(timer); reject(new Error(`XMPP ${status}`)); }
    });
  });
  finesse.clientservices.ClientServices.init({
    ...options.prefs, id: options.userId, password: options.password, authorization: options.auth,
  });
  finesse.clientservices.ClientServices.initBosh({
    xmppDomain: options.xmppDomain, pubsubDomain: options.pubsubDomain,
    resource: `desktop-${crypto.randomUUID().slice(0, 8)}`, tunnelUrl: options.tunnelUrl, transport: options.transport,
  });
  await connected;
  return finesse;
}

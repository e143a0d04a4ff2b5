// GET /desktop/api/DesktopConfig (desktop-and-gadgets.md §1): what the container page reads before sign-in. The
// fields of Finesse's DesktopConfig, plus the few Poise fields the page needs to reach this node's other listeners.
import type { FastifyPluginAsync } from 'fastify';
import type { SystemInfoState } from '../rest/system-info.ts';
import type { ContainerContext, DesktopSite } from './context.ts';

export interface DesktopConfig {
  deploymentType: 'UCCX';
  securityBannerMessage: string;
  systemStatus: SystemInfoState['status'];
  /** `fqdn:8445` */
  host: string;
  isAlternateSystemAvailable: boolean;
  desktopLicensed: 'STANDARD' | 'ENHANCED' | 'PREMIUM';
  systemAuthMode: 'NON_SSO' | 'SSO';
  enableMobileAgentLogin: boolean;
  isProxyRequest: boolean;
  redirectToAlternateHost: boolean;
  /** `fqdn:8445` of the peer node, or empty on a single node. */
  alternateHost: string;
  // Poise fields
  xmppDomain: string;
  pubsubDomain: string;
  /** The hidden XMPP tunnel page (§4.3) on the notification service, same scheme as the page. */
  tunnelUrl: string;
  /** How the tunnel page reaches XMPP: BOSH at `/http-bind/` or WebSocket at `/ws/` (an administrator's choice). */
  xmppTransport: 'bosh' | 'websocket';
  /** The web service's plain-HTTP port: gadget prefs `localhostPort`, the port the gadget proxy calls. */
  webHttpPort: number;
  webHttpsPort: number;
}

export interface PageOrigin {
  scheme: 'http' | 'https';
  /** The host name the browser used, without port: the tunnel must be reachable the same way. */
  hostname: string;
}

export function desktopConfigOf(site: DesktopSite, info: SystemInfoState, origin: PageOrigin): DesktopConfig {
  const peer = info.secondaryNode;
  const tunnelPort = origin.scheme === 'https' ? site.boshHttpsPort : site.boshPort;
  return {
    deploymentType: 'UCCX',
    securityBannerMessage: '',
    systemStatus: info.status,
    host: `${site.publicHost}:${site.webHttpsPort}`,
    isAlternateSystemAvailable: peer !== undefined,
    desktopLicensed: 'PREMIUM',
    systemAuthMode: 'NON_SSO',
    enableMobileAgentLogin: false,
    isProxyRequest: false,
    // §7: a node that lost its engine sends desktops to its peer.
    redirectToAlternateHost: info.status === 'OUT_OF_SERVICE' && peer !== undefined,
    alternateHost: peer ? `${peer.host}:${peer.httpsPort}` : '',
    xmppDomain: site.xmppDomain,
    pubsubDomain: `pubsub.${site.xmppDomain}`,
    tunnelUrl: `${origin.scheme}://${hostForUrl(origin.hostname)}:${tunnelPort}/tunnel/`,
    xmppTransport: site.xmppTransport,
    webHttpPort: site.webHttpPort,
    webHttpsPort: site.webHttpsPort,
  };
}

/** IPv6 literals need brackets in a URL; Fastify gives them bare or bracketed depending on the Host header. */
const hostForUrl = (hostname: string): string =>
  hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;

export const desktopConfigPlugin: FastifyPluginAsync<ContainerContext> = async (app, { site, systemInfo }) => {
  app.get('/desktop/api/DesktopConfig', async (request, reply) => {
    const scheme = request.protocol === 'https' ? 'https' : 'http';
    const config = desktopConfigOf(site(), systemInfo(), { scheme, hostname: request.hostname || site().publicHost });
    return reply.header('cache-control', 'no-store').send(config);
  });
};

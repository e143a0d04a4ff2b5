// The user prefs every gadget iframe gets (desktop-and-gadgets.md §3.2), as Finesse passes them to /gadgets/ifr.
// No `authorization`: finesse.js in the gadget copies it from sessionStorage (§1 step 4).

/**
 * `up_messages`: the container's own words for gadgets, JSON. A real Finesse request (§3.2, S8) carries exactly this
 * one, the prompt a gadget managed by Team Performance shows until an agent is selected; that every gadget gets it
 * is inferred from that request.
 */
export const CONTAINER_MESSAGES: Readonly<Record<string, string>> = {
  'select.agent.message': 'Select an Agent from Team Performance Gadget',
};

export interface PrefsSource {
  userId: string;
  extension: string;
  teamId: string;
  teamName: string;
  /** Java form, en_US. */
  locale: string;
  /** Where the browser reached this page. */
  page: { scheme: 'http' | 'https'; hostname: string; port: string };
  xmppDomain: string;
  pubsubDomain: string;
  /** The web service's plain-HTTP port, which the gadget proxy calls (§3.3). */
  webHttpPort: number;
  systemAuthMode: string;
  deploymentType: string;
  /** Client minus server time, ms, as measured against SystemInfo (`clientDriftInMillis`). */
  clientDriftMs?: number;
}

export type GadgetPrefs = Record<string, string>;

export function gadgetPrefs(source: PrefsSource): GadgetPrefs {
  const [language = 'en', country = 'US'] = source.locale.split('_');
  const defaultPort = source.page.scheme === 'https' ? '443' : '80';
  return {
    id: source.userId,
    extension: source.extension,
    teamId: source.teamId,
    teamName: source.teamName,
    locale: source.locale,
    language,
    country,
    host: source.page.hostname,
    hostPort: source.page.port || defaultPort,
    scheme: source.page.scheme,
    restHost: source.page.hostname,
    localhostFQDN: source.page.hostname,
    localhostPort: String(source.webHttpPort),
    xmppDomain: source.xmppDomain,
    pubsubDomain: source.pubsubDomain,
    mobileAgentMode: '',
    mobileAgentDialNumber: '',
    systemAuthMode: source.systemAuthMode,
    deploymentType: source.deploymentType,
    compatibilityMode: '',
    externalServerHost: '',
    clientDriftInMillis: String(Math.round(source.clientDriftMs ?? 0)),
    messages: JSON.stringify(CONTAINER_MESSAGES),
  };
}

/**
 * `up_urlPrefs` (§3.2): the query parameters of the gadget's layout URL, then the scheme, host name and port it is
 * served from, all strings, as JSON — what a gadget behind a reverse proxy reads to find its own server
 * (`gadgets.util.getUrlParameters().up_urlPrefs`). A relative URL is this node's, as the browser reaches it.
 */
export function urlPrefsOf(gadgetUrl: string, shared: GadgetPrefs): string {
  const host = shared.host ?? 'localhost';
  const base = `${shared.scheme ?? 'http'}://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${shared.hostPort ?? ''}/`;
  let url: URL;
  try { url = new URL(gadgetUrl, base); } catch { return '{}'; }
  const prefs: Record<string, string> = {};
  for (const [name, value] of url.searchParams) prefs[name] = value;
  const scheme = url.protocol.replace(/:$/, '');
  prefs.scheme = scheme;
  prefs.hostname = url.hostname;
  prefs.port = url.port || (scheme === 'https' ? '443' : '80');
  return JSON.stringify(prefs);
}

/** One gadget instance's prefs: the shared ones plus its place in the layout and its layout attributes. */
export function instancePrefs(shared: GadgetPrefs, order: number,
  gadget: { url: string; maxRows?: number; managedBy?: string; id?: string }): GadgetPrefs {
  const prefs: GadgetPrefs = { ...shared, order: String(order), urlPrefs: urlPrefsOf(gadget.url, shared) };
  if (gadget.maxRows !== undefined) prefs.maxRows = String(gadget.maxRows);
  if (gadget.managedBy !== undefined) prefs.managedBy = gadget.managedBy;
  if (gadget.id !== undefined) prefs.gadgetId = gadget.id;
  return prefs;
}

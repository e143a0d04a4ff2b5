// The user prefs every gadget iframe gets (desktop-and-gadgets.md §3.2), as Finesse passes them to /gadgets/ifr.
// No `authorization`: finesse.js in the gadget copies it from sessionStorage (§1 step 4).

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
  };
}

/** One gadget instance's prefs: the shared ones plus its place in the layout and its layout attributes. */
export function instancePrefs(shared: GadgetPrefs, order: number, gadget: { maxRows?: number; managedBy?: string; id?: string }): GadgetPrefs {
  const prefs: GadgetPrefs = { ...shared, order: String(order) };
  if (gadget.maxRows !== undefined) prefs.maxRows = String(gadget.maxRows);
  if (gadget.managedBy !== undefined) prefs.managedBy = gadget.managedBy;
  if (gadget.id !== undefined) prefs.gadgetId = gadget.id;
  return prefs;
}

// finesse.gadget.Config (desktop-and-gadgets.md §5): a gadget's settings from its user prefs. Old samples define
// it themselves; newer ones expect the library to, so it is built only when absent.
import { gadgetsPrefs } from '../host.ts';
import { Utilities } from '../utilities/utilities.ts';

const STRING_PREFS = ['authorization', 'country', 'language', 'locale', 'host', 'hostPort', 'extension',
  'mobileAgentMode', 'mobileAgentDialNumber', 'xmppDomain', 'pubsubDomain', 'restHost', 'scheme', 'localhostFQDN',
  'localhostPort', 'teamId', 'teamName', 'systemAuthMode', 'deploymentType'] as const;

export type GadgetConfig = Record<string, string | number>;

/** The config, or `undefined` outside a gadget (no gadgets.Prefs). */
export function configFromPrefs(): GadgetConfig | undefined {
  const prefs = gadgetsPrefs();
  if (!prefs) return undefined;
  const config: GadgetConfig = {};
  for (const name of STRING_PREFS) config[name] = prefs.getString(name);
  config.clientDriftInMillis = prefs.getInt('clientDriftInMillis');
  // The container keeps the credentials in sessionStorage; the gadget keeps its copy as a pref (§1 step 4).
  if (!config.authorization) {
    const stored = Utilities.getUserAuthString();
    if (stored) {
      config.authorization = stored;
      try { prefs.set?.('authorization', stored); } catch { /* without setprefs the copy stays in memory */ }
    }
  }
  return config;
}

// The hub's error names and security alerts (desktop-and-gadgets.md §4.1). An error is thrown as an `Error`
// whose message is the name, so `err.message === OpenAjax.hub.Error.Disconnected` works as gadgets expect.

export const HubErrors = {
  BadParameters: 'OpenAjax.hub.Error.BadParameters',
  Disconnected: 'OpenAjax.hub.Error.Disconnected',
  Duplicate: 'OpenAjax.hub.Error.Duplicate',
  NoContainer: 'OpenAjax.hub.Error.NoContainer',
  NoSubscription: 'OpenAjax.hub.Error.NoSubscription',
  NotAllowed: 'OpenAjax.hub.Error.NotAllowed',
  WrongProtocol: 'OpenAjax.hub.Error.WrongProtocol',
  IncompatBrowser: 'OpenAjax.hub.Error.IncompatBrowser',
} as const;
export type HubErrorName = (typeof HubErrors)[keyof typeof HubErrors];

export const SecurityAlerts = {
  LoadTimeout: 'OpenAjax.hub.SecurityAlert.LoadTimeout',
  FramePhish: 'OpenAjax.hub.SecurityAlert.FramePhish',
  ForgedMsg: 'OpenAjax.hub.SecurityAlert.ForgedMsg',
} as const;
export type SecurityAlert = (typeof SecurityAlerts)[keyof typeof SecurityAlerts];

export const hubError = (name: HubErrorName): Error => new Error(name);

const NAMES = new Set<string>(Object.values(HubErrors));
/** A name received on the wire, or BadParameters when the peer sent something else. */
export const asHubErrorName = (value: unknown): HubErrorName =>
  (typeof value === 'string' && NAMES.has(value) ? value : HubErrors.BadParameters) as HubErrorName;

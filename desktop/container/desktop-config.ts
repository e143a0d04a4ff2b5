// GET /desktop/api/DesktopConfig (desktop-and-gadgets.md §1 step 1), narrowed at the edge.

export interface DesktopConfig {
  systemStatus: string;
  redirectToAlternateHost: boolean;
  alternateHost: string;
  systemAuthMode: string;
  deploymentType: string;
  xmppDomain: string;
  pubsubDomain: string;
  tunnelUrl: string;
  /** How the tunnel page reaches XMPP, as the administrator configured it. */
  xmppTransport: 'bosh' | 'websocket';
  webHttpPort: number;
}

export async function loadDesktopConfig(): Promise<DesktopConfig> {
  const response = await fetch('/desktop/api/DesktopConfig', { cache: 'no-store', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`DesktopConfig answered ${response.status}`);
  const body: unknown = await response.json();
  const value = typeof body === 'object' && body !== null ? body as Record<string, unknown> : {};
  const text = (name: string): string => (typeof value[name] === 'string' ? value[name] : '');
  return {
    systemStatus: text('systemStatus'),
    redirectToAlternateHost: value.redirectToAlternateHost === true,
    alternateHost: text('alternateHost'),
    systemAuthMode: text('systemAuthMode') || 'NON_SSO',
    deploymentType: text('deploymentType') || 'UCCX',
    xmppDomain: text('xmppDomain'),
    pubsubDomain: text('pubsubDomain'),
    tunnelUrl: text('tunnelUrl'),
    xmppTransport: text('xmppTransport') === 'websocket' ? 'websocket' : 'bosh',
    webHttpPort: typeof value.webHttpPort === 'number' ? value.webHttpPort : Number(location.port || 80),
  };
}

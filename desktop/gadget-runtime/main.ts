// The gadget runtime served for every /gadgets/js/<features>.js (desktop-and-gadgets.md §3.1): in a gadget
// iframe it installs `gadgets` and `OpenAjax`, and connects `gadgets.Hub` once the page has loaded, then calls
// `gadgets.HubSettings.onConnect`.
import { IframeHubClient, openAjaxNamespace, type HubClient } from '../hub/index.ts';
import { gadgetsNamespace, type GadgetsNamespace } from './namespace.ts';
import { PAGE_CONFIG_GLOBAL, configFromUrl, readPageConfig } from './page-config.ts';

const given = (window as unknown as Record<string, unknown>)[PAGE_CONFIG_GLOBAL];
const config = readPageConfig(given ?? configFromUrl(location.search));
let gadgets: GadgetsNamespace | undefined;
/** A gadget may set `gadgets.HubSettings.params.HubClient.onSecurityAlert`, as with Shindig; else the console. */
function securityAlert(client: HubClient, alert: string): void {
  const params = gadgets?.HubSettings.params as { HubClient?: { onSecurityAlert?: unknown } } | undefined;
  const handler = params?.HubClient?.onSecurityAlert;
  if (typeof handler === 'function') handler(client, alert);
  else console.warn(`hub security alert: ${alert}`);
}

const hub = new IframeHubClient({
  HubClient: { onSecurityAlert: securityAlert },
  IframeHubClient: { onRpc: (service, args) => gadgets?.rpc.dispatch(service, args) },
});
gadgets = gadgetsNamespace({ config, hub, callContainer: (service, args) => hub.callContainer(service, args) });
const page = window as unknown as { gadgets: GadgetsNamespace; OpenAjax: ReturnType<typeof openAjaxNamespace> };
page.gadgets = gadgets;
page.OpenAjax = openAjaxNamespace();

function start(): void {
  const namespace = page.gadgets;
  namespace.util.runOnLoadHandlers();
  if (!hub.hasContainer()) return;   // the page was opened on its own: no container to join
  hub.connect((client, success, error) => {
    const onConnect = namespace.HubSettings.onConnect;
    if (typeof onConnect === 'function') onConnect.call(namespace.HubSettings, client, success, error);
  });
}

if (document.readyState === 'complete') setTimeout(start, 0);
else window.addEventListener('load', start, { once: true });

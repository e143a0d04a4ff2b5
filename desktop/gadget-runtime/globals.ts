// The container page's own `gadgets` namespace (desktop-and-gadgets.md §3.1, §4.1): page code written for a
// gadget (the master finesse.js) runs on the container page over an InlineContainer and InlineHubClient.
import { InlineContainer, InlineHubClient, openAjaxNamespace, type ManagedHub } from '../hub/index.ts';
import { gadgetsNamespace, type GadgetsNamespace } from './namespace.ts';
import { readPageConfig } from './page-config.ts';

export interface ContainerGadgetsOptions {
  hub: ManagedHub;
  clientId: string;
  prefs: Record<string, string>;
}

/** Installs `window.gadgets` and `window.OpenAjax`; resolves once `gadgets.Hub` is connected. */
export function installContainerGadgets(options: ContainerGadgetsOptions): Promise<void> {
  const container = new InlineContainer(options.hub, options.clientId, {});
  const client = new InlineHubClient({ HubClient: {}, InlineHubClient: { container } });
  const config = readPageConfig({
    mid: options.clientId, prefs: options.prefs, specUrl: location.href,
    features: { 'pubsub-2': {}, setprefs: {}, 'dynamic-height': {}, settitle: {}, views: {}, loadingindicator: {} },
  });
  const gadgets: GadgetsNamespace = gadgetsNamespace({
    config, hub: client,
    // The page is the container: its own calls (adjustHeight, setTitle) have nobody to ask.
    callContainer: () => undefined,
  });
  const target = window as unknown as { gadgets: GadgetsNamespace; OpenAjax: ReturnType<typeof openAjaxNamespace> };
  target.gadgets = gadgets;
  target.OpenAjax = openAjaxNamespace();
  return new Promise((resolve, reject) => {
    client.connect((_client, success, error) => {
      if (!success) return reject(new Error(error ?? 'hub connection refused'));
      gadgets.util.runOnLoadHandlers();
      resolve();
    });
  });
}

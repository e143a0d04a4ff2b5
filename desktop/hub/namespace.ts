// `window.OpenAjax.hub` as gadgets and page code reach it (desktop-and-gadgets.md §4.1).
import { HubErrors, SecurityAlerts } from './errors.ts';
import { IframeContainer } from './iframe-container.ts';
import { IframeHubClient } from './iframe-hub-client.ts';
import { InlineContainer, InlineHubClient } from './inline.ts';
import { ManagedHub } from './managed-hub.ts';

export interface OpenAjaxNamespace {
  hub: {
    implementer: string;
    implVersion: string;
    specVersion: string;
    ManagedHub: typeof ManagedHub;
    InlineContainer: typeof InlineContainer;
    InlineHubClient: typeof InlineHubClient;
    IframeContainer: typeof IframeContainer;
    IframeHubClient: typeof IframeHubClient;
    Error: typeof HubErrors;
    SecurityAlert: typeof SecurityAlerts;
  };
}

export const openAjaxNamespace = (): OpenAjaxNamespace => ({
  hub: {
    implementer: 'https://poise.invalid/', implVersion: '2.0', specVersion: '2.0',
    ManagedHub, InlineContainer, InlineHubClient, IframeContainer, IframeHubClient,
    Error: HubErrors, SecurityAlert: SecurityAlerts,
  },
});

// OpenAjax Hub 2.0 for the Poise desktop (desktop-and-gadgets.md §4.1).
export { ManagedHub, type ManagedHubParams } from './managed-hub.ts';
export { InlineContainer, InlineHubClient, type InlineContainerParams, type InlineHubClientParams } from './inline.ts';
export { IframeContainer, type IframeContainerParams } from './iframe-container.ts';
export { IframeHubClient, type IframeHubClientParams } from './iframe-hub-client.ts';
export { HubErrors, SecurityAlerts, type HubErrorName, type SecurityAlert } from './errors.ts';
export { isValidPublishTopic, isValidSubscribeTopic, topicMatches } from './topic.ts';
export type { HubClient, HubContainer, ContainerCallbacks, OnData, OnSubscribeComplete, OnUnsubscribeComplete } from './types.ts';
export { openAjaxNamespace, type OpenAjaxNamespace } from './namespace.ts';

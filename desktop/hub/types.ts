// The shapes shared by the hub's parts (desktop-and-gadgets.md §4.1).
import type { SecurityAlert, HubErrorName } from './errors.ts';

export type OnData = (topic: string, data: unknown, subscriberData?: unknown) => void;
export type OnSubscribeComplete = (subscriptionId: string, success: boolean, error?: HubErrorName) => void;
export type OnUnsubscribeComplete = (subscriptionId: string, success: boolean, error?: HubErrorName) => void;
export type Log = (message: string) => void;

/** What a ManagedHub needs of each container it holds. */
export interface HubContainer {
  getClientID(): string;
  isConnected(): boolean;
  /** Delivers a publication to the client's subscription `subscriptionId`. */
  sendToClient(topic: string, data: unknown, subscriptionId: string): void;
  /** Disconnects the client and releases the container (its iframe, its listener). */
  remove(): void;
}

export interface ContainerCallbacks {
  onSecurityAlert?(container: HubContainer, alert: SecurityAlert): void;
  onConnect?(container: HubContainer): void;
  onDisconnect?(container: HubContainer): void;
  scope?: unknown;
  log?: Log;
}

/** The client side of the hub, as a gadget or page code sees it. */
export interface HubClient {
  subscribe(topic: string, onData: OnData, scope?: unknown, onComplete?: OnSubscribeComplete, subscriberData?: unknown): string;
  publish(topic: string, data?: unknown): void;
  unsubscribe(subscriptionId: string, onComplete?: OnUnsubscribeComplete, scope?: unknown): void;
  isConnected(): boolean;
  connect(onComplete?: (client: HubClient, success: boolean, error?: HubErrorName) => void, scope?: unknown): void;
  disconnect(onComplete?: (client: HubClient, success: boolean, error?: HubErrorName) => void, scope?: unknown): void;
  getClientID(): string;
  getScope(): unknown;
  getSubscriberData(subscriptionId: string): unknown;
  getSubscriberScope(subscriptionId: string): unknown;
}

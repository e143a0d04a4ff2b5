// InlineContainer and InlineHubClient (desktop-and-gadgets.md §4.1): page code in the container page (the master
// finesse.js, the page's own components) joins the ManagedHub through them, by direct calls, no frames.
import { HubErrors, asHubErrorName, hubError } from './errors.ts';
import { HubClientCore, type HubClientParams } from './hub-client-core.ts';
import type { ManagedHub } from './managed-hub.ts';
import type { ContainerCallbacks, HubContainer } from './types.ts';

export interface InlineContainerParams {
  Container?: ContainerCallbacks;
  InlineContainer?: Record<string, never>;
}

export class InlineContainer implements HubContainer {
  readonly #hub: ManagedHub;
  readonly #clientId: string;
  readonly #callbacks: ContainerCallbacks;
  #client: InlineHubClient | undefined;
  #removed = false;

  constructor(hub: ManagedHub, clientId: string, params?: InlineContainerParams) {
    if (!hub || typeof clientId !== 'string' || clientId === '') throw hubError(HubErrors.BadParameters);
    this.#hub = hub;
    this.#clientId = clientId;
    this.#callbacks = params?.Container ?? {};
    hub.addContainer(this);
  }

  getHub(): ManagedHub { return this.#hub; }
  getClientID(): string { return this.#clientId; }
  isConnected(): boolean { return this.#client !== undefined; }
  getPartnerOrigin(): string { return globalThis.location?.origin ?? ''; }

  sendToClient(topic: string, data: unknown, subscriptionId: string): void {
    this.#client?.receive(subscriptionId, topic, data);
  }

  remove(): void {
    if (this.#removed) return;
    this.#removed = true;
    if (this.#hub.getContainer(this.#clientId) === this) this.#hub.removeContainer(this);
    this.clientDisconnected();
  }

  // --- called by the InlineHubClient ---

  clientConnected(client: InlineHubClient): void {
    if (this.#removed) throw hubError(HubErrors.NoContainer);
    if (this.#client && this.#client !== client) throw hubError(HubErrors.Duplicate);
    this.#client = client;
    this.#callbacks.onConnect?.call(this.#callbacks.scope, this);
  }

  clientDisconnected(): void {
    if (!this.#client) return;
    const client = this.#client;
    this.#client = undefined;
    if (!this.#removed) this.#hub.dropClientSubscriptions(this);
    client.containerGone();
    this.#callbacks.onDisconnect?.call(this.#callbacks.scope, this);
  }

  subscribe(topic: string, subscriptionId: string): void { this.#hub.subscribeForClient(this, topic, subscriptionId); }
  unsubscribe(subscriptionId: string): void { this.#hub.unsubscribeForClient(this, subscriptionId); }
  publish(topic: string, data: unknown): void { this.#hub.publishForClient(this, topic, data); }
}

export interface InlineHubClientParams extends HubClientParams {
  InlineHubClient: { container: InlineContainer };
}

export class InlineHubClient extends HubClientCore {
  readonly #container: InlineContainer;

  constructor(params: InlineHubClientParams) {
    super(params);
    const container = params?.InlineHubClient?.container;
    if (!(container instanceof InlineContainer)) throw hubError(HubErrors.BadParameters);
    this.#container = container;
  }

  protected sendConnect(): void {
    try {
      this.#container.clientConnected(this);
    } catch (err) {
      this.connectFailed(asHubErrorName(err instanceof Error ? err.message : err));
      return;
    }
    this.connected(this.#container.getClientID());
  }

  protected sendDisconnect(): void { this.#container.clientDisconnected(); }

  protected sendSubscribe(subscriptionId: string, topic: string): void {
    try {
      this.#container.subscribe(topic, subscriptionId);
    } catch (err) {
      this.subscribeAnswered(subscriptionId, asHubErrorName(err instanceof Error ? err.message : err));
      return;
    }
    this.subscribeAnswered(subscriptionId);
  }

  protected sendUnsubscribe(subscriptionId: string): void {
    try {
      this.#container.unsubscribe(subscriptionId);
    } catch {
      // refused at subscribe time, so the hub never had it: nothing to undo
    }
    this.unsubscribeAnswered(subscriptionId);
  }

  protected sendPublish(topic: string, data: unknown): void { this.#container.publish(topic, data); }

  /** @internal a delivery from the container */
  receive(subscriptionId: string, topic: string, data: unknown): void { this.deliver(subscriptionId, topic, data); }

  /** @internal the container was removed or the client disconnected */
  containerGone(): void { if (this.isConnected()) this.disconnected(); }
}

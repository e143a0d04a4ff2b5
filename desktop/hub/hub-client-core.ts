// What InlineHubClient and IframeHubClient share (desktop-and-gadgets.md §4.1): argument checks, the client's
// subscription table, and the connection state. Subclasses only carry the calls to their container. No DOM.
import { HubErrors, hubError, type HubErrorName, type SecurityAlert } from './errors.ts';
import { isValidPublishTopic, isValidSubscribeTopic } from './topic.ts';
import type { HubClient, Log, OnData, OnSubscribeComplete, OnUnsubscribeComplete } from './types.ts';

export interface HubClientParams {
  HubClient?: {
    onSecurityAlert?(client: HubClient, alert: SecurityAlert): void;
    scope?: unknown;
    log?: Log;
  };
}

type ConnectCallback = (client: HubClient, success: boolean, error?: HubErrorName) => void;

interface ClientSubscription {
  topic: string;
  onData: OnData;
  scope: unknown;
  subscriberData: unknown;
  onComplete: OnSubscribeComplete | undefined;
}

export abstract class HubClientCore implements HubClient {
  #connected = false;
  #clientId = '';
  #next = 0;
  readonly #subscriptions = new Map<string, ClientSubscription>();
  #pendingUnsubscribes = new Map<string, { onComplete: OnUnsubscribeComplete; scope: unknown }>();
  protected readonly params: HubClientParams;

  constructor(params: HubClientParams | undefined) {
    this.params = params ?? {};
  }

  protected abstract sendConnect(): void;
  protected abstract sendDisconnect(): void;
  protected abstract sendSubscribe(subscriptionId: string, topic: string): void;
  protected abstract sendUnsubscribe(subscriptionId: string): void;
  protected abstract sendPublish(topic: string, data: unknown): void;

  #connectCallbacks: Array<{ cb: ConnectCallback; scope: unknown }> = [];

  connect(onComplete?: ConnectCallback, scope?: unknown): void {
    if (this.#connected) {
      onComplete?.call(scope ?? this.getScope(), this, false, HubErrors.Duplicate);
      return;
    }
    if (onComplete) this.#connectCallbacks.push({ cb: onComplete, scope: scope ?? this.getScope() });
    this.sendConnect();
  }

  disconnect(onComplete?: ConnectCallback, scope?: unknown): void {
    if (!this.#connected) {
      onComplete?.call(scope ?? this.getScope(), this, false, HubErrors.Disconnected);
      return;
    }
    this.sendDisconnect();
    this.disconnected();
    onComplete?.call(scope ?? this.getScope(), this, true);
  }

  subscribe(topic: string, onData: OnData, scope?: unknown, onComplete?: OnSubscribeComplete, subscriberData?: unknown): string {
    if (!isValidSubscribeTopic(topic) || typeof onData !== 'function') throw hubError(HubErrors.BadParameters);
    if (onComplete !== undefined && typeof onComplete !== 'function') throw hubError(HubErrors.BadParameters);
    if (!this.#connected) throw hubError(HubErrors.Disconnected);
    const id = `${++this.#next}`;
    this.#subscriptions.set(id, { topic, onData, scope: scope ?? this.getScope(), subscriberData, onComplete });
    this.sendSubscribe(id, topic);
    return id;
  }

  publish(topic: string, data?: unknown): void {
    if (!isValidPublishTopic(topic)) throw hubError(HubErrors.BadParameters);
    if (!this.#connected) throw hubError(HubErrors.Disconnected);
    this.sendPublish(topic, data);
  }

  unsubscribe(subscriptionId: string, onComplete?: OnUnsubscribeComplete, scope?: unknown): void {
    if (!this.#connected) throw hubError(HubErrors.Disconnected);
    if (!this.#subscriptions.delete(subscriptionId)) throw hubError(HubErrors.NoSubscription);
    if (onComplete) this.#pendingUnsubscribes.set(subscriptionId, { onComplete, scope: scope ?? this.getScope() });
    this.sendUnsubscribe(subscriptionId);
  }

  isConnected(): boolean { return this.#connected; }
  getClientID(): string { return this.#clientId; }
  getScope(): unknown { return this.params.HubClient?.scope ?? globalThis; }
  getParameters(): HubClientParams { return this.params; }
  getSubscriberData(subscriptionId: string): unknown {
    const subscription = this.#subscriptions.get(subscriptionId);
    if (!subscription) throw hubError(HubErrors.NoSubscription);
    return subscription.subscriberData;
  }
  getSubscriberScope(subscriptionId: string): unknown {
    const subscription = this.#subscriptions.get(subscriptionId);
    if (!subscription) throw hubError(HubErrors.NoSubscription);
    return subscription.scope;
  }

  // --- what subclasses call when their container answers ---

  protected connected(clientId: string): void {
    const first = !this.#connected;
    this.#connected = true;
    this.#clientId = clientId;
    if (!first) return;
    const callbacks = this.#connectCallbacks;
    this.#connectCallbacks = [];
    for (const { cb, scope } of callbacks) this.#safely(() => cb.call(scope, this, true));
  }

  protected connectFailed(error: HubErrorName): void {
    const callbacks = this.#connectCallbacks;
    this.#connectCallbacks = [];
    for (const { cb, scope } of callbacks) this.#safely(() => cb.call(scope, this, false, error));
  }

  protected disconnected(): void {
    this.#connected = false;
    this.#subscriptions.clear();
    this.#pendingUnsubscribes.clear();
  }

  protected subscribeAnswered(subscriptionId: string, error?: HubErrorName): void {
    const subscription = this.#subscriptions.get(subscriptionId);
    if (!subscription) return;
    if (error) this.#subscriptions.delete(subscriptionId);
    const { onComplete, scope } = subscription;
    if (onComplete) this.#safely(() => error ? onComplete.call(scope, subscriptionId, false, error) : onComplete.call(scope, subscriptionId, true));
  }

  protected unsubscribeAnswered(subscriptionId: string): void {
    const pending = this.#pendingUnsubscribes.get(subscriptionId);
    this.#pendingUnsubscribes.delete(subscriptionId);
    if (pending) this.#safely(() => pending.onComplete.call(pending.scope, subscriptionId, true));
  }

  protected deliver(subscriptionId: string, topic: string, data: unknown): void {
    const subscription = this.#subscriptions.get(subscriptionId);
    if (!subscription) return;   // unsubscribed while the delivery was on its way
    this.#safely(() => subscription.onData.call(subscription.scope, topic, data, subscription.subscriberData));
  }

  protected securityAlert(alert: SecurityAlert): void {
    this.log(`security alert ${alert}`);
    const handler = this.params.HubClient?.onSecurityAlert;
    if (handler) this.#safely(() => handler.call(this.getScope(), this, alert));
  }

  protected log(message: string): void {
    this.params.HubClient?.log?.call(this.getScope(), message);
  }

  /**
   * A gadget's handler that throws must not break the hub's bookkeeping: the error goes to the client's log
   * when it has one, else it is rethrown on its own turn so the console shows it.
   */
  #safely(run: () => void): void {
    try {
      run();
    } catch (err) {
      const log = this.params.HubClient?.log;
      if (log) log.call(this.getScope(), `a hub callback threw: ${err instanceof Error ? err.message : String(err)}`);
      else setTimeout(() => { throw err; }, 0);
    }
  }
}

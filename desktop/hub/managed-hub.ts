// The OpenAjax Hub 2.0 ManagedHub (desktop-and-gadgets.md §4.1): the container page's router. It holds the
// containers (one per gadget iframe or piece of page code), keeps every subscription, and asks the page's
// policy (onSubscribe, onPublish) before each subscription and each delivery.
import { HubErrors, hubError, type SecurityAlert } from './errors.ts';
import { isValidPublishTopic, isValidSubscribeTopic, topicMatches } from './topic.ts';
import type { HubContainer, Log, OnData, OnSubscribeComplete, OnUnsubscribeComplete } from './types.ts';

export interface ManagedHubParams {
  /** Called before each delivery; false withholds it. The containers are null for the manager's own calls. */
  onPublish(topic: string, data: unknown, publisher: HubContainer | null, subscriber: HubContainer | null): boolean;
  /** Called before each subscription is made; false refuses it with NotAllowed. */
  onSubscribe(topic: string, container: HubContainer | null): boolean;
  onUnsubscribe?(topic: string, container: HubContainer | null): void;
  onSecurityAlert?(source: HubContainer, alert: SecurityAlert): void;
  scope?: unknown;
  log?: Log;
}

interface Subscription {
  readonly key: string;
  readonly topic: string;
  readonly container: HubContainer | null;
  deliver(topic: string, data: unknown): void;
}

/** One key space for the manager's own subscriptions and every client's, whatever their ids look like. */
const subscriptionKey = (container: HubContainer | null, subscriptionId: string): string =>
  JSON.stringify([container === null ? null : container.getClientID(), subscriptionId]);

export class ManagedHub {
  readonly #params: ManagedHubParams;
  readonly #containers = new Map<string, HubContainer>();
  /** In subscription order, so deliveries keep it. */
  readonly #subscriptions = new Map<string, Subscription>();
  #ownSubscriptions = 0;

  constructor(params: ManagedHubParams) {
    if (!params || typeof params.onPublish !== 'function' || typeof params.onSubscribe !== 'function') {
      throw hubError(HubErrors.BadParameters);
    }
    this.#params = params;
  }

  getParameters(): ManagedHubParams { return this.#params; }
  getScope(): unknown { return this.#params.scope ?? globalThis; }
  isConnected(): boolean { return true; }

  // --- the manager's own subscriptions (page code that owns the hub) ---

  subscribe(topic: string, onData: OnData, scope?: unknown, onComplete?: OnSubscribeComplete, subscriberData?: unknown): string {
    if (!isValidSubscribeTopic(topic) || typeof onData !== 'function') throw hubError(HubErrors.BadParameters);
    const id = `m${++this.#ownSubscriptions}`;
    const that = scope ?? this.getScope();
    if (!this.#allowSubscribe(topic, null)) {
      onComplete?.call(that, id, false, HubErrors.NotAllowed);
      return id;
    }
    this.#subscriptions.set(subscriptionKey(null, id), {
      key: subscriptionKey(null, id), topic, container: null,
      deliver: (t, data) => onData.call(that, t, data, subscriberData),
    });
    onComplete?.call(that, id, true);
    return id;
  }

  publish(topic: string, data?: unknown): void {
    if (!isValidPublishTopic(topic)) throw hubError(HubErrors.BadParameters);
    this.#route(topic, data, null);
  }

  unsubscribe(subscriptionId: string, onComplete?: OnUnsubscribeComplete, scope?: unknown): void {
    const subscription = this.#subscriptions.get(subscriptionKey(null, subscriptionId));
    if (!subscription) throw hubError(HubErrors.NoSubscription);
    this.#drop(subscription);
    onComplete?.call(scope ?? this.getScope(), subscriptionId, true);
  }

  // --- containers ---

  addContainer(container: HubContainer): void {
    const id = container.getClientID();
    if (this.#containers.has(id)) throw hubError(HubErrors.Duplicate);
    this.#containers.set(id, container);
  }

  /** Forgets the container and its subscriptions, then releases it. */
  removeContainer(container: HubContainer): void {
    const id = container.getClientID();
    if (this.#containers.get(id) !== container) throw hubError(HubErrors.NoContainer);
    this.#containers.delete(id);
    this.dropClientSubscriptions(container);
    container.remove();
  }

  getContainer(clientId: string): HubContainer | null { return this.#containers.get(clientId) ?? null; }
  listContainers(): HubContainer[] { return [...this.#containers.values()]; }

  // --- what containers call on behalf of their clients ---

  /** Throws NotAllowed when the policy refuses, Duplicate for a reused id, BadParameters for a bad topic. */
  subscribeForClient(container: HubContainer, topic: string, subscriptionId: string): void {
    this.#requireContainer(container);
    if (!isValidSubscribeTopic(topic)) throw hubError(HubErrors.BadParameters);
    const key = subscriptionKey(container, subscriptionId);
    if (this.#subscriptions.has(key)) throw hubError(HubErrors.Duplicate);
    if (!this.#allowSubscribe(topic, container)) throw hubError(HubErrors.NotAllowed);
    this.#subscriptions.set(key, {
      key, topic, container, deliver: (t, data) => container.sendToClient(t, data, subscriptionId),
    });
  }

  publishForClient(container: HubContainer, topic: string, data: unknown): void {
    this.#requireContainer(container);
    if (!isValidPublishTopic(topic)) throw hubError(HubErrors.BadParameters);
    this.#route(topic, data, container);
  }

  unsubscribeForClient(container: HubContainer, subscriptionId: string): void {
    const subscription = this.#subscriptions.get(subscriptionKey(container, subscriptionId));
    if (!subscription || subscription.container !== container) throw hubError(HubErrors.NoSubscription);
    this.#drop(subscription);
  }

  /** A client that disconnects or reloads loses its subscriptions. */
  dropClientSubscriptions(container: HubContainer): void {
    for (const subscription of [...this.#subscriptions.values()]) {
      if (subscription.container === container) this.#drop(subscription);
    }
  }

  securityAlert(source: HubContainer, alert: SecurityAlert): void {
    this.#log(`security alert ${alert} from ${source.getClientID()}`);
    this.#params.onSecurityAlert?.call(this.getScope(), source, alert);
  }

  #route(topic: string, data: unknown, publisher: HubContainer | null): void {
    for (const subscription of [...this.#subscriptions.values()]) {
      if (!topicMatches(subscription.topic, topic)) continue;
      if (!this.#subscriptions.has(subscription.key)) continue;   // dropped by an earlier delivery
      if (!this.#allowPublish(topic, data, publisher, subscription.container)) continue;
      try {
        subscription.deliver(topic, data);
      } catch (err) {
        // One subscriber's failure (its handler threw, its data cannot cross frames) must not stop the others.
        this.#log(`delivery of ${topic} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  #allowSubscribe(topic: string, container: HubContainer | null): boolean {
    try {
      return this.#params.onSubscribe.call(this.getScope(), topic, container) === true;
    } catch (err) {
      this.#log(`onSubscribe threw: ${String(err)}`);
      return false;
    }
  }

  #allowPublish(topic: string, data: unknown, publisher: HubContainer | null, subscriber: HubContainer | null): boolean {
    try {
      return this.#params.onPublish.call(this.getScope(), topic, data, publisher, subscriber) === true;
    } catch (err) {
      this.#log(`onPublish threw: ${String(err)}`);
      return false;
    }
  }

  #drop(subscription: Subscription): void {
    this.#subscriptions.delete(subscription.key);
    try {
      this.#params.onUnsubscribe?.call(this.getScope(), subscription.topic, subscription.container);
    } catch (err) {
      this.#log(`onUnsubscribe threw: ${String(err)}`);
    }
  }

  #requireContainer(container: HubContainer): void {
    if (this.#containers.get(container.getClientID()) !== container) throw hubError(HubErrors.NoContainer);
  }

  #log(message: string): void {
    this.#params.log?.call(this.getScope(), message);
  }
}

// The container's side of the hub topics of desktop-and-gadgets.md §4.2: answering gadgets' requests, the 1 s
// timer tick, view and height events, and collecting client logs. Every timer and subscription is released in close().
import type { ClientLogLine } from './client-log-format.ts';
import type { PageHub } from './hub-types.ts';
import { readContainerRequest, TICK_MS, TOPICS } from './container-requests.ts';

const CLIENT_LOG_LINES = 500;

export interface ContainerActions {
  getActiveTab(): string;
  activateTab(tabId: string): boolean;
  reloadGadget(gadgetId: string): boolean;
  /** Height a gadget may grow to: the window below the fixed parts of the page. */
  maxAvailableHeight(): number;
}

export class ContainerTopics {
  readonly clientLog: ClientLogLine[] = [];
  readonly #subscriptions: string[] = [];
  readonly #tick: ReturnType<typeof setInterval>;
  readonly #onResize = () => this.#publishHeight();
  #lastHeight = -1;

  constructor(private readonly hub: PageHub, private readonly actions: ContainerActions) {
    this.#subscriptions.push(hub.subscribe(TOPICS.requests, (_topic, data) => this.#serve(data)));
    this.#subscriptions.push(hub.subscribe(TOPICS.clientLogging, (topic, message) => {
      this.clientLog.push({ topic, at: Date.now(), message });
      if (this.clientLog.length > CLIENT_LOG_LINES) this.clientLog.shift();
    }));
    this.#tick = setInterval(() => hub.publish(TOPICS.timerTick, { tickFrequency: TICK_MS, dateQueued: Date.now() }), TICK_MS);
    window.addEventListener('resize', this.#onResize);
    this.#publishHeight();
  }

  publishActiveTab(): void {
    this.hub.publish(TOPICS.activeTab, this.actions.getActiveTab());
  }

  publishReload(gadgetId: string): void {
    this.hub.publish(TOPICS.reloadGadget, { gadgetId });
  }

  publishViewChanged(gadgetId: string, tabId: string, view: string): void {
    this.hub.publish(TOPICS.gadgetViewChanged, { gadgetId, tabId, maxAvailableHeight: this.actions.maxAvailableHeight(), view });
  }

  #publishHeight(): void {
    const height = this.actions.maxAvailableHeight();
    if (height === this.#lastHeight) return;
    this.#lastHeight = height;
    this.hub.publish(TOPICS.maxAvailableHeightChanged, { maxAvailableHeight: height });
  }

  #serve(message: unknown): void {
    const request = readContainerRequest(message);
    if (!request) return; // other requests on this topic belong to other parties
    switch (request.type) {
      case 'ActiveTabReq': this.publishActiveTab(); break;
      case 'SetActiveTabReq': this.actions.activateTab(request.id); break; // activation publishes activeTab
      case 'ReloadGadgetReq': this.actions.reloadGadget(request.gadgetId); break;
    }
  }

  close(): void {
    clearInterval(this.#tick);
    window.removeEventListener('resize', this.#onResize);
    for (const id of this.#subscriptions.splice(0)) {
      try { this.hub.unsubscribe(id); } catch { /* already gone with its hub */ }
    }
  }
}

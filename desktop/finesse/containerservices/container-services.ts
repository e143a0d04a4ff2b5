// finesse.containerservices.ContainerServices (desktop-and-gadgets.md §5, topics §4.2): what a gadget knows of
// the container around it: its tab and gadget id, tab activation, dialogs and reloads (delegated to the parent
// container, which is same-origin, §1), and the container's events on the hub, wrapped.
import { gadgetsHub, type HubCallback } from '../host.ts';
import { Utilities } from '../utilities/utilities.ts';
import { GadgetViewChangedEvent, MaxAvailableHeightChangedEvent, TimerTickEvent, WorkflowActionEvent } from './events.ts';

const Topics = {
  ACTIVE_TAB: 'finesse.containerservices.activeTab',
  WORKFLOW_ACTION_EVENT: 'finesse.containerservices.workflowActionEvent',
  TIMER_TICK_EVENT: 'finesse.containerservices.timerTickEvent',
  RELOAD_GADGET_EVENT: 'finesse.containerservices.reloadGadget',
  GADGET_VIEW_CHANGED_EVENT: 'finesse.containerservices.gadgetViewChangedEvent',
  MAX_AVAILABLE_HEIGHT_CHANGED_EVENT: 'finesse.containerservices.maxAvailableHeightChangedEvent',
  ACTIVE_CALL_STATUS_EVENT: 'finesse.containerservices.activeCallStatusEvent',
  FINESSE_MAINTENANCE_MODE_EVENT: 'finesse.containerservices.finesseMaintenanceModeEvent',
} as const;
const REQUESTS = 'finesse.containerservices.requests';

interface ParentContainer {
  Container?: { reloadGadget?(id: string): void; modifyGadgetUrl?(id: string, url: string): void; showDialog?(o: unknown): void; hideDialog?(): void };
  Tabs?: { getActiveTab?(): string; activateTab?(id: string): boolean };
}

function parentContainer(): ParentContainer | undefined {
  try {
    const parent = window.parent as unknown as { finesse?: { container?: ParentContainer } };
    return parent !== (window as unknown) ? parent.finesse?.container : undefined;
  } catch {
    return undefined; // a cross-origin parent: only the hub reaches it
  }
}

type Wrapper = (data: unknown) => unknown;
const WRAPPERS: Record<string, Wrapper> = {
  [Topics.TIMER_TICK_EVENT]: (d) => new TimerTickEvent(d),
  [Topics.GADGET_VIEW_CHANGED_EVENT]: (d) => new GadgetViewChangedEvent(d),
  [Topics.MAX_AVAILABLE_HEIGHT_CHANGED_EVENT]: (d) => new MaxAvailableHeightChangedEvent(d),
  [Topics.WORKFLOW_ACTION_EVENT]: (d) => new WorkflowActionEvent(d),
};

class ContainerServicesImpl {
  readonly Topics = Topics;
  #activeTab?: string;
  #initialized = false;
  readonly #handlers = new Map<string, { cb: (data: unknown) => void; hub: HubCallback; id?: string }[]>();

  init(): this {
    if (this.#initialized) return this;
    this.#initialized = true;
    gadgetsHub().subscribe(Topics.ACTIVE_TAB, (_t, data) => { if (typeof data === 'string') this.#activeTab = data; });
    this.makeActiveTabReq();
    return this;
  }

  /** `"tabVisible"` is ACTIVE_TAB; ACTIVE_TAB handlers run only when this gadget's tab becomes visible. */
  addHandler(topic: string, cb: (data: unknown) => void): void {
    const name = topic === 'tabVisible' ? Topics.ACTIVE_TAB : topic;
    const wrap = WRAPPERS[name];
    const hub: HubCallback = (_t, data) => {
      if (name === Topics.ACTIVE_TAB) {
        if (typeof data === 'string') this.#activeTab = data;
        if (data !== this.getMyTabId()) return;
      }
      if (name === Topics.RELOAD_GADGET_EVENT && !this.#isMine(data)) return;
      try { cb(wrap ? wrap(data) : data); } catch (err) { console.error('finesse: a container handler threw', err); }
    };
    const entry: { cb: (data: unknown) => void; hub: HubCallback; id?: string } = { cb, hub };
    entry.id = gadgetsHub().subscribe(name, hub);
    this.#handlers.set(name, [...(this.#handlers.get(name) ?? []), entry]);
  }

  removeHandler(topic: string, cb: (data: unknown) => void): void {
    const name = topic === 'tabVisible' ? Topics.ACTIVE_TAB : topic;
    const entries = this.#handlers.get(name) ?? [];
    for (const entry of entries.filter((e) => e.cb === cb)) if (entry.id) gadgetsHub().unsubscribe(entry.id);
    this.#handlers.set(name, entries.filter((e) => e.cb !== cb));
  }

  #isMine(data: unknown): boolean {
    const id = typeof data === 'object' && data !== null ? (data as { gadgetId?: unknown }).gadgetId : undefined;
    return id === undefined || String(id) === this.getMyGadgetId();
  }

  #request(type: string, data: Record<string, unknown>): void {
    gadgetsHub().publish(REQUESTS, { type, data, invokeID: Utilities.generateUUID() });
  }

  makeActiveTabReq(): void { this.#request('ActiveTabReq', {}); }

  activateTab(tabId: string): boolean {
    const tabs = parentContainer()?.Tabs;
    if (tabs?.activateTab) return tabs.activateTab(tabId);
    this.#request('SetActiveTabReq', { id: tabId });
    return true;
  }

  activateMyTab(): boolean {
    const id = this.getMyTabId();
    return id ? this.activateTab(id) : false;
  }

  /** The id of the closest `div.tab-panel` around this gadget's iframe, without `panel_` (§1). */
  getMyTabId(): string | undefined {
    try {
      const panel = window.frameElement?.closest('div.tab-panel');
      return panel?.id.replace(/^panel_/, '') || undefined;
    } catch {
      return undefined;
    }
  }

  /** The `mid` parameter of this gadget's iframe URL (§1). */
  getMyGadgetId(): string {
    return Utilities.getParameterByName('mid') ?? '';
  }

  tabVisible(): boolean {
    const active = parentContainer()?.Tabs?.getActiveTab?.() ?? this.#activeTab;
    return active !== undefined && active === this.getMyTabId();
  }

  showDialog(options: unknown): void { parentContainer()?.Container?.showDialog?.(options); }
  hideDialog(): void { parentContainer()?.Container?.hideDialog?.(); }

  reloadMyGadget(): void {
    const container = parentContainer()?.Container;
    if (container?.reloadGadget) container.reloadGadget(this.getMyGadgetId());
    else this.#request('ReloadGadgetReq', { gadgetId: this.getMyGadgetId() });
  }

  reloadMyGadgetFromUrl(url: string): void {
    const container = parentContainer()?.Container;
    container?.modifyGadgetUrl?.(this.getMyGadgetId(), url);
    container?.reloadGadget?.(this.getMyGadgetId());
  }
}

export const ContainerServices = new ContainerServicesImpl();
export { Topics as ContainerTopics };

// The event wrappers ContainerServices hands its handlers (desktop-and-gadgets.md §5; wire shapes §4.2).

const record = (data: unknown): Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data) ? data as Record<string, unknown> : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** `finesse.containerservices.timerTickEvent`: `{tickFrequency, dateQueued}`. */
export class TimerTickEvent {
  readonly #data: Record<string, unknown>;
  constructor(data: unknown) { this.#data = record(data); }
  getTickFrequency(): number { return Number(this.#data.tickFrequency ?? 1000); }
  getDateQueued(): Date { return new Date(typeof this.#data.dateQueued === 'number' ? this.#data.dateQueued : str(this.#data.dateQueued)); }
}

/** `finesse.containerservices.gadgetViewChangedEvent`: `{gadgetId, tabId, maxAvailableHeight, view}`. */
export class GadgetViewChangedEvent {
  readonly #data: Record<string, unknown>;
  constructor(data: unknown) { this.#data = record(data); }
  getGadgetId(): string { return str(this.#data.gadgetId); }
  getTabId(): string { return str(this.#data.tabId); }
  getMaxAvailableHeight(): number { return Number(this.#data.maxAvailableHeight ?? 0); }
  getView(): string { return str(this.#data.view); }
}

/** `finesse.containerservices.maxAvailableHeightChangedEvent`: `{maxAvailableHeight}`. */
export class MaxAvailableHeightChangedEvent {
  readonly #data: Record<string, unknown>;
  constructor(data: unknown) { this.#data = record(data); }
  getMaxAvailableHeight(): number { return Number(this.#data.maxAvailableHeight ?? 0); }
}

/** `finesse.containerservices.workflowActionEvent` (§4.2). */
export class WorkflowActionEvent {
  readonly #data: Record<string, unknown>;
  constructor(data: unknown) { this.#data = record(data); }
  getUri(): string { return str(this.#data.uri); }
  getName(): string { return str(this.#data.name); }
  getType(): string { return str(this.#data.type); }
  getHandledBy(): string { return str(this.#data.handledBy); }
  getParams(): { name: string; value: string; expandedValue: string }[] {
    return (Array.isArray(this.#data.params) ? this.#data.params : []).map((p: unknown) => {
      const r = record(p);
      return { name: str(r.name), value: str(r.value), expandedValue: str(r.expandedValue) };
    });
  }
  getActionVariables(): { name: string; node: string; type: string; testValue: string; actualValue: string }[] {
    return (Array.isArray(this.#data.actionVariables) ? this.#data.actionVariables : []).map((v: unknown) => {
      const r = record(v);
      return { name: str(r.name), node: str(r.node), type: str(r.type), testValue: str(r.testValue), actualValue: str(r.actualValue) };
    });
  }
}

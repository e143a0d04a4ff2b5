// The container topics of desktop-and-gadgets.md §4.2 and the gadget requests the container serves. Pure.

export const TOPICS = {
  requests: 'finesse.containerservices.requests',
  activeTab: 'finesse.containerservices.activeTab',
  reloadGadget: 'finesse.containerservices.reloadGadget',
  timerTick: 'finesse.containerservices.timerTickEvent',
  gadgetViewChanged: 'finesse.containerservices.gadgetViewChangedEvent',
  maxAvailableHeightChanged: 'finesse.containerservices.maxAvailableHeightChangedEvent',
  clientLogging: 'finesse.clientLogging.**',
} as const;

export const TICK_MS = 1000; // "every 1 s by default" (§4.2)

export type ContainerRequest =
  | { type: 'ActiveTabReq' }
  | { type: 'SetActiveTabReq'; id: string }
  | { type: 'ReloadGadgetReq'; gadgetId: string };

/** A `{type, data, invokeID}` request off the hub, if it is one the container serves. */
export function readContainerRequest(message: unknown): ContainerRequest | undefined {
  if (typeof message !== 'object' || message === null || !('type' in message)) return undefined;
  const data: unknown = 'data' in message ? message.data : undefined;
  const field = (name: string): string | undefined => {
    if (typeof data !== 'object' || data === null || !(name in data)) return undefined;
    const value: unknown = (data as Record<string, unknown>)[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  switch (message.type) {
    case 'ActiveTabReq': return { type: 'ActiveTabReq' };
    case 'SetActiveTabReq': { const id = field('id'); return id === undefined ? undefined : { type: 'SetActiveTabReq', id }; }
    case 'ReloadGadgetReq': {
      const gadgetId = field('gadgetId');
      return gadgetId === undefined ? undefined : { type: 'ReloadGadgetReq', gadgetId };
    }
    default: return undefined;
  }
}


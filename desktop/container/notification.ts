// Reads a Finesse notification as the master publishes it on the hub (desktop-and-gadgets.md §4.3):
// `{content, object: {Update: {data, event, requestId, source}}}`, with `data` Goessner-style.

export type UserNotification =
  | { kind: 'state'; state: string; requestId: string }
  | { kind: 'error'; requestId: string; errorType: string; errorMessage: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A property by name, any case: the XML may say apiErrors or ApiErrors. */
function property(value: unknown, name: string): unknown {
  if (!isObject(value)) return undefined;
  if (name in value) return value[name];
  const lower = name.toLowerCase();
  const key = Object.keys(value).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : value[key];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

export function readUserNotification(data: unknown): UserNotification | undefined {
  const update = property(property(data, 'object'), 'Update');
  if (!isObject(update)) return undefined;
  const requestId = text(property(update, 'requestId'));
  const payload = property(update, 'data');
  const apiErrors = property(payload, 'apiErrors');
  if (apiErrors !== undefined) {
    const list = property(apiErrors, 'apiError');
    const first: unknown = Array.isArray(list) ? list[0] : list;
    return {
      kind: 'error', requestId,
      errorType: text(property(first, 'errorType')), errorMessage: text(property(first, 'errorMessage')),
    };
  }
  const state = text(property(property(payload, 'user'), 'state'));
  return state ? { kind: 'state', state, requestId } : undefined;
}

export type SystemStatus = 'IN_SERVICE' | 'OUT_OF_SERVICE';

/** The status a SystemInfo notification carries (notifications.md §12: a PUT on every status change). */
export function readSystemStatus(data: unknown): SystemStatus | undefined {
  const update = property(property(data, 'object'), 'Update');
  const status = text(property(property(property(update, 'data'), 'systemInfo'), 'status'));
  return status === 'IN_SERVICE' || status === 'OUT_OF_SERVICE' ? status : undefined;
}

/** The hub topic of a pubsub node: `/finesse/api/User/agent1` → `finesse.api.User.agent1` (§4.2). */
export const topicOfNode = (node: string): string => node.replace(/^\//, '').replaceAll('/', '.');

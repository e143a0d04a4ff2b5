// The Dialogs of one notification on the agent's `/User/{id}/Dialogs` node, as the master publishes it on the hub
// (`{content, object: {Update: {data, event}}}`, desktop-and-gadgets.md §4.3): POST and DELETE carry
// `<dialogs><Dialog>…`, PUT carries `<dialog>…` (src/web/dialogs/dialog-cache.ts). Pure.
import type { DialogEvent } from './workflow-match.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const EVENTS = new Set<string>(['POST', 'PUT', 'DELETE']);

export function dialogsOfNotification(message: unknown): { event: DialogEvent; dialogs: Obj[] } | undefined {
  const object = isObj(message) ? message.object : undefined;
  const update = isObj(object) ? object.Update : undefined;
  if (!isObj(update) || typeof update.event !== 'string' || !EVENTS.has(update.event)) return undefined;
  const data = update.data;
  if (!isObj(data)) return undefined;
  const many = isObj(data.dialogs) ? data.dialogs.Dialog : undefined;
  const found = many !== undefined ? (Array.isArray(many) ? many : [many]) : [data.dialog ?? data.Dialog];
  return { event: update.event as DialogEvent, dialogs: found.filter(isObj) };
}

// What the call control shows of one Dialog (rest-api.md §4): the agent's own participant (state and actions),
// the other party's number and the call data picked by the media properties layout.
import { asArray, field, text } from '../shared/data.ts';
import type { Dialog } from '../shared/finesse-api.ts';
import type { LayoutEntry } from '../shared/media-layout.ts';
import { parseTime } from '../shared/time.ts';

export interface CallDataItem { label: string; value: string }

export interface DialogView {
  id: string;
  dialogState: string;
  /** The agent's participant state: ALERTING, ACTIVE, HELD, WRAP_UP… (rest-api.md §4.2). */
  state: string;
  actions: ReadonlySet<string>;
  /** The caller for an incoming call, the number dialled for an outgoing one. */
  otherParty: string;
  incoming: boolean;
  callType: string;
  /** When the call began (active, held) or the agent's participant entered its state (epoch ms). */
  since: number | undefined;
  callData: CallDataItem[];
  /** The other parties still on the call (mediaAddress), more than one on a conference. */
  others: string[];
}

const GONE = new Set(['DROPPED', 'FAILED']);
const FALLBACK_VARIABLES = Array.from({ length: 10 }, (_, i) => `callVariable${i + 1}`);

function participantsOf(dialog: Dialog): unknown[] {
  const raw = dialog.getParticipants();
  return Array.isArray(raw) ? raw : asArray(field(raw, 'Participant'));
}

function propertyValue(properties: Record<string, unknown>, name: string): string {
  const value = properties[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export function dialogView(dialog: Dialog, extension: string, layout: readonly LayoutEntry[] | undefined): DialogView {
  const participants = participantsOf(dialog);
  const mine = participants.find((p) => text(p, 'mediaAddress') === extension)
    ?? participants.find((p) => text(p, 'mediaAddressType') === 'AGENT_DEVICE');
  const from = dialog.getFromAddress();
  const incoming = from !== extension;
  const properties = dialog.getMediaProperties() ?? {};
  const callData = layout
    ? layout.map((e) => ({ label: e.displayName || e.mediaProperty, value: propertyValue(properties, e.mediaProperty) }))
    : FALLBACK_VARIABLES.map((name) => ({ label: name, value: propertyValue(properties, name) })).filter((v) => v.value !== '');
  return {
    id: dialog.getId(),
    dialogState: dialog.getState(),
    state: text(mine, 'state') || dialog.getState(),
    actions: new Set(asArray(field(mine, 'actions', 'action')).map(String)),
    otherParty: incoming ? from : dialog.getToAddress(),
    incoming,
    callType: propertyValue(properties, 'callType'),
    // On a call the agent wants the call's length, which hold does not reset; otherwise the time in the state.
    since: (['ACTIVE', 'HELD'].includes(text(mine, 'state')) ? parseTime(text(mine, 'startTime')) : undefined)
      ?? parseTime(text(mine, 'stateChangeTime')) ?? parseTime(text(mine, 'startTime')),
    callData,
    others: participants.filter((p) => p !== mine && !GONE.has(text(p, 'state'))).map((p) => text(p, 'mediaAddress')),
  };
}

/** Participant states a call card stays for; a DROPPED or FAILED dialog leaves once the library removes it. */
export const STATE_LABELS: Record<string, string> = {
  INITIATING: 'Off hook', INITIATED: 'Dialling', ALERTING: 'Incoming call', ACTIVE: 'Active', HELD: 'On hold',
  WRAP_UP: 'Wrap-up', FAILED: 'Call failed', DROPPED: 'Ended', ACCEPTED: 'Accepted',
};

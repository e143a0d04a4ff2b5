// A call as the web service knows it from the CTI stream: the material a Finesse Dialog is rendered from
// (rest-api.md §4.1), with the participant and dialog states of cti-to-finesse.md §1.2–§1.3. No wire form here.

export type ParticipantState =
  | 'INITIATING' | 'INITIATED' | 'ALERTING' | 'ACTIVE' | 'HELD' | 'FAILED' | 'DROPPED' | 'WRAP_UP';

export type DialogState = 'INITIATING' | 'INITIATED' | 'ALERTING' | 'ACTIVE' | 'FAILED' | 'DROPPED';

export type StateCause = '' | 'BUSY' | 'BAD_DESTINATION' | 'DEVICE_RESOURCE_NOT_AVAILABLE' | 'OTHER';

export interface Participant {
  /** The device's directory number (ConnectionDeviceID, cti.md §6.1). */
  readonly mediaAddress: string;
  state: ParticipantState;
  stateCause: StateCause;
  readonly startTime: Date;
  stateChangeTime: Date;
}

export interface CallRecord {
  /** The ConnectionCallID; the Dialog id in decimal (cti-to-finesse.md §1.1). */
  readonly id: number;
  /** The CTI CallType (cti.md §6.5); 0 until the engine names it. */
  callType: number;
  fromAddress: string;
  toAddress: string;
  dnis: string;
  dialedNumber: string;
  /** The CSQ of a routed call (SkillGroupNumber); undefined for others. */
  csqId: number | undefined;
  /** Finesse names (`callVariable1`, `user.<ecc>`, `user.<ecc>[i]`) to values, in arrival order. */
  readonly callVariables: Map<string, string>;
  wrapUpReason: string;
  /** In the order the parties joined. */
  participants: Participant[];
  /** The consult call of an original, or the original of a consult call. */
  associatedCallId: number | undefined;
  /** A CALL_FAILED ended an attempt on this call (rule 1 of §1.3). */
  failed: boolean;
  /** Merged into another call by a transfer or conference: its END_CALL owes nobody a wrap-up. */
  merged: boolean;
}

export function newCall(id: number, callType = 0): CallRecord {
  return {
    id, callType, fromAddress: '', toAddress: '', dnis: '', dialedNumber: '', csqId: undefined,
    callVariables: new Map(), wrapUpReason: '', participants: [], associatedCallId: undefined, failed: false,
    merged: false,
  };
}

export const participantOf = (call: CallRecord, address: string): Participant | undefined =>
  call.participants.find((p) => p.mediaAddress === address);

/** A copy that later events do not touch, for a DELETE in the final state an agent saw, or a wrap-up. */
export function copyCall(call: CallRecord): CallRecord {
  return {
    ...call, callVariables: new Map(call.callVariables),
    participants: call.participants.map((p) => ({ ...p })),
  };
}

const LIVE: readonly ParticipantState[] = ['INITIATING', 'INITIATED', 'ALERTING', 'ACTIVE', 'HELD'];
export const isLive = (state: ParticipantState): boolean => LIVE.includes(state);

/** cti-to-finesse.md §1.3: the first rule that holds. */
export function dialogStateOf(call: CallRecord, isAgent: (address: string) => boolean): DialogState {
  const states = call.participants.map((p) => p.state);
  if (!states.some(isLive)) return call.failed || states.includes('FAILED') ? 'FAILED' : 'DROPPED';
  const agentTalking = call.participants.some((p) => isAgent(p.mediaAddress) && (p.state === 'ACTIVE' || p.state === 'HELD'));
  if (states.includes('ALERTING') && !agentTalking) return 'ALERTING';
  if (states.includes('ACTIVE') || states.includes('HELD')) return 'ACTIVE';
  const originator = call.participants[0]?.state;
  return originator === 'INITIATED' ? 'INITIATED' : 'INITIATING';
}

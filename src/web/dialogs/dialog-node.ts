// A call as the Finesse Dialog element (rest-api.md §4.1), children in the order the spec shows, with each agent
// participant's actions (§4.2). Pure: who is an agent and who holds a consult call are asked of the caller.
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import { uriOf } from '../rest/common.ts';
import { finesseCallType } from './call-data.ts';
import { dialogStateOf, type CallRecord, type Participant, type ParticipantState } from './call-record.ts';

export type DialogAction =
  | 'ANSWER' | 'HOLD' | 'RETRIEVE' | 'DROP' | 'UPDATE_CALL_DATA' | 'CONSULT_CALL' | 'TRANSFER' | 'CONFERENCE'
  | 'TRANSFER_SST' | 'SEND_DTMF';

export interface DialogView {
  readonly isAgent: (address: string) => boolean;
  /** The agent on `address` is ACTIVE on a call other than `callId` (its consult call, §4.2 HELD row). */
  readonly hasOtherActiveCall: (address: string, callId: number) => boolean;
  readonly queueName: (csqId: number) => string | undefined;
}

export const dialogUri = (id: number): string => uriOf(`/Dialog/${id}`);

/**
 * rest-api.md §4.2 and cti-to-finesse.md §1.2. Poise also offers TRANSFER_SST and SEND_DTMF on an ACTIVE agent
 * (§4.2 inference); START_RECORDING is not offered, as the engine does not record.
 */
export function actionsOf(state: ParticipantState, holdsConsult: boolean): DialogAction[] {
  switch (state) {
    case 'INITIATING': case 'INITIATED': return ['DROP', 'UPDATE_CALL_DATA'];
    case 'ALERTING': return ['ANSWER'];
    case 'ACTIVE': return ['HOLD', 'DROP', 'UPDATE_CALL_DATA', 'CONSULT_CALL', 'TRANSFER_SST', 'SEND_DTMF'];
    case 'HELD': return ['RETRIEVE', 'DROP', 'UPDATE_CALL_DATA', ...(holdsConsult ? ['TRANSFER', 'CONFERENCE'] as const : [])];
    case 'FAILED': return ['DROP'];
    case 'WRAP_UP': return ['UPDATE_CALL_DATA'];
    case 'DROPPED': return [];
  }
}

/** The actions of one participant; other parties' actions are unreliable and clients ignore them (§4.2): none. */
export function participantActions(call: CallRecord, p: Participant, view: DialogView): DialogAction[] {
  if (!view.isAgent(p.mediaAddress)) return [];
  return actionsOf(p.state, p.state === 'HELD' && view.hasOtherActiveCall(p.mediaAddress, call.id));
}

const timestamp = (date: Date): string => date.toISOString();

export function dialogNode(call: CallRecord, view: DialogView, name: 'Dialog' | 'dialog' = 'Dialog'): FinesseNode {
  const queueName = call.csqId === undefined ? '' : view.queueName(call.csqId) ?? '';
  return record(name, [
    leaf('associatedDialogUri', call.associatedCallId === undefined ? '' : dialogUri(call.associatedCallId)),
    leaf('fromAddress', call.fromAddress),
    leaf('id', call.id),
    record('mediaProperties', [
      leaf('DNIS', call.dnis),
      leaf('callType', finesseCallType(call.callType)),
      leaf('dialedNumber', call.dialedNumber),
      leaf('outboundClassification', ''),
      leaf('queueName', queueName),
      leaf('queueNumber', call.csqId),
      leaf('wrapUpReason', call.wrapUpReason),
      list('callvariables', 'CallVariable', [...call.callVariables].map(([n, v]) =>
        record('CallVariable', [leaf('name', n), leaf('value', v)]))),
    ]),
    leaf('mediaType', 'Voice'),
    list('participants', 'Participant', call.participants.map((p) => record('Participant', [
      list('actions', 'action', participantActions(call, p, view).map((a) => leaf('action', a))),
      leaf('mediaAddress', p.mediaAddress),
      leaf('mediaAddressType', view.isAgent(p.mediaAddress) ? 'AGENT_DEVICE' : ''),
      leaf('startTime', timestamp(p.startTime)),
      leaf('state', p.state),
      leaf('stateCause', p.stateCause),
      leaf('stateChangeTime', timestamp(p.stateChangeTime)),
    ]))),
    leaf('state', dialogStateOf(call, view.isAgent)),
    leaf('toAddress', call.toAddress),
    leaf('uri', dialogUri(call.id)),
  ]);
}

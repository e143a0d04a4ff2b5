// finesse.restservices.Dialog and Dialogs (desktop-and-gadgets.md §5; rest-api.md §4): a call as the agent sees
// it, and the agent's list of calls (`/User/{id}/Dialogs`), which follows the calls on the Dialogs node.
import { Utilities } from '../utilities/utilities.ts';
import type { XmlJsObject } from '../utilities/xml2js.ts';
import { isObject, RestBase, textOf } from './rest-base.ts';
import { RestCollectionBase, type ItemConstructor } from './rest-collection.ts';
import type { RestHandlers } from './rest-request.ts';

const Actions = {
  DROP: 'DROP', ANSWER: 'ANSWER', HOLD: 'HOLD', RETRIEVE: 'RETRIEVE', MAKE_CALL: 'MAKE_CALL',
  CONSULT_CALL: 'CONSULT_CALL', TRANSFER: 'TRANSFER', TRANSFER_SST: 'TRANSFER_SST', CONFERENCE: 'CONFERENCE',
  BARGE_CALL: 'BARGE_CALL', PARTICIPANT_DROP: 'PARTICIPANT_DROP', UPDATE_CALL_DATA: 'UPDATE_CALL_DATA',
  START_RECORDING: 'START_RECORDING', DTMF: 'SEND_DTMF', ACCEPT: 'ACCEPT', REJECT: 'REJECT', CLOSE: 'CLOSE',
  RECLASSIFY: 'RECLASSIFY', UPDATE_SCHEDULED_CALLBACK: 'UPDATE_SCHEDULED_CALLBACK',
  CANCEL_SCHEDULED_CALLBACK: 'CANCEL_SCHEDULED_CALLBACK',
} as const;
const States = {
  INITIATING: 'INITIATING', INITIATED: 'INITIATED', ALERTING: 'ALERTING', ACTIVE: 'ACTIVE', DROPPED: 'DROPPED',
  FAILED: 'FAILED', ACCEPTED: 'ACCEPTED',
} as const;
const ParticipantStates = { ...States, HELD: 'HELD', WRAP_UP: 'WRAP_UP' } as const;
const ReasonStates = {
  BUSY: 'BUSY', BAD_DESTINATION: 'BAD_DESTINATION', OTHER: 'OTHER', DEVICE_RESOURCE_NOT_AVAILABLE: 'DEVICE_RESOURCE_NOT_AVAILABLE',
} as const;

export class Dialog extends RestBase {
  static readonly Actions = Actions;
  static readonly States = States;
  static readonly ParticipantStates = ParticipantStates;
  static readonly ReasonStates = ReasonStates;

  override getRestType(): string { return 'Dialog'; }
  // A Dialog has no node of its own: its events arrive on each participant's Dialogs node (notifications.md §3.1).
  override supportsSubscriptions(): boolean { return false; }
  override getRestUrl(): string { return `/finesse/api/Dialog/${encodeURIComponent(this._id)}`; }

  #field(name: string): string { return textOf(this._data?.[name]); }
  getFromAddress(): string { return this.#field('fromAddress'); }
  getToAddress(): string { return this.#field('toAddress'); }
  getMediaType(): string { return this.#field('mediaType'); }
  getState(): string { return this.#field('state'); }
  getDialogUri(): string { return this.#field('uri'); }
  getAssociatedDialogUri(): string { return this.#field('associatedDialogUri'); }
  getSecondaryId(): string { return this.#field('secondaryId'); }
  #mediaProperty(name: string): string { return isObject(this._data?.mediaProperties) ? textOf(this._data.mediaProperties[name]) : ''; }
  getCallType(): string { return this.#mediaProperty('callType'); }
  getDNIS(): string { return this.#mediaProperty('DNIS'); }
  getCallbackInfo(): XmlJsObject | undefined {
    const info = this._data?.scheduledCallbackInfo;
    return isObject(info) ? info : undefined;
  }

  getParticipants(): XmlJsObject[] {
    const holder = this._data?.participants;
    return isObject(holder) ? Utilities.getArray(holder.Participant).filter(isObject) : [];
  }

  /** The participant at `address` (an agent's extension), if any. */
  getParticipantByAddress(address: string): XmlJsObject | undefined {
    return this.getParticipants().find((p) => textOf(p.mediaAddress) === address);
  }

  /** Actions the participant at `address` may take now. */
  getParticipantActions(address: string): string[] {
    const actions = this.getParticipantByAddress(address)?.actions;
    return isObject(actions) ? Utilities.getArray(actions.action).map(textOf) : [];
  }

  /** Every call variable by name, plus the other media properties (§5). */
  getMediaProperties(): Record<string, string> {
    const properties = this._data?.mediaProperties;
    const out: Record<string, string> = {};
    if (!isObject(properties)) return out;
    for (const [name, value] of Object.entries(properties)) {
      if (name === 'callvariables') continue;
      if (typeof value === 'string' || value === null) out[name] = value ?? '';
    }
    const variables = properties.callvariables;
    for (const variable of isObject(variables) ? Utilities.getArray(variables.CallVariable) : []) {
      if (isObject(variable)) out[textOf(variable.name)] = textOf(variable.value);
    }
    return out;
  }

  requestAction(targetMediaAddress: string, action: string, handlers?: RestHandlers): this {
    return this._write('PUT', { Dialog: { targetMediaAddress, requestedAction: action } }, handlers);
  }

  makeConsultCall(mediaAddress: string, toAddress: string, handlers?: RestHandlers): this {
    return this._write('PUT', { Dialog: { targetMediaAddress: mediaAddress, toAddress, requestedAction: Actions.CONSULT_CALL } }, handlers);
  }

  initiateDirectTransfer(mediaAddress: string, toAddress: string, handlers?: RestHandlers): this {
    return this._write('PUT', { Dialog: { targetMediaAddress: mediaAddress, toAddress, requestedAction: Actions.TRANSFER_SST } }, handlers);
  }

  updateWrapUpReason(wrapUpReason: string, handlers?: RestHandlers): this {
    return this._write('PUT', { Dialog: { mediaProperties: { wrapUpReason }, requestedAction: Actions.UPDATE_CALL_DATA } }, handlers);
  }

  /** Call data: `{callVariable1: 'x', wrapUpReason: 'y'}` (UPDATE_CALL_DATA). */
  updateCallData(mediaProperties: Record<string, string>, handlers?: RestHandlers): this {
    const { wrapUpReason, ...variables } = mediaProperties;
    const CallVariable = Object.entries(variables).map(([name, value]) => ({ name, value }));
    return this._write('PUT', { Dialog: {
      mediaProperties: { ...(wrapUpReason !== undefined ? { wrapUpReason } : {}), callvariables: { CallVariable } },
      requestedAction: Actions.UPDATE_CALL_DATA,
    } }, handlers);
  }

  dropParticipant(targetMediaAddress: string, handlers?: RestHandlers): this {
    return this._write('PUT', { Dialog: { targetMediaAddress, requestedAction: Actions.PARTICIPANT_DROP } }, handlers);
  }

  sendDTMFRequest(mediaAddress: string, handlers: RestHandlers | undefined, digit: string): this {
    return this._write('PUT', { Dialog: { targetMediaAddress: mediaAddress, actionParams: { ActionParam: { name: 'dtmfString', value: digit } }, requestedAction: Actions.DTMF } }, handlers);
  }
}

export class Dialogs extends RestCollectionBase<Dialog> {
  override getRestType(): string { return 'Dialogs'; }
  override getRestItemType(): string { return 'Dialog'; }
  override getRestItemClass(): ItemConstructor { return Dialog; }

  /** Places a call from `fromAddress` (the agent's extension) to `toAddress` (MAKE_CALL). */
  createNewCallDialog(toAddress: string, fromAddress: string, handlers?: RestHandlers): this {
    return this._write('POST', { Dialog: { requestedAction: Actions.MAKE_CALL, fromAddress, toAddress } }, handlers);
  }

  createNewSuperviseCallDialog(toAddress: string, fromAddress: string, action: string, handlers?: RestHandlers): this {
    return this._write('POST', { Dialog: { requestedAction: action, fromAddress, toAddress } }, handlers);
  }

  /** Calls in the list, leaving silent-monitor calls out when asked. */
  getDialogCount(excludeSilentMonitor = false): number {
    return this.getItems().filter((d) => !excludeSilentMonitor || d.getCallType() !== 'SUPERVISOR_MONITOR').length;
  }
}

// Dialog writes from REST to the engine and back (rest-api.md §2, §4.4–§4.5; cti-to-finesse.md §3): validate
// against the dialog as the acting agent sees it, then, after the 202, send the CTI request(s). The events a
// request causes carry its InvokeID (cti.md §8.3) and so its requestId; a refusal or no answer becomes one
// apiErrors notification on the agent's Dialogs node.
import type { Logger } from '../../shared/logger.ts';
import { NULL_ID, type CtiMessage } from '../../engine/cti/codec/index.ts';
import type { CtiRequest } from '../../engine/cti/client.ts';
import { CTI_TIMEOUT, failureDetail, type CtiConnection, type CtiFailureDetail } from '../cti-client/index.ts';
import { FinesseApiError, wrongUser } from '../errors.ts';
import { leaf, record } from '../representation/node.ts';
import { renderUpdate, type Publisher } from '../publisher/index.ts';
import { serviceUnavailable } from '../users/agent-state-requests.ts';
import { ctiCallDataOf, isDirectCall } from './call-data.ts';
import { participantOf, type CallRecord } from './call-record.ts';
import { dialogsNode, type DialogCache, type RequestCause } from './dialog-cache.ts';
import { dialogUri, participantActions } from './dialog-node.ts';
import { invalidDestination, type DialogRequest, type MakeCallRequest } from './dialog-request-body.ts';

const OUTCOME_DEADLINE_MS = 10_000; // cti-to-finesse.md §3.1

/** How a refusal of this request is typed (cti-to-finesse.md §3.2). */
type FailureKind = 'call' | 'callData';

interface Pending extends RequestCause {
  readonly loginId: string;
  /** The dialog the request names; undefined for a MAKE_CALL until the engine gives the call an id. */
  dialogId: number | undefined;
  readonly kind: FailureKind;
  timer?: NodeJS.Timeout;
}

/** One CTI request of a REST request; `next` sends the second of a two-step request (TRANSFER_SST). */
interface Step { readonly request: CtiRequest; readonly next?: (reply: CtiMessage) => CtiRequest | undefined }

export interface DialogRequestsOptions {
  readonly dialogs: DialogCache;
  readonly publisher: Publisher;
  readonly log: Logger;
  readonly cti: CtiConnection | undefined;
  readonly outcomeDeadlineMs?: number;
}

const M8 = {
  callPlacementType: 0, callMannerType: 0, alertRings: 0, callOption: 0, facilityType: 0, answeringMachine: 0,
  priority: false, postRoute: false,
} as const;
const STATIC = 0; // ConnectionDeviceIDType: Poise device ids are directory numbers (cti.md §6.1)

export const dialogNotFound = (id: string) => new FinesseApiError(404, 'Not Found', id, 'Invalid dialogId specified for dialog');

export class DialogRequests {
  readonly #options: DialogRequestsOptions;
  readonly #pending = new Map<number, Pending>();
  /** Finesse serialises requests per object: each waits for the CTI answer to the previous one (§1.5). */
  readonly #queues = new Map<string, Promise<void>>();

  constructor(options: DialogRequestsOptions) {
    this.#options = options;
    options.dialogs.causeOf = (event) => {
      const invokeId = 'poiseCauseInvokeId' in event ? event.poiseCauseInvokeId : undefined;
      const clientId = 'poiseCauseClientId' in event ? event.poiseCauseClientId : undefined;
      if (invokeId === undefined || clientId !== options.cti?.clientId) return undefined;
      return this.#pending.get(invokeId);
    };
  }

  /**
   * PUT /Dialog/{id}: validates `request` by `loginId` (throws the FinesseApiError the client gets now) and
   * returns the work to start after the 202; nothing in it throws.
   */
  acceptAction(loginId: string, id: number, request: DialogRequest, requestId: string): () => void {
    const { dialogs } = this.#options;
    const call = dialogs.dialogOf(loginId, id);
    if (!call) throw dialogs.exists(id) ? wrongUser(loginId) : dialogNotFound(String(id));
    const extension = dialogs.extensionOf(loginId) ?? '';
    const target = request.target ?? extension;
    const participant = participantOf(call, target);
    if (!participant) throw invalidDestination(target, 'The targetMediaAddress is not a participant of the dialog.');
    if (request.action === 'PARTICIPANT_DROP') throw wrongUser(loginId); // a supervisor's action (§4.5)
    if (target !== extension) throw wrongUser(loginId);
    if (request.action === 'SEND_DTMF' && participant.state === 'HELD') {
      throw new FinesseApiError(401, 'Invalid State', participant.state, 'DTMF cannot be sent on a held call.');
    }
    // The brief's rule of rest-api.md §1.4 "transition not allowed": an action the participant does not offer.
    if (!(participantActions(call, participant, dialogs.view) as string[]).includes(request.action)) {
      throw new FinesseApiError(400, 'Invalid State', participant.state,
        `${request.action} is not allowed while the participant is ${participant.state}.`);
    }
    const pending = (kind: FailureKind): Pending => ({ requestId, notified: false, loginId, dialogId: id, kind });
    if (request.action === 'UPDATE_CALL_DATA') {
      const protectedCall = request.variables.size > 0 && isDirectCall(call.callType);
      if (request.tooLong !== undefined || protectedCall) {
        // §4.5: too long → async Invalid Input; call variables on a direct call → async "Call Variable is protected".
        const detail = protectedCall
          ? { errorData: [...request.variables.keys()][0] ?? '', errorMessage: 'CALL_VARIABLE_PROTECTED' }
          : { errorData: request.tooLong ?? '', errorMessage: 'INVALID_CALL_VARIABLE_LENGTH' };
        const errorType = protectedCall ? 'Call Variable is protected' : 'Invalid Input';
        return () => this.#publishError(pending('callData'), detail, errorType);
      }
      if (dialogs.isWrapUp(loginId, id)) {
        // The call has ended in the engine; its wrap-up data stay with the dialog web keeps [Poise].
        return () => dialogs.updateWrapUp(loginId, id, request.variables, request.wrapUpReason, requestId);
      }
    }
    if (!this.#options.cti?.isOpen) throw serviceUnavailable();
    const step = this.#stepOf(call, extension, request);
    const kind: FailureKind = request.action === 'UPDATE_CALL_DATA' ? 'callData' : 'call';
    return () => this.#enqueue(`dialog:${id}`, () => this.#run(pending(kind), step));
  }

  /** POST /User/{id}/Dialogs with MAKE_CALL (§4.4); `loginId` is the acting agent itself. */
  acceptMakeCall(loginId: string, request: MakeCallRequest, requestId: string): () => void {
    const extension = this.#options.dialogs.extensionOf(loginId);
    if (extension === undefined) throw new FinesseApiError(400, 'Invalid State', 'LOGOUT', 'The user is not signed in.');
    if (request.fromAddress !== extension) {
      throw new FinesseApiError(400, 'Invalid Input', request.fromAddress, 'The fromAddress is not the signed-in extension.');
    }
    if (!this.#options.cti?.isOpen) throw serviceUnavailable();
    const step: Step = {
      request: {
        type: 'MAKE_CALL_REQ', peripheralId: 1, ...M8, skillGroupNumber: NULL_ID, agentInstrument: extension,
        dialedNumber: request.toAddress,
      },
    };
    const pending: Pending = { requestId, notified: false, loginId, dialogId: undefined, kind: 'call' };
    return () => this.#enqueue(`user:${loginId.toLowerCase()}`, () => this.#run(pending, step));
  }

  close(): void {
    for (const pending of this.#pending.values()) clearTimeout(pending.timer);
    this.#pending.clear();
  }

  #stepOf(call: CallRecord, extension: string, request: DialogRequest): Step {
    const head = { peripheralId: 1, connectionCallId: call.id, connectionDeviceIdType: STATIC, connectionDeviceId: extension } as const;
    switch (request.action) {
      case 'ANSWER': return { request: { type: 'ANSWER_CALL_REQ', ...head } };
      case 'HOLD': return { request: { type: 'HOLD_CALL_REQ', ...head, reservation: false, agentInstrument: extension } };
      case 'DROP': return { request: { type: 'CLEAR_CONNECTION_REQ', ...head, agentInstrument: extension } };
      case 'RETRIEVE':
        return {
          request: {
            type: 'RETRIEVE_CALL_REQ', peripheralId: 1, heldConnectionCallId: call.id,
            heldConnectionDeviceIdType: STATIC, heldConnectionDeviceId: extension, agentInstrument: extension,
          },
        };
      case 'CONSULT_CALL': case 'TRANSFER_SST': {
        const consult: CtiRequest = {
          type: 'CONSULTATION_CALL_REQ', peripheralId: 1, activeConnectionCallId: call.id,
          activeConnectionDeviceIdType: STATIC, ...M8, consultType: request.action === 'TRANSFER_SST' ? 1 : 0,
          activeConnectionDeviceId: extension, dialedNumber: request.toAddress, agentInstrument: extension,
        };
        if (request.action === 'CONSULT_CALL') return { request: consult };
        // cti.md §7.1: a blind transfer is a consult, then TRANSFER_CALL_REQ on its CONF.
        return {
          request: consult,
          next: (reply) => reply.type !== 'CONSULTATION_CALL_CONF' ? undefined : transferRequest(call.id, reply.newConnectionCallId, extension),
        };
      }
      case 'TRANSFER': case 'CONFERENCE': {
        const consult = this.#activeConsultOf(call, extension);
        if (request.action === 'TRANSFER') return { request: transferRequest(call.id, consult, extension) };
        return {
          request: {
            type: 'CONFERENCE_CALL_REQ', peripheralId: 1, heldConnectionCallId: call.id, activeConnectionCallId: consult,
            heldConnectionDeviceIdType: STATIC, activeConnectionDeviceIdType: STATIC, ...M8,
            heldConnectionDeviceId: extension, activeConnectionDeviceId: extension, agentInstrument: extension,
          },
        };
      }
      case 'SEND_DTMF':
        return {
          request: {
            type: 'SEND_DTMF_SIGNAL_REQ', ...head, toneDuration: 0, pauseDuration: 0, dtmfString: request.dtmfString,
            agentInstrument: extension,
          },
        };
      case 'UPDATE_CALL_DATA':
        return {
          request: {
            // CallType 0 and absent items leave the call's data as they are (cti.md §7.1); QueryRuleID 1 in UCCX.
            type: 'SET_CALL_DATA_REQ', peripheralId: 1, connectionDeviceIdType: STATIC, connectionCallId: call.id,
            callType: 0, calledPartyDisposition: 0, campaignId: 0, queryRuleId: 1, connectionDeviceId: extension,
            ...ctiCallDataOf(request.variables, request.wrapUpReason),
          },
        };
      case 'PARTICIPANT_DROP':
        throw wrongUser(extension);
    }
  }

  /** The agent's other call on which it is ACTIVE: its consult call, linked to this one when the engine said so. */
  #activeConsultOf(call: CallRecord, extension: string): number {
    const { dialogs } = this.#options;
    const linked = call.associatedCallId === undefined ? undefined : dialogs.call(call.associatedCallId);
    if (linked && participantOf(linked, extension)?.state === 'ACTIVE') return linked.id;
    for (const other of dialogs.dialogsOf(dialogs.loginIdAt(extension) ?? '')) {
      if (other.id !== call.id && participantOf(other, extension)?.state === 'ACTIVE') return other.id;
    }
    return NULL_ID; // checked by the actions offered; the engine refuses it if the call went meanwhile
  }

  #enqueue(key: string, task: () => Promise<void>): void {
    const next = (this.#queues.get(key) ?? Promise.resolve()).then(task);
    this.#queues.set(key, next);
    void next.then(() => { if (this.#queues.get(key) === next) this.#queues.delete(key); });
  }

  async #run(pending: Pending, step: Step): Promise<void> {
    const { cti, log } = this.#options;
    if (!cti) return;
    let request: CtiRequest | undefined = step.request;
    let next = step.next;
    while (request) {
      const { invokeId, reply } = cti.send(request);
      if (invokeId !== 0) this.#pending.set(invokeId, pending);
      let answer: CtiMessage;
      try {
        answer = await reply;
      } catch (err) {
        log.warn({ err, request: request.type, dialogId: pending.dialogId }, 'dialog request unanswered');
        this.#pending.delete(invokeId);
        return this.#publishError(pending, CTI_TIMEOUT, 'Generic Error');
      }
      const refusal = failureDetail(answer);
      if (refusal) {
        log.info({ request: request.type, dialogId: pending.dialogId, reply: answer.type, ...refusal }, 'dialog request refused');
        this.#pending.delete(invokeId);
        const conference = request.type === 'CONFERENCE_CALL_REQ' && refusal.errorData === '22';
        return this.#publishError(pending, refusal, pending.kind === 'callData' ? 'Invalid Input'
          : conference ? 'Invalid State' : 'Call Operation Failure');
      }
      if (answer.type === 'MAKE_CALL_CONF') pending.dialogId ??= answer.newConnectionCallId;
      if (answer.type === 'SEND_DTMF_SIGNAL_CONF') {
        // Digits change nothing in the call, so no event will carry this request: its CONF is the outcome.
        this.#pending.delete(invokeId);
        clearTimeout(pending.timer);
        return this.#republishOnce(pending);
      }
      this.#expire(invokeId, pending);
      request = next?.(answer);
      next = undefined;
    }
  }

  /** Accepted: its events may come later still; at least one notification per accepted request (§2). */
  #expire(invokeId: number, pending: Pending): void {
    const timer = setTimeout(() => {
      if (this.#pending.get(invokeId) === pending) this.#pending.delete(invokeId);
      this.#republishOnce(pending);
    }, this.#options.outcomeDeadlineMs ?? OUTCOME_DEADLINE_MS);
    timer.unref();
    clearTimeout(pending.timer);
    pending.timer = timer;
  }

  /** The dialog as it is, with the request's requestId, unless an event already carried it. */
  #republishOnce(pending: Pending): void {
    if (pending.notified || pending.dialogId === undefined) return;
    pending.notified = true;
    this.#options.dialogs.republish(pending.loginId, pending.dialogId, pending.requestId);
  }

  /** cti-to-finesse.md §3.2: one apiErrors PUT on the agent's Dialogs node, source the dialog (or the collection). */
  #publishError(pending: Pending, detail: CtiFailureDetail, errorType: string): void {
    clearTimeout(pending.timer);
    pending.notified = true;
    const node = dialogsNode(pending.loginId);
    const source = pending.dialogId === undefined ? node : dialogUri(pending.dialogId);
    const data = record('apiErrors', [record('apiError', [
      leaf('errorData', detail.errorData), leaf('errorMessage', detail.errorMessage), leaf('errorType', errorType),
    ])]);
    this.#options.publisher.publish(node, renderUpdate(data, 'PUT', pending.requestId, source));
  }
}

function transferRequest(heldCallId: number, activeCallId: number, extension: string): CtiRequest {
  return {
    type: 'TRANSFER_CALL_REQ', peripheralId: 1, activeConnectionCallId: activeCallId, heldConnectionCallId: heldCallId,
    activeConnectionDeviceIdType: STATIC, heldConnectionDeviceIdType: STATIC, ...M8,
    activeConnectionDeviceId: extension, heldConnectionDeviceId: extension, agentInstrument: extension,
  };
}

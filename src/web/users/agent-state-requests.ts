// A User state change from REST to the engine and back (rest-api.md §2, §3.2–§3.3; cti-to-finesse.md §3): validate,
// then the REST edge answers 202 while this sends SET_AGENT_STATE_REQ; the AGENT_STATE_EVENT the request caused
// (PoiseCauseInvokeID) is published with the request's requestId, a refusal as an apiErrors notification.
import type { Logger } from '../../shared/logger.ts';
import type { CtiMessageOf } from '../../engine/cti/codec/index.ts';
import { CTI_TIMEOUT, failureDetail, type CtiConnection, type CtiFailureDetail } from '../cti-client/index.ts';
import { badRequest, FinesseApiError, invalidInput, parameterMissing } from '../errors.ts';
import { leaf, record } from '../representation/node.ts';
import { renderUpdate, type Publisher } from '../publisher/index.ts';
import type { ReasonCodeCategory } from '../schema.ts';
import type { ReasonCode } from '../store/reason-codes.ts';
import { checkTransition, isOnCall, type RequestedState } from './transitions.ts';
import type { UserCache } from './user-cache.ts';
import { userUri, type FinesseUser } from './user.ts';

const OUTCOME_DEADLINE_MS = 10_000; // cti-to-finesse.md §3.1

export interface StateChange {
  readonly state: RequestedState;
  readonly extension: string | undefined;
  /** The ReasonCode id the client sent; undefined when absent (or -1). */
  readonly reasonCodeId: number | undefined;
  /** A supervisor's change carries the system code instead (rest-api.md §3.4: 33 NOT_READY, 22 LOGOUT). */
  readonly systemReasonCode?: number;
}

interface Pending { readonly requestId: string; readonly userid: string; timer?: NodeJS.Timeout }

export interface AgentStateRequestsOptions {
  readonly users: UserCache;
  /** The codes the user may give (rest-api.md §3.2: global ones and its team's), system codes left out. */
  readonly reasonCodesOf: (userid: string, category: ReasonCodeCategory) => Promise<ReasonCode[]>;
  readonly publisher: Publisher;
  readonly log: Logger;
  readonly cti: CtiConnection | undefined;
  readonly outcomeDeadlineMs?: number;
  /** The requestId of another kind of request that caused an agent event (a Dialog ANSWER makes the agent TALKING). */
  readonly otherCause?: (event: CtiMessageOf<'AGENT_STATE_EVENT'>) => string | undefined;
}

export class AgentStateRequests {
  readonly #options: AgentStateRequestsOptions;
  readonly #pending = new Map<number, Pending>();
  /** Finesse serialises requests per user: each waits for the CTI answer to the previous one (§1.5). */
  readonly #queues = new Map<string, Promise<void>>();

  constructor(options: AgentStateRequestsOptions) {
    this.#options = options;
    options.cti?.onEvent((message) => {
      if (message.type === 'AGENT_STATE_EVENT') void this.#onAgentState(message);
    });
  }

  /**
   * Validates a change of `user` (throws the FinesseApiError the client gets now) and returns the work to start
   * after the 202: nothing in it throws.
   */
  async accept(user: FinesseUser, change: StateChange, requestId: string): Promise<() => void> {
    const action = checkTransition(user.state, change.state);
    if (change.state === 'LOGIN') {
      if (change.extension === undefined || change.extension === '') throw parameterMissing('extension');
      if (change.extension !== user.homeExtension) throw badRequest(change.extension, 'Invalid extension specified for user.');
    }
    const code = change.systemReasonCode ?? await this.#reasonCode(user, change);
    if (action === 'signedIn') return () => void this.#options.users.republish(user.loginId, requestId);
    if (!this.#options.cti?.isOpen) throw serviceUnavailable();
    const instrument = change.state === 'LOGIN' ? change.extension ?? '' : user.extension || user.homeExtension;
    return () => this.#enqueue(user.loginId, () => this.#send(user, change.state, code, instrument, requestId));
  }

  /** The CTI EventReasonCode of the request: the configured code's `code`, 0 when none (§3.2, §3.3). */
  async #reasonCode(user: FinesseUser, change: StateChange): Promise<number> {
    if (change.state !== 'NOT_READY' && change.state !== 'LOGOUT') return 0;
    const category = change.state;
    const configured = await this.#options.reasonCodesOf(user.loginId, category);
    if (change.reasonCodeId === undefined) {
      if (configured.length > 0) {
        throw new FinesseApiError(400, 'Parameter Missing', 'finesse.api.reasoncode.require_reasoncode',
          'The state change requires a valid reason code.');
      }
      return 0;
    }
    const rc = configured.find((c) => c.id === change.reasonCodeId);
    if (!rc) throw invalidInput(String(change.reasonCodeId), `Invalid reasonCodeId for ${category}.`);
    return rc.code;
  }

  #enqueue(userid: string, task: () => Promise<void>): void {
    const key = userid.toLowerCase();
    const next = (this.#queues.get(key) ?? Promise.resolve()).then(task);
    this.#queues.set(key, next);
    void next.then(() => { if (this.#queues.get(key) === next) this.#queues.delete(key); });
  }

  async #send(user: FinesseUser, state: RequestedState, eventReasonCode: number, instrument: string, requestId: string): Promise<void> {
    const { cti, log, users } = this.#options;
    if (!cti) return;
    const { invokeId, reply } = cti.send({
      type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState: state, agentWorkMode: 0, numSkillGroups: 0,
      eventReasonCode, forcedFlag: 0, agentServiceReq: 0, agentInstrument: instrument, agentId: user.loginId,
    });
    const pending: Pending = { requestId, userid: user.loginId };
    if (invokeId !== 0) this.#pending.set(invokeId, pending);
    let answer;
    try {
      answer = await reply;
    } catch (err) {
      log.warn({ err, user: user.loginId, state }, 'agent state request unanswered');
      return this.#fail(invokeId, pending, CTI_TIMEOUT);
    }
    const refusal = failureDetail(answer);
    if (refusal) {
      log.info({ user: user.loginId, state, reply: answer.type, ...refusal }, 'agent state request refused');
      return this.#fail(invokeId, pending, refusal);
    }
    if (!this.#pending.has(invokeId)) return; // the event it caused came first and has been published
    if ((state === 'NOT_READY' || state === 'LOGOUT' || state === 'WORK') && isOnCall(user.state)) {
      // §3.3: applied when the call ends; the engine reports no state change until then.
      this.#pending.delete(invokeId);
      return users.setPendingState(user.loginId, state, requestId);
    }
    // Accepted, its event still to come: at least one notification per accepted request (rest-api.md §2).
    pending.timer = setTimeout(() => {
      if (this.#pending.get(invokeId) !== pending) return;
      this.#pending.delete(invokeId);
      void users.republish(pending.userid, requestId);
    }, this.#options.outcomeDeadlineMs ?? OUTCOME_DEADLINE_MS);
  }

  #fail(invokeId: number, pending: Pending, detail: CtiFailureDetail): void {
    this.#pending.delete(invokeId);
    clearTimeout(pending.timer);
    const uri = userUri(pending.userid);
    // cti-to-finesse.md §3.2: user requests fail with errorType Invalid State, on the User node; no answer: Generic Error.
    const errorType = detail === CTI_TIMEOUT ? 'Generic Error' : 'Invalid State';
    const data = record('apiErrors', [record('apiError', [
      leaf('errorData', detail.errorData), leaf('errorMessage', detail.errorMessage), leaf('errorType', errorType),
    ])]);
    this.#options.publisher.publish(uri, renderUpdate(data, 'PUT', pending.requestId, uri));
  }

  async #onAgentState(event: CtiMessageOf<'AGENT_STATE_EVENT'>): Promise<void> {
    const cause = event.poiseCauseInvokeId;
    const ours = cause !== undefined && event.poiseCauseClientId === this.#options.cti?.clientId;
    const pending = ours ? this.#pending.get(cause) : undefined;
    if (pending && cause !== undefined) {
      this.#pending.delete(cause);
      clearTimeout(pending.timer);
    }
    try {
      const requestId = pending?.requestId ?? this.#options.otherCause?.(event) ?? '';
      await this.#options.users.applyAgentState(event, requestId);
    } catch (err) {
      this.#options.log.warn({ err, agentId: event.agentId }, 'agent state event not applied');
    }
  }

  close(): void {
    for (const pending of this.#pending.values()) clearTimeout(pending.timer);
    this.#pending.clear();
  }
}

/** rest-api.md §1.4: 503 while the engine cannot be reached. */
export const serviceUnavailable = (): FinesseApiError =>
  new FinesseApiError(503, 'Service Unavailable', '', 'SERVER_OUT_OF_SERVICE');

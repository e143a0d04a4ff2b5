// Every call the engine reports, as Finesse Dialogs, and their notifications on each agent participant's
// Dialogs node (cti-to-finesse.md §1.4): POST when an agent joins, PUT when what it sees changes, DELETE when it
// leaves or the call ends; an agent in WORK at END_CALL keeps the dialog in WRAP_UP until it leaves WORK. After a
// (re)connect to an engine that replays its live state (cti.md §4.2), the calls are rebuilt from the replay.
import type { Logger } from '../../shared/logger.ts';
import { Service, type CtiMessage, type CtiMessageOf } from '../../engine/cti/codec/index.ts';
import type { CtiConnection } from '../cti-client/index.ts';
import { list, type FinesseNode } from '../representation/node.ts';
import { renderXmlFragment } from '../representation/xml.ts';
import { renderUpdate, type Publisher, type UpdateEvent } from '../publisher/index.ts';
import { uriOf } from '../rest/common.ts';
import { applyCallEvent, isCallEvent, type CallChange, type CallEventMessage } from './call-events.ts';
import { copyCall, participantOf, type CallRecord } from './call-record.ts';
import { dialogNode, dialogUri, type DialogView } from './dialog-node.ts';

/** The request behind an event (PoiseCauseInvokeID, cti.md §8.3); `notified` once a notification carried it. */
export interface RequestCause { readonly requestId: string; notified: boolean }

export interface DialogCacheOptions {
  readonly publisher: Publisher;
  readonly log: Logger;
  readonly cti?: CtiConnection | undefined;
  /** The CSQ name behind a queueNumber; '' when unknown. */
  readonly queueName?: (csqId: number) => string | undefined;
  readonly now?: () => Date;
}

interface SignedInAgent { readonly loginId: string; readonly extension: string; state: CtiMessageOf<'AGENT_STATE_EVENT'>['agentState'] }

export const dialogsNode = (loginId: string): string => uriOf(`/User/${loginId}/Dialogs`);
const inWork = (state: SignedInAgent['state'] | undefined): boolean => state === 'WORK' || state === 'WORK_READY';

export class DialogCache {
  readonly #options: DialogCacheOptions;
  readonly #now: () => Date;
  #calls = new Map<number, CallRecord>();
  /** Agents (lower-case login id) that hold each call: they got its POST and no DELETE yet. */
  readonly #audience = new Map<number, Set<string>>();
  /** The last `dialog` rendering published for each call, to publish a PUT only on change. */
  readonly #rendered = new Map<number, string>();
  /** Per agent (lower-case), the dialogs it keeps in WRAP_UP after their call ended. */
  readonly #wrapUps = new Map<string, Map<number, CallRecord>>();
  readonly #byExtension = new Map<string, SignedInAgent>();
  readonly #byLogin = new Map<string, SignedInAgent>();
  /** While an engine replays its state after OPEN_CONF: the calls rebuilt so far. */
  #replay: Map<number, CallRecord> | undefined;
  /** Set by the request side: the request an event answers. */
  causeOf: (event: CtiMessage) => RequestCause | undefined = () => undefined;

  readonly view: DialogView = {
    isAgent: (address) => this.#byExtension.has(address),
    hasOtherActiveCall: (address, callId) => [...this.#calls.values()].some((c) =>
      c.id !== callId && participantOf(c, address)?.state === 'ACTIVE'),
    queueName: (csqId) => this.#options.queueName?.(csqId),
  };

  constructor(options: DialogCacheOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    const cti = options.cti;
    cti?.onEvent((message) => this.receive(message));
    cti?.onOpen(() => {
      // cti.md §4.2: only an engine that granted the Poise extensions replays its calls; otherwise keep what we hold.
      if ((cti.servicesGranted & Service.POISE_SERVICE_EXTENSIONS) !== 0) this.startReplay();
    });
  }

  /** A new session is open and the engine replays its calls until POISE_SNAPSHOT_END_EVENT (cti.md §4.2). */
  startReplay(): void { this.#replay = new Map(); }

  /** The signed-in extension of an agent; undefined when signed out (as far as the CTI stream said). */
  extensionOf(loginId: string): string | undefined { return this.#byLogin.get(loginId.toLowerCase())?.extension; }

  loginIdAt(extension: string): string | undefined { return this.#byExtension.get(extension)?.loginId; }

  /** A live call, whoever holds it. */
  call(id: number): CallRecord | undefined { return this.#calls.get(id); }

  /** The dialogs an agent holds: its live calls, then those it keeps in wrap-up. */
  dialogsOf(loginId: string): CallRecord[] {
    const key = loginId.toLowerCase();
    const live = [...this.#calls.values()].filter((c) => this.#audience.get(c.id)?.has(key));
    return [...live, ...(this.#wrapUps.get(key)?.values() ?? [])];
  }

  /** The dialog as `loginId` sees it (its wrap-up copy first); undefined when it holds no such dialog. */
  dialogOf(loginId: string, id: number): CallRecord | undefined {
    const key = loginId.toLowerCase();
    return this.#wrapUps.get(key)?.get(id) ?? (this.#audience.get(id)?.has(key) ? this.#calls.get(id) : undefined);
  }

  /** Whether any agent holds a dialog of that id. */
  exists(id: number): boolean {
    return this.#calls.has(id) || [...this.#wrapUps.values()].some((m) => m.has(id));
  }

  isWrapUp(loginId: string, id: number): boolean { return this.#wrapUps.get(loginId.toLowerCase())?.has(id) ?? false; }

  node(call: CallRecord, name: 'Dialog' | 'dialog' = 'Dialog'): FinesseNode { return dialogNode(call, this.view, name); }

  /** A PUT of the dialog as `loginId` sees it, e.g. the one notification owed to a request that changed nothing. */
  republish(loginId: string, id: number, requestId: string): void {
    const call = this.dialogOf(loginId, id);
    const agent = this.#byLogin.get(loginId.toLowerCase());
    if (call && agent) this.#publish(agent.loginId, call, 'PUT', requestId);
  }

  /** Changes a wrap-up dialog kept here after its call ended (UPDATE_CALL_DATA in WRAP_UP) and publishes it. */
  updateWrapUp(loginId: string, id: number, variables: ReadonlyMap<string, string>, wrapUpReason: string | undefined,
               requestId: string): void {
    const call = this.#wrapUps.get(loginId.toLowerCase())?.get(id);
    if (!call) return;
    for (const [name, value] of variables) call.callVariables.set(name, value);
    if (wrapUpReason !== undefined) call.wrapUpReason = wrapUpReason;
    this.republish(loginId, id, requestId);
  }

  receive(message: CtiMessage): void {
    try {
      if (message.type === 'AGENT_STATE_EVENT') this.#onAgentState(message);
      else if (message.type === 'POISE_SNAPSHOT_END_EVENT') this.#endReplay();
      else if (isCallEvent(message)) this.#onCallEvent(message);
    } catch (err) {
      this.#options.log.error({ err, event: message.type }, 'call event not applied to the dialogs');
    }
  }

  #onAgentState(event: CtiMessageOf<'AGENT_STATE_EVENT'>): void {
    const key = event.agentId.toLowerCase();
    const before = this.#byLogin.get(key);
    if (before) {
      this.#byLogin.delete(key);
      if (this.#byExtension.get(before.extension) === before) this.#byExtension.delete(before.extension);
    }
    const extension = event.agentExtension ?? event.agentInstrument ?? before?.extension;
    if (event.agentState !== 'LOGOUT' && extension) {
      const agent: SignedInAgent = { loginId: event.agentId, extension, state: event.agentState };
      this.#byLogin.set(key, agent);
      this.#byExtension.set(extension, agent);
    }
    // cti-to-finesse.md §1.4: the wrap-up dialogs go when the agent leaves WORK (inference).
    const wrapUps = this.#wrapUps.get(key);
    if (wrapUps && !inWork(event.agentState)) {
      this.#wrapUps.delete(key);
      const requestId = this.#requestIdOf(event);
      for (const call of wrapUps.values()) this.#publish(event.agentId, call, 'DELETE', requestId);
    }
  }

  #onCallEvent(event: CallEventMessage): void {
    const ctx = { now: this.#now(), isAgent: this.view.isAgent };
    if (this.#replay) {
      applyCallEvent(this.#replay, event, ctx);
      return;
    }
    const change = applyCallEvent(this.#calls, event, ctx);
    const cause = this.causeOf(event);
    this.#publishChange(change, cause);
  }

  #requestIdOf(event: CtiMessage): string {
    const cause = this.causeOf(event);
    if (!cause) return '';
    cause.notified = true;
    return cause.requestId;
  }

  #publishChange(change: CallChange, cause: RequestCause | undefined): void {
    const requestId = cause?.requestId ?? '';
    const affected = new Set<string>();
    for (const { address, finalView } of change.left) {
      const agent = this.#byExtension.get(address);
      const audience = this.#audience.get(finalView.id);
      if (!agent || !audience?.delete(agent.loginId.toLowerCase())) continue;
      affected.add(agent.loginId.toLowerCase());
      this.#publish(agent.loginId, finalView, 'DELETE', requestId, cause);
    }
    for (const id of change.touched) {
      const call = this.#calls.get(id);
      if (call) this.#sync(call, requestId, cause, affected);
    }
    if (change.ended) this.#ended(change.ended, requestId, cause, affected);
    // Another dialog of the same agents may show other actions now (HELD gains TRANSFER, CONFERENCE; §2.3 step 6).
    for (const call of this.#calls.values()) {
      if (change.touched.includes(call.id)) continue;
      const audience = this.#audience.get(call.id);
      if (audience && [...audience].some((a) => affected.has(a))) this.#sync(call, requestId, undefined, new Set());
    }
  }

  /** POST to agents who joined, PUT to the others when the dialog changed or a request is owed its notification. */
  #sync(call: CallRecord, requestId: string, cause: RequestCause | undefined, affected: Set<string>): void {
    let audience = this.#audience.get(call.id);
    if (!audience) {
      audience = new Set();
      this.#audience.set(call.id, audience);
    }
    const posted = new Set<string>();
    for (const p of call.participants) {
      const agent = this.#byExtension.get(p.mediaAddress);
      const key = agent?.loginId.toLowerCase();
      if (!agent || !key || audience.has(key)) continue;
      audience.add(key);
      posted.add(key);
      this.#publish(agent.loginId, call, 'POST', requestId, cause);
    }
    const xml = renderXmlFragment(this.node(call, 'dialog'));
    const changed = this.#rendered.get(call.id) !== xml;
    this.#rendered.set(call.id, xml);
    for (const key of audience) affected.add(key);
    if (!changed && !(cause && !cause.notified)) return;
    for (const key of audience) {
      const agent = this.#byLogin.get(key);
      if (agent && !posted.has(key)) this.#publish(agent.loginId, call, 'PUT', requestId, cause);
    }
  }

  /** END_CALL: DELETE for every holder, except an agent in WORK, which keeps the dialog in WRAP_UP (§1.4). */
  #ended(call: CallRecord, requestId: string, cause: RequestCause | undefined, affected: Set<string>): void {
    const audience = this.#audience.get(call.id) ?? new Set<string>();
    this.#audience.delete(call.id);
    this.#rendered.delete(call.id);
    for (const key of audience) {
      affected.add(key);
      const agent = this.#byLogin.get(key);
      if (!agent) continue;
      const mine = participantOf(call, agent.extension);
      if (inWork(agent.state) && !call.merged && mine) {
        const copy = copyCall(call);
        const wrap = participantOf(copy, agent.extension);
        if (wrap) { wrap.state = 'WRAP_UP'; wrap.stateChangeTime = this.#now(); }
        let held = this.#wrapUps.get(key);
        if (!held) { held = new Map(); this.#wrapUps.set(key, held); }
        held.set(call.id, copy);
        this.#publish(agent.loginId, copy, 'PUT', requestId, cause);
      } else {
        this.#publish(agent.loginId, call, 'DELETE', requestId, cause);
      }
    }
  }

  #publish(loginId: string, call: CallRecord, event: UpdateEvent, requestId: string, cause?: RequestCause): void {
    const node = dialogsNode(loginId);
    const data = event === 'PUT' ? this.node(call, 'dialog') : list('dialogs', 'Dialog', [this.node(call)]);
    const source = event === 'PUT' ? dialogUri(call.id) : node;
    this.#options.publisher.publish(node, renderUpdate(data, event, requestId, source));
    if (cause && requestId !== '') cause.notified = true;
  }

  /**
   * cti.md §4.2: the replay is over. Calls gone while the link was down end (DELETE); every call still on is
   * POSTed again to its agents, which finesse.js takes as a change (notifications.md §4.2, §12).
   */
  #endReplay(): void {
    const rebuilt = this.#replay;
    if (!rebuilt) return;
    this.#replay = undefined;
    const old = this.#calls;
    this.#calls = rebuilt;
    for (const call of old.values()) {
      if (rebuilt.has(call.id)) continue;
      for (const key of this.#audience.get(call.id) ?? []) {
        const agent = this.#byLogin.get(key);
        if (agent) this.#publish(agent.loginId, call, 'DELETE', '');
      }
      this.#audience.delete(call.id);
      this.#rendered.delete(call.id);
    }
    for (const call of rebuilt.values()) {
      const before = this.#audience.get(call.id) ?? new Set<string>();
      const now = new Set<string>();
      for (const p of call.participants) {
        const agent = this.#byExtension.get(p.mediaAddress);
        if (!agent) continue;
        now.add(agent.loginId.toLowerCase());
        this.#publish(agent.loginId, call, 'POST', '');
      }
      for (const key of before) {
        const agent = this.#byLogin.get(key);
        if (agent && !now.has(key)) this.#publish(agent.loginId, old.get(call.id) ?? call, 'DELETE', '');
      }
      this.#audience.set(call.id, now);
      this.#rendered.set(call.id, renderXmlFragment(this.node(call, 'dialog')));
    }
    this.#options.log.info({ calls: rebuilt.size }, 'dialogs rebuilt from the engine');
  }
}

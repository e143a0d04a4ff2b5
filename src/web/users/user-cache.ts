// Every agent's User object, built from the directory (AXL: name, extension, roles) and the CTI stream
// (AGENT_STATE_EVENT, cti-to-finesse.md §1.5), published as a User PUT on each change (rest-api.md §2.1). After a
// (re)connect to the engine it asks the engine for the state of every user it holds (QUERY_AGENT_STATE).
import type { Logger } from '../../shared/logger.ts';
import type { CtiMessageOf } from '../../engine/cti/codec/index.ts';
import { ReasonCode as CtiReasonCode } from '../../engine/cti/codec/index.ts';
import type { UserDirectory } from '../../shared/axl/user-directory.ts';
import type { CtiConnection } from '../cti-client/index.ts';
import { renderUpdate, type Publisher } from '../publisher/index.ts';
import type { ReasonCodeRepository } from '../store/reason-codes.ts';
import { userNode, userStateOf, userUri, type FinesseUser, type UserRole, type UserState } from './user.ts';
import { isOnCall } from './transitions.ts';

export interface UserCacheOptions {
  readonly directory: UserDirectory;
  readonly reasonCodes: ReasonCodeRepository;
  readonly publisher: Publisher;
  readonly log: Logger;
  readonly cti?: CtiConnection | undefined;
  readonly now?: () => Date;
}

export class UserCache {
  readonly #options: UserCacheOptions;
  readonly #users = new Map<string, Promise<FinesseUser | undefined>>();
  /** Per-user queue, so that events and queries about one user apply in arrival order. */
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #now: () => Date;

  constructor(options: UserCacheOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    options.cti?.onOpen(() => void this.rebuild());
  }

  /** The user, loaded on first use; undefined when the directory knows no agent or supervisor of that id. */
  get(userid: string): Promise<FinesseUser | undefined> {
    const key = userid.toLowerCase();
    let user = this.#users.get(key);
    if (!user) {
      user = this.#load(userid); // not queued: queued tasks await it
      this.#users.set(key, user);
      // A failed lookup (directory unreachable) is not cached; an unknown user is, until the next lookup fails.
      user.catch(() => this.#users.delete(key));
    }
    return user;
  }

  /** Applies an AGENT_STATE_EVENT and publishes the User with `requestId` ('' when no request caused it). */
  applyAgentState(event: CtiMessageOf<'AGENT_STATE_EVENT'>, requestId: string): Promise<void> {
    const key = event.agentId.toLowerCase();
    return this.#serially(key, async () => {
      const user = await this.#loaded(event.agentId);
      if (!user) return;
      const state = userStateOf(event.agentState);
      if (state !== user.state) {
        user.stateChangeTime = new Date(this.#now().getTime() - event.stateDuration * 1000);
      }
      if (!isOnCall(state)) user.pendingState = '';
      user.state = state;
      user.extension = state === 'LOGOUT' ? '' : event.agentExtension ?? event.agentInstrument ?? user.homeExtension;
      await this.#setReason(user, state, event.eventReasonCode);
      this.publish(user, requestId);
    });
  }

  /** Records a state the engine accepted to apply at the call's end (§3.3) and publishes the User. */
  setPendingState(userid: string, pending: UserState, requestId: string): Promise<void> {
    return this.#serially(userid.toLowerCase(), async () => {
      const user = await this.#loaded(userid);
      if (!user) return;
      user.pendingState = pending;
      this.publish(user, requestId);
    });
  }

  /** Publishes the User as it is (a request that changed nothing still gets its notification, rest-api.md §2). */
  republish(userid: string, requestId: string): Promise<void> {
    return this.#serially(userid.toLowerCase(), async () => {
      const user = await this.#loaded(userid);
      if (user) this.publish(user, requestId);
    });
  }

  publish(user: FinesseUser, requestId: string): void {
    const uri = userUri(user.loginId);
    this.#options.publisher.publish(uri, renderUpdate(userNode(user, 'user'), 'PUT', requestId, uri));
  }

  /** The CSQs the engine puts the agent in (QUERY_AGENT_STATE_CONF's groups); none without a CTI session. */
  async csqsOf(userid: string): Promise<number[]> {
    const cti = this.#options.cti;
    if (!cti?.isOpen) return [];
    const reply = await cti.request({ type: 'QUERY_AGENT_STATE_REQ', peripheralId: 1, mrdId: 1, icmAgentId: 0, agentId: userid });
    return reply.type === 'QUERY_AGENT_STATE_CONF' ? (reply.csqs ?? []).map((g) => g.csqId) : [];
  }

  /** Asks the engine for the state of every user held; publishes those that changed while the link was down. */
  async rebuild(): Promise<void> {
    const keys = [...this.#users.keys()];
    await Promise.all(keys.map((key) => this.#serially(key, async () => {
      const user = await this.#users.get(key);
      if (!user) return;
      const before = user.state;
      await this.#query(user);
      if (user.state !== before) this.publish(user, '');
    }).catch((err: unknown) => this.#options.log.warn({ err, user: key }, 'user state not rebuilt'))));
  }

  async #load(userid: string): Promise<FinesseUser | undefined> {
    const found = await this.#options.directory.getUser(userid);
    const roles = (found?.roles ?? []).filter((r): r is UserRole => r === 'Agent' || r === 'Supervisor');
    if (!found || roles.length === 0) return undefined;
    const user: FinesseUser = {
      loginId: found.userid, firstName: found.firstName, lastName: found.lastName, homeExtension: found.extension,
      roles, extension: '', state: 'LOGOUT', pendingState: '', reasonCodeId: -1, reasonCode: undefined,
      stateChangeTime: undefined, teamId: undefined, teamName: undefined,
    };
    await this.#query(user);
    return user;
  }

  /** The user, waiting for a load in progress. */
  #loaded(userid: string): Promise<FinesseUser | undefined> {
    return this.#users.get(userid.toLowerCase()) ?? this.get(userid);
  }

  async #query(user: FinesseUser): Promise<void> {
    const cti = this.#options.cti;
    if (!cti?.isOpen) return;
    const reply = await cti.request({ type: 'QUERY_AGENT_STATE_REQ', peripheralId: 1, mrdId: 1, icmAgentId: 0, agentId: user.loginId });
    // The engine answers FAILURE_CONF for an agent it has never seen signed in: signed out.
    const state = reply.type === 'QUERY_AGENT_STATE_CONF' ? userStateOf(reply.agentState) : 'LOGOUT';
    if (state !== user.state) {
      user.stateChangeTime = this.#now();
      user.reasonCodeId = -1;
      user.reasonCode = undefined;
    }
    user.state = state;
    if (!isOnCall(state)) user.pendingState = '';
    user.extension = state === 'LOGOUT' ? ''
      : (reply.type === 'QUERY_AGENT_STATE_CONF' ? reply.agentExtension ?? reply.agentInstrument : undefined) ?? user.homeExtension;
  }

  /** EventReasonCode → reasonCodeId: a configured code of the state's category by its id, else the code itself. */
  async #setReason(user: FinesseUser, state: UserState, code: number): Promise<void> {
    user.reasonCode = undefined;
    user.reasonCodeId = -1;
    // §3.2: a sign-in leaves NOT_READY with reasonCodeId -1, though the engine reports AGT_LOGON.
    if (code === 0 || code === CtiReasonCode.AGT_LOGON || (state !== 'NOT_READY' && state !== 'LOGOUT')) return;
    const configured = (await this.#options.reasonCodes.list(state)).find((rc) => rc.code === code);
    user.reasonCode = configured;
    user.reasonCodeId = configured?.id ?? code;
  }

  #serially<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.#queues.set(key, settled);
    void settled.then(() => { if (this.#queues.get(key) === settled) this.#queues.delete(key); });
    return next;
  }
}

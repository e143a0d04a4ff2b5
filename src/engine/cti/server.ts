// The CTI server on TCP (cti.md §1: 12018): sessions, OPEN_REQ checks, and the engine's events to every
// session whose masks ask for them (§9.3): a bridge-mode session (ALL_EVENTS) gets them all, an agent-mode one
// (CLIENT_EVENTS) those of its agent and of the calls on its agent's line. Events a request causes go out after
// its CONF, tagged with its InvokeID (§7.2, §8.3). Teams go to sessions granted SUPERVISOR (§8.1); a standby
// engine opens only standby sessions (§9.4).
import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';
import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import type { CallFact } from '../contacts/call-facts.ts';
import type { Engine } from '../engine.ts';
import type { AgentState } from '../resources/types.ts';
import { agentStateEvent, agentStateMaskBit } from './agent-events.ts';
import { renderCallFact } from './call-events.ts';
import { replayEvents } from './replay.ts';
import {
  CtiStatus, PERIPHERAL_ID, PgStatus, Service, SystemEventId, VERSION_NUMBER, type CtiMessage, type CtiMessageOf,
} from './codec/index.ts';
import { handleRequest, type EngineRequest } from './requests.ts';
import { CsqStatisticsEvents } from './csq-statistics-events.ts';
import { handleStatisticsRequest, isStatisticsRequest } from './statistics-requests.ts';
import { initialTeamEvents, teamChangeEvents, teamSnapshots, type TeamSnapshot } from './team-config.ts';
import { CtiSession, type SessionHandler, type SessionMasks } from './session.ts';
import { ConfigEvents, isConfigRequest } from './config-events.ts';

const MIN_IDLE_TIMEOUT = 20;   // §4.1: ≥ 20 s
const MAX_IDLE_TIMEOUT = 120;  // §4.4: Poise also refuses ≥ 120 s
const GRANTABLE = Service.ALL_EVENTS | Service.CLIENT_CONTROL | Service.CALL_DATA_UPDATE | Service.SUPERVISOR
  | Service.POISE_SERVICE_EXTENSIONS | Service.CONFIG_EVENTS;
const GRANTABLE_AGENT_MODE = Service.CLIENT_EVENTS | Service.CLIENT_CONTROL | Service.CALL_DATA_UPDATE;
const TEAM_UPDATES = 0x2; // TEAM_CONFIG_REQ ConfigParam: 0x1 initial, 0x2 updates (§8.1)

/** §9.4: only the master serves CTI; the mastership election comes with failover, so the role is configured. */
export type EngineRole = 'master' | 'standby';

export interface CtiServerOptions {
  readonly engine: Engine;
  readonly clock: Clock;
  readonly log: Logger;
  readonly host: string;
  readonly port: number;
  /** The configured CTI user; undefined accepts every ClientID (§4.1). */
  readonly client?: { readonly id: string; readonly password: string } | undefined;
  /** Default master. */
  readonly role?: EngineRole;
  /** This engine's node number in SYSTEM_EVENT Arg1/Arg2 (§4.5); default 1. */
  readonly nodeId?: number;
}

/** An event, the sessions whose masks want it, and the agents it concerns (for agent-mode sessions). */
interface Pending { readonly mask: (m: SessionMasks) => boolean; readonly message: CtiMessage; readonly agents: ReadonlySet<string> }

export class CtiServer {
  readonly #options: CtiServerOptions;
  readonly #server: net.Server;
  readonly #sessions = new Set<CtiSession>();
  readonly #unsubscribe: (() => void)[] = [];
  #nextConnection = 1;
  /**
   * The request whose work is running now, across its awaits (the provider link carries it to the events the
   * request causes): while it runs its events wait in `held` so they follow its CONF, tagged with its cause.
   */
  readonly #scope = new AsyncLocalStorage<RequestScope>();
  /** The requests waiting their turn (see #enqueue). */
  #queue: Promise<void> = Promise.resolve();
  readonly #csqStatistics: CsqStatisticsEvents;
  #role: EngineRole;
  /** Sessions opened while standby (§9.4): heartbeats and SYSTEM_EVENTs only. */
  readonly #standby = new Set<CtiSession>();
  /** Sessions that asked for team updates, and the teams they were last told. */
  readonly #teamListeners = new Set<CtiSession>();
  #teams: TeamSnapshot[];
  /** CONFIG_REQUEST_KEY_EVENT, CONFIG_REQUEST_EVENT and the update blocks (§8.1). */
  readonly #config: ConfigEvents;

  constructor(options: CtiServerOptions) {
    this.#options = options;
    this.#role = options.role ?? 'master';
    this.#server = net.createServer((socket) => this.#accept(socket));
    const { engine } = options;
    this.#teams = teamSnapshots(engine.config().teams);
    this.#unsubscribe.push(engine.onReload(() => this.#teamsChanged()));
    this.#config = new ConfigEvents(engine);
    this.#unsubscribe.push(() => this.#config.close());
    this.#unsubscribe.push(engine.contacts.onFact((fact) => {
      const { mask, message } = renderCallFact(fact, (device) => engine.contacts.roleOf(device));
      this.#broadcast({ mask: (m) => (m.callMsgMask & mask) !== 0, message, agents: this.#agentsOn(concernedDevices(fact)) });
    }));
    engine.agents.onChange((session) => {
      const agent = engine.resources.byUserId(session.userId);
      if (!agent) return;
      const bit = agentStateMaskBit(session.state);
      const message = agentStateEvent(agent, session, engine.router.csqsOf(session.userId), options.clock.now());
      this.#broadcast({ mask: (m) => (m.agentStateMask & bit) !== 0, message, agents: new Set([session.userId]) });
    }, { observer: true });
    this.#csqStatistics = new CsqStatisticsEvents({
      engine, clock: options.clock,
      send: (message) => this.#deliver({ mask: (m) => (m.services & Service.POISE_SERVICE_EXTENSIONS) !== 0, message, agents: NO_AGENTS }),
    });
  }

  /** The agents whose lines are among `devices`. */
  #agentsOn(devices: Iterable<string>): ReadonlySet<string> {
    const agents = new Set<string>();
    for (const device of devices) {
      const agent = this.#options.engine.resources.byExtension(device);
      if (agent) agents.add(agent.resource.userId);
    }
    return agents;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port, this.#options.host, () => resolve());
    });
    const address = this.#server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  get sessionCount(): number { return this.#sessions.size; }
  get role(): EngineRole { return this.#role; }

  /**
   * §9.4: a new master sends SYSTEM_EVENT 3 on its standby sessions, whose clients reopen them as full sessions;
   * an engine that stops being master sends SYSTEM_EVENT 4 and FAILURE_EVENT 92 on its full sessions and closes them.
   */
  setRole(role: EngineRole): void {
    if (role === this.#role) return;
    this.#role = role;
    this.#options.log.info({ role }, 'engine role changed');
    if (role === 'master') {
      for (const session of this.#standby) if (session.isOpen) session.send(this.#systemEvent(SystemEventId.SYS_CCX_ONLINE));
      return;
    }
    for (const session of [...this.#sessions]) {
      if (this.#standby.has(session) || !session.isOpen) continue;
      session.send(this.#systemEvent(SystemEventId.SYS_CCX_OFFLINE));
      session.fail({ type: 'FAILURE_EVENT', status: CtiStatus.SERVER_NOT_MASTER, text: 'this engine is no longer master' });
    }
  }

  async close(): Promise<void> {
    for (const off of this.#unsubscribe) off();
    this.#csqStatistics.close();
    for (const session of [...this.#sessions]) session.close();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    const log = this.#options.log.child({ cti: this.#nextConnection++, remote: socket.remoteAddress });
    const session = new CtiSession(socket, { clock: this.#options.clock, handler: this.#handler, log });
    this.#sessions.add(session);
  }

  readonly #handler: SessionHandler = {
    open: (session, request) => this.#open(session, request),
    request: (session, message) => this.#enqueue(session, message),
    closed: (session) => {
      this.#sessions.delete(session);
      this.#standby.delete(session);
      this.#teamListeners.delete(session);
      this.#config.forget(session);
    },
  };

  #open(session: CtiSession, r: CtiMessageOf<'OPEN_REQ'>): ReturnType<SessionHandler['open']> {
    const refuse = (status: number, text: string) => ({ reply: { type: 'FAILURE_CONF', invokeId: r.invokeId, status, text } as const });
    if (r.versionNumber !== VERSION_NUMBER) return refuse(CtiStatus.INVALID_VERSION, `version ${VERSION_NUMBER} only`);
    if (r.idleTimeout < MIN_IDLE_TIMEOUT || r.idleTimeout >= MAX_IDLE_TIMEOUT) {
      return refuse(CtiStatus.INVALID_TIMEOUT, `IdleTimeout must be ${MIN_IDLE_TIMEOUT}–${MAX_IDLE_TIMEOUT - 1} s`);
    }
    if (r.peripheralId !== 0 && r.peripheralId !== PERIPHERAL_ID) return refuse(CtiStatus.INVALID_PERIPHERAL_ID, 'PeripheralID 0 or 1');
    const user = this.#options.client;
    if (user && (r.clientId !== user.id || r.clientPassword !== user.password)) {
      session.log.warn({ clientId: r.clientId }, 'cti client refused: wrong ClientID or ClientPassword');
      return refuse(CtiStatus.INVALID_PASSWORD, 'wrong ClientID or ClientPassword');
    }
    if (this.#role === 'standby') return this.#openStandby(session, r);
    const bridge = (r.servicesRequested & Service.ALL_EVENTS) !== 0;
    let agentMode: AgentModeGrant | undefined;
    if (!bridge) {
      const checked = this.#checkAgentMode(r);
      if ('status' in checked) return refuse(checked.status, checked.text);
      agentMode = checked;
    }
    // §9.3: a new session with a live session's ClientID replaces it
    for (const other of this.#sessions) {
      if (other !== session && other.isOpen && other.clientId === r.clientId) {
        other.fail({ type: 'FAILURE_EVENT', status: CtiStatus.NEW_SESSION_OPENED, text: 'replaced by a new session' });
      }
    }
    const now = Math.floor(this.#options.clock.now() / 1000);
    session.log.info({ clientId: r.clientId, agentId: agentMode?.agentId }, 'cti session open');
    const granted = r.servicesRequested & (bridge ? GRANTABLE : GRANTABLE_AGENT_MODE);
    const identity = agentMode
      ? { agentExtension: agentMode.instrument, agentInstrument: agentMode.instrument, agentId: agentMode.agentId }
      : {};
    return {
      masks: {
        services: granted, callMsgMask: r.callMsgMask, agentStateMask: r.agentStateMask, configMsgMask: r.configMsgMask,
        ...(agentMode ? { agentId: agentMode.agentId, instrument: agentMode.instrument } : {}),
      },
      reply: {
        type: 'OPEN_CONF', invokeId: r.invokeId, servicesGranted: granted, monitorId: 0,
        pgStatus: 0, icmCentralControllerTime: now, peripheralOnline: true, peripheralType: 0,
        agentState: agentMode?.state ?? 'UNKNOWN', ...identity,
        numPeripherals: 1, fltPeripheralId: r.peripheralId, multilineAgentControl: 1,
      },
      // §4.5: SYS_CCX_ONLINE on each new session of the master; §4.2: then the live-state replay
      after: [
        this.#systemEvent(SystemEventId.SYS_CCX_ONLINE),
        ...((granted & Service.POISE_SERVICE_EXTENSIONS) !== 0 ? replayEvents(this.#options.engine, r, this.#options.clock.now()) : []),
      ],
    };
  }

  /** Agent mode (§4.1, §9.3): AgentID and AgentInstrument name one agent's line *(inference: Poise requires
   *  both)*, which no other client's session may hold. */
  #checkAgentMode(r: CtiMessageOf<'OPEN_REQ'>): AgentModeGrant | { status: number; text: string } {
    if ((r.servicesRequested & Service.CLIENT_EVENTS) === 0) {
      return { status: CtiStatus.FUNCTION_NOT_AVAILABLE, text: 'ALL_EVENTS (bridge mode) or CLIENT_EVENTS (agent mode)' };
    }
    if (!r.agentId || !r.agentInstrument) {
      return { status: CtiStatus.REQUIRED_DATA_MISSING, text: 'agent mode needs AgentID and AgentInstrument' };
    }
    const { engine } = this.#options;
    const agent = engine.resources.byUserId(r.agentId);
    const state = engine.agents.get(r.agentId)?.state;
    if (!agent || agent.resource.extension !== r.agentInstrument || !state) {
      return { status: CtiStatus.INVALID_AGENT_DATA, text: `no agent ${r.agentId} at ${r.agentInstrument}` };
    }
    for (const other of this.#sessions) {
      if (other.isOpen && other.clientId !== r.clientId && other.masks?.instrument === r.agentInstrument) {
        return { status: CtiStatus.DEVICE_IN_USE, text: `${r.agentInstrument} is held by another session` };
      }
    }
    return { agentId: r.agentId, instrument: r.agentInstrument, state };
  }

  /** §9.4: with POISE_SERVICE_EXTENSIONS a standby session (PeripheralOnline 0), else FAILURE_CONF 92. */
  #openStandby(session: CtiSession, r: CtiMessageOf<'OPEN_REQ'>): ReturnType<SessionHandler['open']> {
    if ((r.servicesRequested & Service.POISE_SERVICE_EXTENSIONS) === 0) {
      return { reply: { type: 'FAILURE_CONF', invokeId: r.invokeId, status: CtiStatus.SERVER_NOT_MASTER, text: 'this engine is standby' } };
    }
    this.#standby.add(session);
    session.log.info({ clientId: r.clientId }, 'cti standby session open');
    return {
      masks: { services: Service.POISE_SERVICE_EXTENSIONS, callMsgMask: 0, agentStateMask: 0 },
      reply: {
        type: 'OPEN_CONF', invokeId: r.invokeId, servicesGranted: Service.POISE_SERVICE_EXTENSIONS, monitorId: 0,
        pgStatus: 0, icmCentralControllerTime: Math.floor(this.#options.clock.now() / 1000), peripheralOnline: false,
        peripheralType: 0, agentState: 'UNKNOWN', numPeripherals: 1, fltPeripheralId: r.peripheralId, multilineAgentControl: 1,
      },
      after: [this.#systemEvent(SystemEventId.SYS_CCX_OFFLINE)],
    };
  }

  /** §4.5 [Poise]: Arg1 the sender's node, Arg2 the master's (0 unknown), Arg3 the sender's role (1 master, 2 standby). */
  #systemEvent(systemEventId: number): CtiMessage {
    const node = this.#options.nodeId ?? 1;
    const master = this.#role === 'master';
    return {
      type: 'SYSTEM_EVENT', pgStatus: PgStatus.IN_SERVICE, icmCentralControllerTime: Math.floor(this.#options.clock.now() / 1000),
      systemEventId, systemEventArg1: node, systemEventArg2: master ? node : 0, systemEventArg3: master ? 1 : 2,
      eventDeviceType: 0xffff,
    };
  }

  /** §8.1: the teams as TEAM_CONFIG_EVENTs, then TEAM_CONFIG_CONF; with ConfigParam 0x2 the changes after. */
  #teamConfig(session: CtiSession, r: CtiMessageOf<'TEAM_CONFIG_REQ'>): void {
    if (((session.masks?.services ?? 0) & Service.SUPERVISOR) === 0) {
      session.send({ type: 'FAILURE_CONF', invokeId: r.invokeId, status: CtiStatus.FUNCTION_NOT_AVAILABLE, text: 'SUPERVISOR service not granted' });
      return;
    }
    for (const event of initialTeamEvents(this.#teams)) session.send(event);
    session.send({ type: 'TEAM_CONFIG_CONF', invokeId: r.invokeId, status: 0 });
    if ((r.configParam & TEAM_UPDATES) !== 0) this.#teamListeners.add(session);
  }

  #teamsChanged(): void {
    const next = teamSnapshots(this.#options.engine.config().teams);
    const events = teamChangeEvents(this.#teams, next);
    this.#teams = next;
    for (const session of this.#teamListeners) {
      if (session.isOpen) for (const event of events) session.send(event);
    }
  }

  /**
   * Requests are carried out one at a time, in arrival order, so CONFs leave in the order the requests came even
   * when one waits on the telephony provider.
   */
  #enqueue(session: CtiSession, message: CtiMessage): void {
    this.#queue = this.#queue.then(() => this.#request(session, message))
      .catch((err: unknown) => session.log.error({ err, request: message.type }, 'cti request failed'));
  }

  async #request(session: CtiSession, message: CtiMessage): Promise<void> {
    if (this.#standby.has(session)) {
      const invokeId = 'invokeId' in message ? message.invokeId : 0;
      session.send({ type: 'FAILURE_CONF', invokeId, status: CtiStatus.SERVER_NOT_MASTER, text: 'this engine is standby' });
      return;
    }
    if (message.type === 'TEAM_CONFIG_REQ') return this.#teamConfig(session, message);
    if (isConfigRequest(message)) return this.#config.request(session, message);
    if (isStatisticsRequest(message)) {
      const now = this.#options.clock.now();
      for (const reply of handleStatisticsRequest(this.#options.engine, message, session.masks?.services ?? 0, now)) session.send(reply);
      return;
    }
    if (!isEngineRequest(message)) {
      const invokeId = 'invokeId' in message ? message.invokeId : 0;
      session.send({ type: 'FAILURE_CONF', invokeId, status: CtiStatus.FUNCTION_NOT_AVAILABLE, text: `${message.type} is not served` });
      return;
    }
    const held: Pending[] = [];
    const scope: RequestScope = { cause: { poiseCauseInvokeId: message.invokeId, poiseCauseClientId: session.clientId ?? '' }, held };
    let reply: CtiMessage;
    try {
      reply = await this.#scope.run(scope, () => handleRequest(this.#options.engine, message));
    } catch (err) {
      session.log.error({ err, request: message.type }, 'cti request failed');
      reply = { type: 'FAILURE_CONF', invokeId: message.invokeId, status: CtiStatus.UNSPECIFIED_FAILURE };
    } finally {
      scope.held = undefined;
    }
    session.send(reply);
    for (const pending of held) this.#deliver(pending);
  }

  #broadcast(pending: Pending): void {
    const scope = this.#scope.getStore();
    // Work a finished request left behind (a timer it started) no longer answers anybody.
    if (scope?.held) scope.held.push({ ...pending, message: withCause(pending.message, scope.cause) });
    else this.#deliver(pending);
  }

  #deliver({ mask, message, agents }: Pending): void {
    for (const session of this.#sessions) {
      const masks = session.masks;
      if (!masks || !session.isOpen || !mask(masks)) continue;
      if (masks.agentId !== undefined && !agents.has(masks.agentId)) continue;
      session.send(message);
    }
  }
}

interface RequestScope {
  readonly cause: { readonly poiseCauseInvokeId: number; readonly poiseCauseClientId: string };
  /** Until the CONF is sent. */
  held: Pending[] | undefined;
}

const ENGINE_REQUESTS = new Set<string>([
  'QUERY_AGENT_STATE_REQ', 'SET_AGENT_STATE_REQ', 'ANSWER_CALL_REQ', 'HOLD_CALL_REQ', 'RETRIEVE_CALL_REQ',
  'CLEAR_CONNECTION_REQ', 'MAKE_CALL_REQ', 'CONSULTATION_CALL_REQ', 'TRANSFER_CALL_REQ', 'CONFERENCE_CALL_REQ',
  'SEND_DTMF_SIGNAL_REQ', 'SET_CALL_DATA_REQ',
] satisfies EngineRequest['type'][]);

function isEngineRequest(message: CtiMessage): message is EngineRequest {
  return ENGINE_REQUESTS.has(message.type);
}

/** Events with the §8.3 cause tags: every call and agent event carries them. */
function withCause(message: CtiMessage, cause: { poiseCauseInvokeId: number; poiseCauseClientId: string }): CtiMessage {
  switch (message.type) {
    case 'AGENT_STATE_EVENT': case 'CALL_DELIVERED_EVENT': case 'CALL_ESTABLISHED_EVENT': case 'CALL_HELD_EVENT':
    case 'CALL_RETRIEVED_EVENT': case 'CALL_CLEARED_EVENT': case 'CALL_CONNECTION_CLEARED_EVENT':
    case 'BEGIN_CALL_EVENT': case 'END_CALL_EVENT': case 'CALL_SERVICE_INITIATED_EVENT': case 'CALL_ORIGINATED_EVENT':
    case 'CALL_FAILED_EVENT': case 'CALL_TRANSFERRED_EVENT': case 'CALL_CONFERENCED_EVENT': case 'CALL_DATA_UPDATE_EVENT':
      return { ...message, ...cause };
    default:
      return message;
  }
}

/** Engine-wide events (CSQ statistics): bridge sessions only. */
const NO_AGENTS: ReadonlySet<string> = new Set();

interface AgentModeGrant { readonly agentId: string; readonly instrument: string; readonly state: AgentState }

/** The devices whose agents an event concerns: the call's parties and the device it names; a call's closing
 *  events and a merge concern every device that took part (§9.3: "other devices on its calls"). */
function concernedDevices(fact: CallFact): Iterable<string> {
  switch (fact.kind) {
    case 'CLEARED': case 'END':
      return fact.call.seen;
    case 'TRANSFERRED': case 'CONFERENCED':
      return [...fact.call.seen, ...fact.call.parties, ...fact.secondary.seen, fact.controller];
    default:
      return 'device' in fact ? [...fact.call.parties, fact.device] : fact.call.parties;
  }
}

// The CTI server on TCP (cti.md §1: 12018): sessions, OPEN_REQ checks, and the engine's events to every
// session whose masks ask for them (§9.3). Bridge mode (ALL_EVENTS) only for now: agent-mode OPEN_REQ is refused
// with FUNCTION_NOT_AVAILABLE. Events a request causes go out after its CONF, tagged with its InvokeID (§7.2, §8.3).
import net from 'node:net';
import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Engine } from '../engine.ts';
import { agentStateEvent, agentStateMaskBit } from './agent-events.ts';
import { renderCallFact } from './call-events.ts';
import {
  CtiStatus, PERIPHERAL_ID, PgStatus, Service, SystemEventId, VERSION_NUMBER, type CtiMessage, type CtiMessageOf,
} from './codec/index.ts';
import { handleRequest, type EngineRequest } from './requests.ts';
import { CsqStatisticsEvents } from './csq-statistics-events.ts';
import { handleStatisticsRequest, isStatisticsRequest } from './statistics-requests.ts';
import { CtiSession, type SessionHandler, type SessionMasks } from './session.ts';

const MIN_IDLE_TIMEOUT = 20;   // §4.1: ≥ 20 s
const MAX_IDLE_TIMEOUT = 120;  // §4.4: Poise also refuses ≥ 120 s
const GRANTABLE = Service.ALL_EVENTS | Service.CLIENT_CONTROL | Service.CALL_DATA_UPDATE | Service.POISE_SERVICE_EXTENSIONS;

export interface CtiServerOptions {
  readonly engine: Engine;
  readonly clock: Clock;
  readonly log: Logger;
  readonly host: string;
  readonly port: number;
  /** The configured CTI user; undefined accepts every ClientID (§4.1). */
  readonly client?: { readonly id: string; readonly password: string } | undefined;
}

interface Pending { readonly mask: (m: SessionMasks) => boolean; readonly message: CtiMessage }

export class CtiServer {
  readonly #options: CtiServerOptions;
  readonly #server: net.Server;
  readonly #sessions = new Set<CtiSession>();
  readonly #unsubscribe: (() => void)[] = [];
  #nextConnection = 1;
  /** While a request runs, its events wait here so they follow its CONF. */
  #held: Pending[] | undefined;
  #cause: { invokeId: number; clientId: string } | undefined;
  readonly #csqStatistics: CsqStatisticsEvents;

  constructor(options: CtiServerOptions) {
    this.#options = options;
    this.#server = net.createServer((socket) => this.#accept(socket));
    const { engine } = options;
    this.#unsubscribe.push(engine.contacts.onFact((fact) => {
      const { mask, message } = renderCallFact(fact);
      this.#broadcast({ mask: (m) => (m.callMsgMask & mask) !== 0, message });
    }));
    engine.agents.onChange((session) => {
      const agent = engine.resources.byUserId(session.userId);
      if (!agent) return;
      const bit = agentStateMaskBit(session.state);
      const message = agentStateEvent(agent, session, engine.router.csqsOf(session.userId), options.clock.now());
      this.#broadcast({ mask: (m) => (m.agentStateMask & bit) !== 0, message });
    });
    this.#csqStatistics = new CsqStatisticsEvents({
      engine, clock: options.clock,
      send: (message) => this.#deliver({ mask: (m) => (m.services & Service.POISE_SERVICE_EXTENSIONS) !== 0, message }),
    });
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
    request: (session, message) => this.#request(session, message),
    closed: (session) => { this.#sessions.delete(session); },
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
    if ((r.servicesRequested & Service.ALL_EVENTS) === 0) {
      return refuse(CtiStatus.FUNCTION_NOT_AVAILABLE, 'only bridge-mode (ALL_EVENTS) sessions are served');
    }
    // §9.3: a new session with a live session's ClientID replaces it
    for (const other of this.#sessions) {
      if (other !== session && other.isOpen && other.clientId === r.clientId) {
        other.fail({ type: 'FAILURE_EVENT', status: CtiStatus.NEW_SESSION_OPENED, text: 'replaced by a new session' });
      }
    }
    const now = Math.floor(this.#options.clock.now() / 1000);
    session.log.info({ clientId: r.clientId }, 'cti session open');
    return {
      masks: { services: r.servicesRequested & GRANTABLE, callMsgMask: r.callMsgMask, agentStateMask: r.agentStateMask },
      reply: {
        type: 'OPEN_CONF', invokeId: r.invokeId, servicesGranted: r.servicesRequested & GRANTABLE, monitorId: 0,
        pgStatus: 0, icmCentralControllerTime: now, peripheralOnline: true, peripheralType: 0, agentState: 'UNKNOWN',
        numPeripherals: 1, fltPeripheralId: r.peripheralId, multilineAgentControl: 1,
      },
      after: [{
        // §4.5: SYS_CCX_ONLINE on each new session of the master; Arg1/Arg2 node 1, Arg3 role 1 (master)
        type: 'SYSTEM_EVENT', pgStatus: PgStatus.IN_SERVICE, icmCentralControllerTime: now,
        systemEventId: SystemEventId.SYS_CCX_ONLINE, systemEventArg1: 1, systemEventArg2: 1, systemEventArg3: 1,
        eventDeviceType: 0xffff,
      }],
    };
  }

  #request(session: CtiSession, message: CtiMessage): void {
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
    this.#held = held;
    this.#cause = { invokeId: message.invokeId, clientId: session.clientId ?? '' };
    let reply: CtiMessage;
    try {
      reply = handleRequest(this.#options.engine, message);
    } catch (err) {
      session.log.error({ err, request: message.type }, 'cti request failed');
      reply = { type: 'FAILURE_CONF', invokeId: message.invokeId, status: CtiStatus.UNSPECIFIED_FAILURE };
    } finally {
      this.#held = undefined;
      this.#cause = undefined;
    }
    session.send(reply);
    for (const pending of held) this.#deliver(pending);
  }

  #broadcast(pending: Pending): void {
    if (this.#held && this.#cause) {
      const cause = { poiseCauseInvokeId: this.#cause.invokeId, poiseCauseClientId: this.#cause.clientId };
      this.#held.push({ mask: pending.mask, message: withCause(pending.message, cause) });
      return;
    }
    this.#deliver(pending);
  }

  #deliver({ mask, message }: Pending): void {
    for (const session of this.#sessions) {
      const masks = session.masks;
      if (masks && session.isOpen && mask(masks)) session.send(message);
    }
  }
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
    case 'BEGIN_CALL_EVENT': case 'END_CALL_EVENT':
      return { ...message, ...cause };
    default:
      return message;
  }
}

// The contact manager (telephony-and-routing.md §3.4): a call offered at a trigger's route point becomes a
// Contact queued in the trigger's CSQ; the router reserves an agent and the call is redirected to the agent's
// line; answer, RONA, abandon and call end go back to the router. Every call that touches an agent's line is
// reported as CallFacts for the CTI server: calls the agents place (MAKE_CALL, consult: `originating`), ring,
// answer, hold and clear; transfers and conferences (merge-tracker.ts); call data. Agent states that follow
// the calls on an agent's line are agent-calls.ts's.
//
// IVR stage, simplified **[Poise]**: the call waits OFFERED at the route point while queued and is redirected
// from there straight to the agent (and back there on RONA); the trigger's CTI ports are registered but no
// script runs on them yet. A Finesse client cannot tell the difference (§3.4 note †).
import type { CallEvent } from '../../callmanager/calls/types.ts';
import type { Logger } from '../../shared/logger.ts';
import type { AsyncProviderSession } from '../provider-link/async-session.ts';
import type { AgentStates } from '../resources/agent-states.ts';
import type { ResourceManager } from '../resources/resource-manager.ts';
import type { Trigger } from '../resources/types.ts';
import type { Reservation, Router } from '../routing/router.ts';
import type { CallFact, CallFactListener, CallKind, DeviceRole, TrackedCall } from './call-facts.ts';
import { AgentCalls } from './agent-calls.ts';
import { CallIds } from './call-ids.ts';
import { MergeTracker } from './merge-tracker.ts';

export interface RoutedTrigger { readonly trigger: Trigger; readonly csqId: number }

export interface ContactManagerDeps {
  readonly session: AsyncProviderSession;
  readonly router: Router;
  readonly agents: AgentStates;
  readonly resources: ResourceManager;
  /** The enabled trigger on a directory number, with the CSQ its application queues in. */
  readonly triggerAt: (directoryNumber: string) => RoutedTrigger | undefined;
  /** Directory numbers of CTI ports, so their connections are not reported as parties. */
  readonly isCtiPort: (directoryNumber: string) => boolean;
  readonly log: Logger;
}

/** Where a contact's call sits, as another engine can take it on (src/engine/replication). */
export interface HeldContact { readonly callId: string; readonly triggerDn: string; readonly at: string }

interface Contact {
  readonly call: TrackedCall;
  readonly triggerDn: string;
  /** The address the call sits at now: the route point, or the reserved agent's line. */
  at: string;
}

export class ContactManager {
  readonly #deps: ContactManagerDeps;
  readonly #ids = new CallIds();
  readonly #calls = new Map<string, TrackedCall>();
  readonly #contacts = new Map<string, Contact>();
  readonly #listeners = new Set<CallFactListener>();
  readonly #unsubscribe: () => void;
  readonly #merges: MergeTracker;
  /** The CallType of the call an agent's request is placing now, by the agent's line (see `originating`). */
  readonly #origin = new Map<string, CallKind>();
  /** The calls being taken back from agents who did not answer, while their redirects run. */
  readonly #ronaOf = new Set<string>();
  readonly agentCalls: AgentCalls;

  constructor(deps: ContactManagerDeps) {
    this.#deps = deps;
    this.agentCalls = new AgentCalls(deps);
    this.#merges = new MergeTracker({
      session: deps.session, agentCalls: this.agentCalls, resources: deps.resources,
      call: (id) => this.#calls.get(id), role: (device) => this.#role(device),
      emit: (fact) => this.#emit(fact), forget: (call) => this.#forget(call),
    });
    this.#unsubscribe = deps.session.onEvent((event) => this.#onEvent(event));
  }

  onFact(listener: CallFactListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls in progress that the engine reports, oldest first. */
  calls(): IterableIterator<TrackedCall> { return this.#calls.values(); }
  call(callId: string): TrackedCall | undefined { return this.#calls.get(callId); }
  callOfCtiId(ctiCallId: number): TrackedCall | undefined {
    const id = this.#ids.callOf(ctiCallId);
    return id === undefined ? undefined : this.#calls.get(id);
  }

  /** How the engine knows a device, for the CTI DeviceType fields. */
  roleOf(device: string): DeviceRole { return this.#role(device); }

  /** Wire to the router's events: the engine's index passes these to the Router it builds. */
  readonly routerEvents = {
    onReserved: (reservation: Reservation) => this.#settled(this.#deliver(reservation), reservation),
    onRona: (reservation: Reservation) => this.#settled(this.#returnToQueue(reservation), reservation),
  };

  heldContact(callId: string): HeldContact | undefined {
    const contact = this.#contacts.get(callId);
    return contact && { callId, triggerDn: contact.triggerDn, at: contact.at };
  }

  /** The next CTI CallID to give (cti.md §6.1). */
  get nextCallId(): number { return this.#ids.next; }

  /** Takes on another engine's calls, contacts and CallID counter (take-over); the ones held now are dropped. */
  restore(copy: { readonly calls: readonly TrackedCall[]; readonly contacts: readonly HeldContact[]; readonly nextCallId: number }): void {
    this.#calls.clear();
    this.#contacts.clear();
    for (const call of copy.calls) this.#calls.set(call.id, call);
    for (const { callId, triggerDn, at } of copy.contacts) {
      const call = this.#calls.get(callId);
      if (call) this.#contacts.set(callId, { call, triggerDn, at });
    }
    this.#ids.restore(copy.calls.map((c) => [c.id, c.ctiCallId] as const), copy.nextCallId);
  }

  /** A call event the call manager gave while no engine was master, worked out at take-over: handled as if heard. */
  learn(event: CallEvent): void { this.#onEvent(event); }

  close(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }

  /** Runs `act` (a provider request placing a call from the agent's line `address`) so the call it creates
   *  gets `kind`; its events arrive before its reply. */
  async originating<T>(kind: CallKind, address: string, act: () => Promise<T>): Promise<T> {
    this.#origin.set(address, kind);
    try { return await act(); } finally { this.#origin.delete(address); }
  }

  #onEvent(e: CallEvent): void {
    if (this.#merges.claims(e)) return;
    switch (e.type) {
      case 'CallCtlConnOfferedEv':
        if (!this.#contacts.has(e.callId)) this.#offered(e);
        return;
      case 'CallCtlConnInitiatedEv': {
        const agent = this.#deps.resources.byExtension(e.address);
        if (!agent || this.#calls.has(e.callId)) return;
        this.agentCalls.offHook(agent.resource.userId);
        const call = this.#track(e, this.#origin.get(e.address) ?? 'AGENT_INSIDE', e.address);
        call.originator = e.address;
        this.#emit({ kind: 'SERVICE_INITIATED', call, device: e.address });
        return;
      }
      case 'CallCtlConnAlertingEv':
      case 'CallCtlConnNetworkReachedEv': {
        const role = this.#role(e.address);
        if (role === 'ROUTE_POINT' || role === 'CTI_PORT') return;
        if (role !== 'AGENT_DEVICE' && !this.#calls.has(e.callId)) return;
        const call = this.#track(e, 'OTHER_IN', e.address);
        call.parties.add(e.address);
        const agent = this.#deps.resources.byExtension(e.address);
        if (agent) this.agentCalls.alerted(agent.resource.userId, call);
        this.#emit({ kind: 'DELIVERED', call, device: e.address, role });
        // an agent's call that leaves the switch is an outbound call from now on (cti.md §6.5)
        if (role === 'OTHER' && call.kind === 'AGENT_INSIDE') this.#retype(call, 'OUT');
        return;
      }
      case 'CallCtlConnEstablishedEv': {
        const role = this.#role(e.address);
        const known = this.#calls.get(e.callId);
        if (known && known.originator === e.address) {
          known.originator = undefined;
          this.#emit({ kind: 'ORIGINATED', call: known, device: e.address });
          this.#joined(e.address, known);
          return;
        }
        if (role === 'ROUTE_POINT' || role === 'CTI_PORT') return;
        if (role !== 'AGENT_DEVICE' && !known) return;
        const call = this.#track(e, 'AGENT_INSIDE', e.address);
        call.parties.add(e.address);
        this.#emit({ kind: 'ESTABLISHED', call, device: e.address, role });
        const reservation = this.#deps.router.reservationOf(e.callId);
        if (reservation && this.#deps.resources.byUserId(reservation.userId)?.resource.extension === e.address) {
          this.#deps.router.answered(e.callId);
        }
        this.#joined(e.address, call);
        return;
      }
      case 'CallCtlConnFailedEv': {
        const call = this.#calls.get(e.callId);
        if (!call) return;
        const failing = { device: e.address, role: this.#role(e.address) };
        this.#emit({ kind: 'FAILED', call, device: call.calling, failing, busy: e.cause === 'RESOURCES_NOT_AVAILABLE' });
        return;
      }
      case 'CallCtlTermConnHeldEv': {
        const call = this.#calls.get(e.callId);
        if (!call || call.held.has(e.address)) return;
        call.held.add(e.address);
        this.#emit({ kind: 'HELD', call, device: e.address });
        return;
      }
      case 'CallCtlTermConnTalkingEv': {
        const call = this.#calls.get(e.callId);
        if (!call?.held.delete(e.address)) return;
        this.#emit({ kind: 'RETRIEVED', call, device: e.address });
        return;
      }
      case 'CallCtlConnDisconnectedEv': {
        const call = this.#calls.get(e.callId);
        const role = this.#role(e.address);
        if (!call || role === 'ROUTE_POINT' || role === 'CTI_PORT') return;
        call.held.delete(e.address);
        const cause = this.#ronaOf.has(e.callId) ? 'CALL_NOT_ANSWERED' as const
          : e.cause === 'CALL_CANCELLED' ? 'CALL_CANCELLED' as const : undefined;
        this.#emit({ kind: 'CONNECTION_CLEARED', call, device: e.address, role, ...(cause ? { cause } : {}) });
        call.parties.delete(e.address);
        const agent = this.#deps.resources.byExtension(e.address);
        // the agent's end of call waits for CALL_CLEARED when the call ends with it (cti-to-finesse.md §1.5)
        if (agent && this.agentCalls.left(agent.resource.userId, call) && this.#deps.session.knownCall({ callId: call.id }).ok) {
          this.agentCalls.settle();
        }
        return;
      }
      case 'CiscoCallDataChangedEv': {
        const call = this.#calls.get(e.callId);
        if (!call) return;
        const changed = Object.fromEntries(Object.entries(e.callVariables).filter(([k, v]) => call.callVariables[k] !== v));
        call.callVariables = e.callVariables;
        if (Object.keys(changed).length > 0) this.#emit({ kind: 'DATA_UPDATE', call, changed });
        return;
      }
      case 'CallInvalidEv':
        this.#ended(e.callId);
        return;
      default:
        return; // the other JTAPI events add nothing the CTI events of §6 carry
    }
  }

  #joined(device: string, call: TrackedCall): void {
    const agent = this.#deps.resources.byExtension(device);
    if (agent) this.agentCalls.joined(agent.resource.userId, call);
  }

  /** The call's CallType changed: CALL_DATA_UPDATE carries the new one (cti.md §6.4, §6.5). */
  #retype(call: TrackedCall, kind: CallKind): void {
    if (call.kind === kind) return;
    call.kind = kind;
    this.#emit({ kind: 'DATA_UPDATE', call, changed: {} });
  }

  #offered(e: CallEvent & { address: string }): void {
    const routed = this.#deps.triggerAt(e.address);
    if (!routed) return;
    const call = this.#track(e, 'CCX_IN', e.calling, e.address);
    call.csqId = routed.csqId;
    call.applicationId = routed.trigger.applicationId;
    this.#contacts.set(e.callId, { call, triggerDn: e.address, at: e.address });
    this.#deps.log.info({ callId: e.callId, trigger: e.address, csqId: routed.csqId }, 'contact queued');
    this.#deps.router.enqueue(e.callId, [{ csqId: routed.csqId }]);
  }

  #settled(work: Promise<void>, reservation: Reservation): void {
    work.catch((err: unknown) => this.#deps.log.error({ err, callId: reservation.contactId }, 'redirect failed'));
  }

  /** The router reserved an agent: ring the agent's line (§3.4 RESERVED → ALERTING). */
  async #deliver(reservation: Reservation): Promise<void> {
    const contact = this.#contacts.get(reservation.contactId);
    const agent = this.#deps.resources.byUserId(reservation.userId);
    if (!contact || !agent) return;
    contact.call.csqId = reservation.csqId;
    const reply = await this.#deps.session.redirect({ callId: contact.call.id, address: contact.at, dest: agent.resource.extension });
    if (reply.ok) {
      contact.at = agent.resource.extension;
      return;
    }
    // The RONA timer is already running: the contact returns to its queue when it fires.
    this.#deps.log.warn({ callId: contact.call.id, userId: reservation.userId, error: reply.error }, 'redirect to agent failed');
  }

  /** RONA (§3.4 ALERTING → QUEUED): the call goes back to the route point, where it waits again. */
  async #returnToQueue(reservation: Reservation): Promise<void> {
    const contact = this.#contacts.get(reservation.contactId);
    if (!contact || contact.at === contact.triggerDn) return;
    this.#ronaOf.add(contact.call.id);
    let reply;
    try {
      reply = await this.#deps.session.redirect({ callId: contact.call.id, address: contact.at, dest: contact.triggerDn });
    } finally {
      this.#ronaOf.delete(contact.call.id);
    }
    if (reply.ok) contact.at = contact.triggerDn;
    else this.#deps.log.warn({ callId: contact.call.id, error: reply.error }, 'redirect back to the trigger failed');
  }

  #ended(callId: string): void {
    const call = this.#calls.get(callId);
    if (call) this.#emit({ kind: 'CLEARED', call });
    if (this.#contacts.delete(callId)) {
      // a connected contact's agents are settled below; one still queued or ringing was abandoned (§3.4)
      if (this.#deps.router.contactState(callId) === 'CONNECTED') this.#deps.router.release(callId);
      else this.#deps.router.ended(callId);
    }
    if (!call) return;
    for (const device of call.parties) {
      const agent = this.#deps.resources.byExtension(device);
      if (agent) this.agentCalls.left(agent.resource.userId, call);
    }
    this.agentCalls.settle();
    this.#forget(call);
  }

  #forget(call: TrackedCall): void {
    this.#calls.delete(call.id);
    this.#ids.forget(call.id);
    this.#emit({ kind: 'END', call });
  }

  #track(e: CallEvent, kind: CallKind, device: string, dnis?: string): TrackedCall {
    const known = this.#calls.get(e.callId);
    if (known) {
      known.calling = e.calling;
      known.called = e.called;
      known.lastRedirected = e.lastRedirected;
      return known;
    }
    const snapshot = this.#deps.session.knownCall({ callId: e.callId });
    const call: TrackedCall = {
      id: e.callId, ctiCallId: this.#ids.idOf(e.callId), kind, calling: e.calling, called: e.called,
      lastRedirected: e.lastRedirected, dnis, csqId: undefined, applicationId: undefined,
      callVariables: snapshot.ok ? snapshot.value.callVariables : {}, held: new Set(), originator: undefined, parties: new Set([e.calling, device]), seen: new Set(),
    };
    this.#calls.set(e.callId, call);
    this.#emit({ kind: 'BEGIN', call, device });
    return call;
  }

  #role(address: string | undefined): DeviceRole {
    if (address === undefined) return 'OTHER';
    if (this.#deps.resources.byExtension(address)) return 'AGENT_DEVICE';
    if (this.#deps.triggerAt(address)) return 'ROUTE_POINT';
    if (this.#deps.isCtiPort(address)) return 'CTI_PORT';
    return 'OTHER';
  }

  #emit(fact: CallFact): void {
    for (const device of fact.call.parties) fact.call.seen.add(device);
    if ('device' in fact) fact.call.seen.add(fact.device);
    for (const listener of this.#listeners) listener(fact);
  }
}

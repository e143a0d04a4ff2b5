// The call manager's calls: an in-memory JTAPI 1.2 CallControl model (spec telephony-and-routing.md §1, §3.1).
// Every operation either refuses with a TelephonyError and changes nothing, or applies completely and raises
// its events, which are delivered (in `seq` order) when the operation returns. Operation names mirror JTAPI;
// parties are named by call id, address (directory number) and terminal (device name).
import { CallCore } from './call-core.ts';
import { conference } from './conference.ts';
import type { DialPlan } from './dial-plan.ts';
import { CallEventBus, type ListenerErrorHandler } from './event-bus.ts';
import type { CallEventListener } from './events.ts';
import { sendDtmf, setCallData } from './media.ts';
import * as party from './party-control.ts';
import { consult, originate, placeInbound, type InboundCallRequest, type OriginateRequest } from './setup.ts';
import { snapshotOf, type CallSnapshot } from './snapshot.ts';
import { transfer, type TransferTarget } from './transfer.ts';

export interface CallModelOptions {
  readonly dialPlan: DialPlan;
  readonly now?: () => number;         // default Date.now; the lab's virtual clock in tests
  readonly newCallId?: () => string;   // default c-1, c-2, … in creation order
  readonly onListenerError?: ListenerErrorHandler;
}

export function sequentialCallIds(prefix = 'c-'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export class CallModel {
  readonly #core: CallCore;
  readonly #bus: CallEventBus;

  constructor(options: CallModelOptions) {
    this.#bus = new CallEventBus(options.now ?? Date.now, options.onListenerError);
    this.#core = new CallCore(options.dialPlan, this.#bus, options.newCallId ?? sequentialCallIds());
  }

  /** Events of every call, from now on; returns the unsubscribe function. */
  subscribe(listener: CallEventListener): () => void {
    return this.#bus.subscribe(listener);
  }

  /** The `seq` of the last event raised (0 before any). */
  get lastSeq(): number {
    return this.#bus.lastSeq;
  }

  /** Calls in progress. */
  get size(): number {
    return this.#core.calls.size;
  }

  getCall(callId: string): CallSnapshot | undefined {
    const call = this.#core.calls.get(callId);
    return call && snapshotOf(call);
  }

  listCalls(): CallSnapshot[] {
    return [...this.#core.calls.values()].map(snapshotOf);
  }

  /** The ids of the calls in progress. */
  callIds(): string[] {
    return [...this.#core.calls.keys()];
  }

  /** Whether a call has a connection at one of `addresses` or on one of `terminals`; undefined when the call
   *  is not in progress (it ended, or never was). */
  touches(callId: string, addresses: ReadonlySet<string>, terminals: ReadonlySet<string>): boolean | undefined {
    const call = this.#core.calls.get(callId);
    if (!call) return undefined;
    for (const connection of call.connections) {
      if (addresses.has(connection.address)) return true;
      for (const device of connection.devices) if (terminals.has(device)) return true;
    }
    return false;
  }

  placeInbound(request: InboundCallRequest): CallSnapshot {
    try { return snapshotOf(placeInbound(this.#core, request)); } finally { this.#bus.flush(); }
  }

  originate(request: OriginateRequest): CallSnapshot {
    try { return snapshotOf(originate(this.#core, request)); } finally { this.#bus.flush(); }
  }

  accept(callId: string, address: string): void {
    try { party.accept(this.#core, callId, address); } finally { this.#bus.flush(); }
  }

  reject(callId: string, address: string): void {
    try { party.reject(this.#core, callId, address); } finally { this.#bus.flush(); }
  }

  redirect(callId: string, address: string, dest: string): void {
    try { party.redirect(this.#core, callId, address, dest); } finally { this.#bus.flush(); }
  }

  answer(callId: string, terminal: string): void {
    try { party.answer(this.#core, callId, terminal); } finally { this.#bus.flush(); }
  }

  hold(callId: string, terminal: string): void {
    try { party.hold(this.#core, callId, terminal); } finally { this.#bus.flush(); }
  }

  unhold(callId: string, terminal: string): void {
    try { party.unhold(this.#core, callId, terminal); } finally { this.#bus.flush(); }
  }

  disconnect(callId: string, address: string): void {
    try { party.disconnect(this.#core, callId, address); } finally { this.#bus.flush(); }
  }

  drop(callId: string): void {
    try { party.drop(this.#core, callId); } finally { this.#bus.flush(); }
  }

  /** Returns the consultation call. */
  consult(callId: string, terminal: string, dest: string): CallSnapshot {
    try { return snapshotOf(consult(this.#core, callId, terminal, dest)); } finally { this.#bus.flush(); }
  }

  /** `{ otherCallId }`: consultative transfer; `{ dest }`: single-step. */
  transfer(callId: string, target: TransferTarget): void {
    try { transfer(this.#core, callId, target); } finally { this.#bus.flush(); }
  }

  conference(callId: string, otherCallId: string, controller?: string): void {
    try { conference(this.#core, callId, otherCallId, controller); } finally { this.#bus.flush(); }
  }

  sendDtmf(callId: string, address: string, digits: string): void {
    try { sendDtmf(this.#core, callId, address, digits); } finally { this.#bus.flush(); }
  }

  setCallData(callId: string, variables: Readonly<Record<string, string>>): void {
    try { setCallData(this.#core, callId, variables); } finally { this.#bus.flush(); }
  }
}

// A small contact center for call-model tests: a route point, CTI ports, agent phones, a shared line, and
// helpers to write expected events and parties as short strings.
import assert from 'node:assert/strict';
import { CallModel } from '../../src/callmanager/calls/call-model.ts';
import { TelephonyError } from '../../src/callmanager/calls/errors.ts';
import { MemoryDialPlan } from '../../src/callmanager/calls/memory-dial-plan.ts';
import type { CallEvent, CallSnapshot, TelephonyErrorKind } from '../../src/callmanager/calls/types.ts';

export const CUSTOMER = '+14085550100';
export const PSTN = '+14085550199';

export interface CallLab {
  readonly dialPlan: MemoryDialPlan;
  readonly model: CallModel;
  readonly events: CallEvent[];
  /** Events raised since `mark` (an index into `events`), as strings. */
  since(mark: number): string[];
  /** The parties of a call in progress, as strings; [] once it has ended. */
  parties(callId: string): string[];
}

export function callLab(): CallLab {
  const dialPlan = new MemoryDialPlan();
  dialPlan.addDevice({ name: 'RP_7001', kind: 'CTI_ROUTE_POINT', lines: [{ pattern: '7001' }] });
  dialPlan.addDevice({ name: 'PORT_1', kind: 'CTI_PORT', registered: true, lines: [{ pattern: '8001' }] });
  dialPlan.addDevice({ name: 'PORT_2', kind: 'CTI_PORT', lines: [{ pattern: '8002' }] }); // not registered
  for (const [name, dn] of [['SEP_A', '1001'], ['SEP_B', '1002'], ['SEP_C', '1003']] as const) {
    dialPlan.addDevice({ name, kind: 'PHONE', registered: true, lines: [{ pattern: dn }] });
  }
  dialPlan.addDevice({ name: 'SEP_S1', kind: 'PHONE', registered: true, lines: [{ pattern: '1010' }] });
  dialPlan.addDevice({ name: 'SEP_S2', kind: 'PHONE', registered: true, lines: [{ pattern: '1010' }] });
  dialPlan.addDevice({ name: 'SEP_OFF', kind: 'PHONE', lines: [{ pattern: '1099' }] }); // not registered
  let now = 1_000;
  const model = new CallModel({ dialPlan, now: () => now++ });
  const events: CallEvent[] = [];
  model.subscribe((event) => events.push(event));
  return {
    dialPlan, model, events,
    since: (mark) => events.slice(mark).map(formatEvent),
    parties: (callId) => partiesOf(model.getCall(callId)),
  };
}

export function formatEvent(event: CallEvent): string {
  if (event.type === 'MediaTermConnDtmfEv') return `${event.type} ${event.address} ${event.digit}`;
  return [event.type, event.address, event.terminal].filter((part) => part !== undefined).join(' ');
}

/** `address ccState [terminal:ccState …]` per connection. */
export function partiesOf(call: CallSnapshot | undefined): string[] {
  return (call?.connections ?? []).map((c) =>
    [c.address, c.ccState, ...c.terminalConnections.map((tc) => `${tc.terminal}:${tc.ccState}`)].join(' '));
}

/** The request is refused with `kind`, and nothing changed: same calls, no event, no sequence number used. */
export function assertRefused(lab: CallLab, action: () => unknown, kind: TelephonyErrorKind): void {
  const calls = lab.model.listCalls();
  const count = lab.events.length;
  const seq = lab.model.lastSeq;
  assert.throws(action, (err: unknown) => {
    assert.ok(err instanceof TelephonyError, `expected a TelephonyError, got ${String(err)}`);
    assert.equal(err.kind, kind, err.message);
    return true;
  });
  assert.deepEqual(lab.model.listCalls(), calls);
  assert.equal(lab.events.length, count);
  assert.equal(lab.model.lastSeq, seq);
}

// Event runs that recur; each spells out one JTAPI step of one party.
const each = (terminals: readonly string[], f: (t: string) => string[]): string[] => terminals.flatMap(f);

export const ev = {
  callActive: ['CallActiveEv'],
  callInvalid: ['CallInvalidEv'],
  networkCaller: (a: string) => [`ConnCreatedEv ${a}`, `ConnConnectedEv ${a}`, `CallCtlConnEstablishedEv ${a}`],
  networkCalled: (a: string) =>
    [`ConnCreatedEv ${a}`, `ConnConnectedEv ${a}`, `CallCtlConnNetworkReachedEv ${a}`, `CallCtlConnEstablishedEv ${a}`],
  offered: (a: string) => [`ConnCreatedEv ${a}`, `ConnInProgressEv ${a}`, `CallCtlConnOfferedEv ${a}`],
  alerting: (a: string, terminals: readonly string[]) => [
    `ConnAlertingEv ${a}`, `CallCtlConnAlertingEv ${a}`,
    ...each(terminals, (t) => [`TermConnCreatedEv ${a} ${t}`, `TermConnRingingEv ${a} ${t}`, `CallCtlTermConnRingingEv ${a} ${t}`]),
  ],
  answered: (a: string, t: string, bridged: readonly string[] = []) => [
    `ConnConnectedEv ${a}`, `CallCtlConnEstablishedEv ${a}`, `TermConnActiveEv ${a} ${t}`, `CallCtlTermConnTalkingEv ${a} ${t}`,
    ...each(bridged, (b) => [`TermConnPassiveEv ${a} ${b}`, `CallCtlTermConnBridgedEv ${a} ${b}`]),
  ],
  originator: (a: string, t: string, bridged: readonly string[] = []) => [
    `ConnCreatedEv ${a}`, `ConnConnectedEv ${a}`, `CallCtlConnInitiatedEv ${a}`,
    `TermConnCreatedEv ${a} ${t}`, `TermConnActiveEv ${a} ${t}`, `CallCtlTermConnTalkingEv ${a} ${t}`,
    ...each(bridged, (b) => [`TermConnCreatedEv ${a} ${b}`, `TermConnPassiveEv ${a} ${b}`, `CallCtlTermConnBridgedEv ${a} ${b}`]),
    `CallCtlConnDialingEv ${a}`, `CallCtlConnEstablishedEv ${a}`,
  ],
  failed: (a: string) => [`ConnCreatedEv ${a}`, `ConnFailedEv ${a}`, `CallCtlConnFailedEv ${a}`],
  leaves: (a: string, terminals: readonly string[] = []) => [
    ...each(terminals, (t) => [`TermConnDroppedEv ${a} ${t}`, `CallCtlTermConnDroppedEv ${a} ${t}`]),
    `ConnDisconnectedEv ${a}`, `CallCtlConnDisconnectedEv ${a}`,
  ],
  /** A party moved into a call, announced from IDLE up to the states it has. */
  arrives: (a: string, connection: string[], terminals: readonly (readonly [string, string[]])[] = []) => [
    `ConnCreatedEv ${a}`, ...connection.map((type) => `${type} ${a}`),
    ...terminals.flatMap(([t, types]) => [`TermConnCreatedEv ${a} ${t}`, ...types.map((type) => `${type} ${a} ${t}`)]),
  ],
};

/** Customer → DN, the way a lab call arrives. */
export function inbound(lab: CallLab, to: string, callVariables?: Record<string, string>): string {
  return lab.model.placeInbound({ from: CUSTOMER, to, ...(callVariables ? { callVariables } : {}) }).id;
}

/** A customer talking to an agent at SEP_A (1001), reached through the route point. */
export function talkingAtA(lab: CallLab): string {
  const callId = inbound(lab, '7001');
  lab.model.redirect(callId, '7001', '1001');
  lab.model.answer(callId, 'SEP_A');
  return callId;
}

/** talkingAtA, then SEP_A consults 1002 and SEP_B answers. Returns both calls. */
export function consultedB(lab: CallLab): { callId: string; consultId: string } {
  const callId = talkingAtA(lab);
  const consultId = lab.model.consult(callId, 'SEP_A', '1002').id;
  lab.model.answer(consultId, 'SEP_B');
  return { callId, consultId };
}

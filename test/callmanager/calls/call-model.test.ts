import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CallModel, sequentialCallIds } from '../../../src/callmanager/calls/call-model.ts';
import type { CallEvent } from '../../../src/callmanager/calls/types.ts';
import { callLab, CUSTOMER, formatEvent, inbound, talkingAtA } from '../../support/call-lab.ts';

test('call ids are deterministic, c-1, c-2, … unless another generator is given', () => {
  const lab = callLab();
  assert.deepEqual([inbound(lab, '7001'), inbound(lab, '7001'), talkingAtA(lab)], ['c-1', 'c-2', 'c-3']);
  const own = new CallModel({ dialPlan: lab.dialPlan, newCallId: sequentialCallIds('call-') });
  assert.equal(own.placeInbound({ from: CUSTOMER, to: '7001' }).id, 'call-1');
});

test('events carry the injected clock, a global increasing seq, and the call parties of the moment', () => {
  const lab = callLab();
  const first = inbound(lab, '7001');
  lab.model.redirect(first, '7001', '1001');
  inbound(lab, '7001');
  assert.deepEqual(lab.events.map((e) => e.seq), lab.events.map((_, i) => i + 1));
  assert.equal(lab.model.lastSeq, lab.events.length);
  assert.deepEqual(lab.events.slice(0, 3).map((e) => e.at), [1001, 1002, 1003]); // createdAt took 1000
  assert.equal(lab.model.getCall(first)?.createdAt, 1000);
  const beforeRedirect = lab.events.find((e) => e.type === 'CallCtlConnOfferedEv');
  const afterRedirect = lab.events.find((e) => e.type === 'CallCtlTermConnRingingEv');
  assert.deepEqual([beforeRedirect?.called, beforeRedirect?.lastRedirected], ['7001', null]);
  assert.deepEqual([afterRedirect?.calling, afterRedirect?.called, afterRedirect?.lastRedirected], [CUSTOMER, '1001', '7001']);
});

test('with no subscriber events are not built, but their seq numbers are used', () => {
  const lab = callLab();
  const quiet = new CallModel({ dialPlan: lab.dialPlan });
  quiet.placeInbound({ from: CUSTOMER, to: '7001' });
  assert.equal(quiet.lastSeq, 7);
  const seen: CallEvent[] = [];
  const unsubscribe = quiet.subscribe((e) => seen.push(e));
  quiet.drop('c-1');
  unsubscribe();
  quiet.placeInbound({ from: CUSTOMER, to: '7001' });
  assert.deepEqual(seen.map((e) => e.seq), [8, 9, 10, 11, 12]);
});

test('a listener that acts on an event has its events delivered after the current ones, in seq order', () => {
  const lab = callLab();
  const order: string[] = [];
  lab.model.subscribe((event) => {
    order.push(`${event.seq} ${formatEvent(event)}`);
    if (event.type === 'CallCtlConnOfferedEv' && event.address === '7001') lab.model.redirect(event.callId, '7001', '1001');
  });
  const returned = inbound(lab, '7001');
  assert.equal(lab.model.getCall(returned)?.connections[1]?.address, '1001');
  assert.deepEqual(order.map((line) => Number(line.split(' ')[0])), order.map((_, i) => i + 1));
  assert.deepEqual(order.slice(6, 9), ['7 CallCtlConnOfferedEv 7001', '8 ConnDisconnectedEv 7001', '9 CallCtlConnDisconnectedEv 7001']);
  assert.deepEqual(lab.events.map(formatEvent), order.map((line) => line.slice(line.indexOf(' ') + 1)));
});

test('placeInbound returns the call as the operation left it, before listeners act on it', () => {
  const lab = callLab();
  lab.model.subscribe((event) => {
    if (event.type === 'CallCtlConnOfferedEv' && event.address === '7001') lab.model.redirect(event.callId, '7001', '1001');
  });
  const call = lab.model.placeInbound({ from: CUSTOMER, to: '7001' });
  assert.equal(call.connections[1]?.ccState, 'OFFERED');
  assert.equal(lab.model.getCall(call.id)?.connections[1]?.ccState, 'ALERTING');
});

test('a throwing listener neither stops delivery to others nor undoes the operation', () => {
  const errors: unknown[] = [];
  const lab = callLab();
  const model = new CallModel({ dialPlan: lab.dialPlan, onListenerError: (err) => errors.push(err) });
  let delivered = 0;
  model.subscribe(() => { throw new Error('listener bug'); });
  model.subscribe(() => { delivered++; });
  const call = model.placeInbound({ from: CUSTOMER, to: '7001' });
  assert.equal(delivered, 7);
  assert.equal(errors.length, 7);
  assert.equal(model.getCall(call.id)?.state, 'ACTIVE');
});

test('snapshots are JSON-able copies', () => {
  const lab = callLab();
  const callId = lab.model.placeInbound({ from: CUSTOMER, to: '1010', callVariables: { callVariable1: 'x' } }).id;
  const snapshot = lab.model.getCall(callId);
  assert.ok(snapshot);
  assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
  snapshot.callVariables.callVariable1 = 'changed';
  snapshot.connections.pop();
  assert.deepEqual(lab.model.getCall(callId)?.callVariables, { callVariable1: 'x' });
  assert.equal(lab.model.getCall(callId)?.connections.length, 2);
  assert.equal(lab.model.getCall('c-9'), undefined);
});

test('listCalls, size and touches describe the calls in progress', () => {
  const lab = callLab();
  const one = inbound(lab, '7001');
  const two = talkingAtA(lab);
  assert.equal(lab.model.size, 2);
  assert.deepEqual(lab.model.listCalls().map((c) => c.id), [one, two]);
  assert.equal(lab.model.touches(one, new Set(['7001']), new Set()), true);
  assert.equal(lab.model.touches(one, new Set(), new Set(['RP_7001'])), true);  // offered to the device's line
  assert.equal(lab.model.touches(two, new Set(['7001']), new Set()), false);
  assert.equal(lab.model.touches(two, new Set(), new Set(['SEP_A'])), true);
  lab.model.drop(one);
  assert.equal(lab.model.touches(one, new Set(['7001']), new Set()), undefined);
  assert.equal(lab.model.size, 1);
});

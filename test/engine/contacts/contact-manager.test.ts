// Routing through the contact manager on a started node, with the lab's virtual clock (telephony-and-routing.md
// §3.4, cti-to-finesse.md §2.5, §2.6): RONA clears the ringing line, makes the agent NOT_READY with AGT_RNA and
// sends the contact, back at the head of its queue, to the next agent; a caller who hangs up while queued leaves
// the queue and no agent is ever reserved for the call.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CtiClient } from '../../../src/engine/cti/client.ts';
import { EventCause, type CtiMessageOf } from '../../../src/engine/cti/codec/index.ts';
import {
  CUSTOMER, agentEvent, assertQuiet, describe, nextEvents, ready, signOut, startCtiLab, type CtiLab,
} from '../../support/cti-lab.ts';

let lab: CtiLab;
let cti: CtiClient;
before(async () => {
  lab = await startCtiLab();
  assert.equal((await lab.lab('/lab/clock', { mode: 'virtual' })).status, 200);
  cti = await lab.open('poise-ws-routing');
});
after(async () => {
  await lab.lab('/lab/clock', { mode: 'real' });
  await lab.close();
});

const csqId = (name: string) => {
  const csq = lab.engine.engine.config().csqs.find((c) => c.name === name);
  assert.ok(csq);
  return csq.id;
};
const advance = async (ms: number) => assert.equal((await lab.lab('/lab/clock/advance', { ms })).status, 200);
const place = async (to: string) => {
  const placed = await lab.lab('/lab/calls', { from: CUSTOMER, to });
  assert.equal(placed.status, 201);
  const begin = (await cti.waitFor('BEGIN_CALL_EVENT')).event;
  return { callId: begin.connectionCallId, labId: String(placed.body['callId']) };
};

test('RONA: the ringing line is cleared, the agent goes NOT_READY (AGT_RNA), the contact goes back first in line', async () => {
  const sales = csqId('Sales');
  await ready(cti, 'agent1', '1001');
  const first = await place('7001');
  assert.deepEqual((await nextEvents(cti, 2)).map(describe), ['AGENT_STATE agent1 RESERVED', 'DELIVERED 1001']);
  const second = await place('7001'); // nobody free: it waits behind the first
  assert.deepEqual(lab.engine.engine.router.queued(sales).map((e) => e.contactId), [second.labId]);

  await advance(9_000);
  await assertQuiet(cti); // the timer has not run out yet
  await advance(1_000);   // ringNoAnswerSeconds 10 (the Sales CSQ has no timer of its own)
  const events = await nextEvents(cti, 2);
  assert.deepEqual(events.map(describe), ['CONNECTION_CLEARED 1001', 'AGENT_STATE agent1 NOT_READY']);
  const cleared = events[0] as CtiMessageOf<'CALL_CONNECTION_CLEARED_EVENT'>;
  assert.equal(cleared.connectionCallId, first.callId);
  assert.equal(cleared.eventCause, EventCause.CALL_NOT_ANSWERED);
  assert.equal((events[1] as CtiMessageOf<'AGENT_STATE_EVENT'>).eventReasonCode, 32763);
  const queue = lab.engine.engine.router.queued(sales);
  assert.deepEqual(queue.map((e) => [e.contactId, e.returned]), [[first.labId, true], [second.labId, false]]);
  await assertQuiet(cti); // the call goes on: no END_CALL

  await ready(cti, 'agent2', '1002');
  assert.deepEqual((await nextEvents(cti, 2)).map(describe), ['AGENT_STATE agent2 RESERVED', 'DELIVERED 1002']);
  assert.equal((await lab.labGet(`/lab/calls/${first.labId}`) as { connections: { address: string }[] })
    .connections.some((c) => c.address === '1002'), true);
  assert.deepEqual(lab.engine.engine.router.queued(sales).map((e) => e.contactId), [second.labId]);

  for (const call of [first, second]) assert.equal((await lab.lab(`/lab/calls/${call.labId}/abandon`)).status, 200);
  await agentEvent(cti, 'agent2', 'READY'); // the caller hung up while agent2 rang (§2.5)
  await cti.waitFor('END_CALL_EVENT', (e) => e.connectionCallId === second.callId);
  assert.deepEqual(lab.engine.engine.router.queued(sales), []);
  await signOut(cti, ['agent1', '1001'], ['agent2', '1002']);
});

test('abandon while queued: the contact leaves the queue, and an agent who becomes READY later gets nothing', async () => {
  const support = csqId('Support');
  const { callId, labId } = await place('7002');
  assert.equal(lab.engine.engine.router.queued(support).length, 1);
  assert.equal(lab.engine.engine.router.contactState(labId), 'QUEUED');
  assert.equal((await lab.lab(`/lab/calls/${labId}/abandon`)).status, 200);
  const events = await nextEvents(cti, 3);
  assert.deepEqual(events.map(describe), [`CONNECTION_CLEARED ${CUSTOMER}`, 'CLEARED', 'END']);
  assert.ok(events.every((e) => !('connectionCallId' in e) || e.connectionCallId === callId));
  assert.deepEqual(lab.engine.engine.router.queued(support), []);
  assert.equal(lab.engine.engine.router.contactState(labId), undefined);
  assert.equal((await lab.lab(`/lab/calls/${labId}/abandon`)).status, 404); // the call is gone

  await ready(cti, 'agent6', '1006');
  await advance(20_000); // past any RONA timer, short of the session's IdleTimeout
  await assertQuiet(cti);
  await signOut(cti, ['agent6', '1006']);
});

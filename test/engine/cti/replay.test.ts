// The live-state replay after OPEN_CONF (cti.md §4.2 [Poise]): a bridge session asking for the Poise extensions
// gets an AGENT_STATE_EVENT per signed-in agent, each call's BEGIN_CALL and one event per connection (CALL_HELD
// after a held one), then POISE_SNAPSHOT_END_EVENT with the counts; a session without the extensions gets none.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Service } from '../../../src/engine/cti/codec/index.ts';
import { assertQuiet, CUSTOMER, describe, expectReply, ready, setAgentState, startCtiLab, type CtiLab } from '../../support/cti-lab.ts';
import type { CtiClient } from '../../../src/engine/cti/client.ts';
import type { CtiMessage } from '../../../src/engine/cti/codec/index.ts';

const EXTENDED = Service.ALL_EVENTS | Service.CLIENT_CONTROL | Service.POISE_SERVICE_EXTENSIONS;
let lab: CtiLab;
let control: CtiClient;
before(async () => {
  lab = await startCtiLab();
  control = await lab.open('replay-control');
});
after(async () => { await lab.close(); });

/** The events up to and including POISE_SNAPSHOT_END_EVENT, CSQ statistics left out. */
async function replayOf(cti: CtiClient): Promise<CtiMessage[]> {
  const out: CtiMessage[] = [];
  for (;;) {
    const event = await cti.nextEvent();
    if (event.type === 'POISE_CSQ_STATISTICS_EVENT') continue;
    out.push(event);
    if (event.type === 'POISE_SNAPSHOT_END_EVENT') return out;
  }
}

test('an empty engine replays nothing but the end marker', async () => {
  const cti = await lab.open('replay-empty', { servicesRequested: EXTENDED });
  assert.deepEqual((await replayOf(cti)).map(describe), ['POISE_SNAPSHOT_END_EVENT']);
  await cti.close();
});

test('signed-in agents and a held call: the replay, in order, and the counts', async () => {
  await ready(control, 'agent1', '1001');
  assert.equal((await setAgentState(control, 'agent2', '1002', 'LOGIN')).type, 'SET_AGENT_STATE_CONF');
  const first = await lab.lab('/lab/calls', { from: CUSTOMER, to: '7001' });
  assert.equal(first.status, 201);
  const delivered = (await control.waitFor('CALL_DELIVERED_EVENT', (e) => e.alertingDeviceId === '1001')).event;
  const callId = delivered.connectionCallId;
  await expectReply(control, { type: 'ANSWER_CALL_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0, connectionDeviceId: '1001' }, 'ANSWER_CALL_CONF');
  await expectReply(control, { type: 'HOLD_CALL_REQ', peripheralId: 1, connectionCallId: callId, connectionDeviceIdType: 0, reservation: false, connectionDeviceId: '1001' }, 'HOLD_CALL_CONF');
  await control.waitFor('CALL_HELD_EVENT');

  const cti = await lab.open('replay-extended', { servicesRequested: EXTENDED });
  const replay = await replayOf(cti);
  assert.deepEqual(replay.map(describe), [
    'AGENT_STATE agent1 TALKING', 'AGENT_STATE agent2 NOT_READY',
    'BEGIN 1', `ESTABLISHED ${CUSTOMER}`, 'ESTABLISHED 1001', 'HELD 1001',
    'POISE_SNAPSHOT_END_EVENT',
  ]);
  for (const event of replay) if ('connectionCallId' in event) assert.equal(event.connectionCallId, callId);
  for (const event of replay) if ('eventCause' in event) assert.equal(event.eventCause, 0xffff); // CEC_NONE
  assert.deepEqual(replay.at(-1), { type: 'POISE_SNAPSHOT_END_EVENT', numAgents: 2, numCalls: 1 });
  await assertQuiet(cti);

  // Without the extensions: the SYSTEM_EVENT only, then live events.
  const plain = await lab.open('replay-plain');
  await assertQuiet(plain);
});

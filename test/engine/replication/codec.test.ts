// The replication codec and the standby's copy, without sockets: each message round-trips; malformed ones come
// back as errors naming the field, never as exceptions; proofs bind the secret, the side and both nonces; the copy
// takes deltas only in order and leaves its rows alone when it refuses one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeMasterMessage, decodeStandbyMessage, encodeMessage, newNonce, proofMatches, proofOf, utf8Text,
  type MasterMessage, type StandbyMessage,
} from '../../../src/engine/replication/codec.ts';
import { ReplicaCopy } from '../../../src/engine/replication/replica-copy.ts';
import type { ReplicaAgent, ReplicaState } from '../../../src/engine/replication/replica-state.ts';

const agent = (userId: string, fields: Partial<ReplicaAgent> = {}): ReplicaAgent => ({
  userId, extension: '1001', state: 'NOT_READY', reasonCode: 2, stateSince: 1_700_000_000_000, readySince: 1_700_000_000_000,
  pendingState: null, pendingReasonCode: 0, contactId: null, handledToday: 0, handleTimeTodayMs: 0, answeredAt: null,
  wrapUpDeadline: null, calls: [], reservedFor: null, day: null, ...fields,
});
const STATE: ReplicaState = {
  agents: [agent('agent1'), agent('agent2', {
    state: 'TALKING', reasonCode: 0, calls: ['c1'], contactId: 'c1',
    day: {
      today: { presented: 2, handled: 1, rona: 1, talkMs: 60_000, holdMs: 0, workMs: 15_000, handleMs: 75_000, stateMs: { READY: 5000.5 }, reasonMs: { 32760: 1000 } },
      open: { csqId: 1, queueMs: 300, answeredAt: 1_700_000_000_600, talkEndedAt: null }, contactCsqId: 1,
    },
  })],
  calls: [{
    callId: 'c1', ctiCallId: 0x01000007, kind: 'CCX_IN', calling: '+14155550100', called: '1002', lastRedirected: '7001',
    dnis: '7001', csqId: 1, applicationId: 1, callVariables: { callVariable1: 'gold' }, held: [], originator: null,
    parties: ['+14155550100', '1002'], seen: ['+14155550100', '1002'],
  }],
  contacts: [{
    contactId: 'c1', triggerDn: '7001', at: '1002',
    routing: { state: 'CONNECTED', seq: 4, queuedAt: 1_700_000_000_000, entries: [{ csqId: 1, priority: 1, queuedAt: 1_700_000_000_000, returned: false }], reservation: { userId: 'agent2', csqId: 1 }, reservedAt: 1_700_000_000_500, ronaCount: 0 },
  }],
  counters: { nextCallId: 0x01000008, contactSeq: 4 },
  statistics: {
    dayStartsAt: 1_699_990_000_000,
    csqs: [{ csqId: 1, today: { presented: 3, handled: 1, abandoned: 1, dequeued: 0, handledWithinSL: 1, abandonedWithinSL: 0,
      queueMs: { total: 1200, max: 900 }, talkMs: { total: 60_000, max: 60_000 }, handleMs: { total: 75_000, max: 75_000 } } }],
  },
};
const NONCE = 'a'.repeat(32);
const PROOF = 'b'.repeat(64);

const masterMessages: MasterMessage[] = [
  { type: 'hello', version: 1, role: 'master', nonce: NONCE },
  { type: 'snapshot', version: 1, seq: 0, proof: PROOF, takenAt: 1, state: STATE },
  { type: 'delta', seq: 1, agents: [agent('agent1', { state: 'READY', reasonCode: 0 })], calls: [], callsGone: ['c1'], contacts: [], contactsGone: ['c1'], counters: STATE.counters, statistics: null },
];
for (const message of masterMessages) {
  test(`${message.type} round-trips`, () => {
    assert.deepEqual(decodeMasterMessage(encodeMessage(message)), { ok: true, message });
  });
}
test('subscribe round-trips', () => {
  const message: StandbyMessage = { type: 'subscribe', version: 1, nonce: NONCE, proof: PROOF };
  assert.deepEqual(decodeStandbyMessage(encodeMessage(message)), { ok: true, message });
});

const bad: { name: string; text: string; error: RegExp }[] = [
  { name: 'not JSON', text: '{', error: /not JSON/ },
  { name: 'no type', text: '{}', error: /type/ },
  { name: 'a state that does not exist', text: JSON.stringify({ ...masterMessages[2], agents: [agent('x', { state: 'DANCING' as 'READY' })] }), error: /agents\.0\.state/ },
  { name: 'a CallID out of range', text: JSON.stringify({ ...masterMessages[1], state: { ...STATE, calls: [{ ...STATE.calls[0], ctiCallId: 0xffffffff }] } }), error: /state\.calls\.0\.ctiCallId/ },
  { name: 'a negative seq', text: JSON.stringify({ ...masterMessages[2], seq: -1 }), error: /seq/ },
  { name: 'an unknown field', text: JSON.stringify({ ...masterMessages[0], extra: 1 }), error: /message|extra/ },
  { name: 'a short nonce', text: JSON.stringify({ ...masterMessages[0], nonce: 'abc' }), error: /nonce/ },
];
for (const b of bad) {
  test(`refused: ${b.name}`, () => {
    const decoded = decodeMasterMessage(b.text);
    assert.equal(decoded.ok, false);
    if (!decoded.ok) assert.match(decoded.error, b.error);
  });
}

test('a proof holds for one secret, one side and one pair of nonces', () => {
  const [m, s] = [newNonce(), newNonce()];
  const proof = proofOf('secret-secret-secret', 'subscribe', m, s);
  assert.ok(proofMatches('secret-secret-secret', 'subscribe', m, s, proof));
  assert.ok(!proofMatches('secret-secret-other', 'subscribe', m, s, proof));
  assert.ok(!proofMatches('secret-secret-secret', 'snapshot', m, s, proof), 'the other side\'s proof');
  assert.ok(!proofMatches('secret-secret-secret', 'subscribe', newNonce(), s, proof), 'another connection');
});

test('frames that are not UTF-8 have no text', () => {
  assert.equal(utf8Text(Buffer.from([0xc3, 0x28])), undefined);
  assert.equal(utf8Text([Buffer.from('{"a"'), Buffer.from(':1}')]), '{"a":1}');
});

test('the copy takes deltas in order only, and a refused one changes nothing', () => {
  const copy = new ReplicaCopy();
  assert.equal(copy.state(), undefined);
  assert.deepEqual(copy.applyDelta(1, { agents: [], calls: [], callsGone: [], contacts: [], contactsGone: [], counters: STATE.counters, statistics: null }),
    { ok: false, error: 'delta before any snapshot' });
  copy.applySnapshot(10, STATE);
  const ready = agent('agent1', { state: 'READY', reasonCode: 0 });
  const delta = { agents: [ready], calls: [], callsGone: ['c1'], contacts: [], contactsGone: ['c1'], counters: { nextCallId: 0x01000009, contactSeq: 5 }, statistics: null };
  assert.equal(copy.applyDelta(12, delta).ok, false, 'a gap');
  assert.deepEqual(copy.state(), STATE);
  assert.deepEqual(copy.applyDelta(11, delta), { ok: true });
  const after = copy.state();
  assert.deepEqual(after?.agents.map((a) => [a.userId, a.state]), [['agent1', 'READY'], ['agent2', 'TALKING']]);
  assert.deepEqual(after?.calls, []);
  assert.deepEqual(after?.contacts, []);
  assert.equal(after?.counters.nextCallId, 0x01000009);
  // a new link: rows stay until its snapshot, deltas wait for it
  copy.expectSnapshot();
  assert.equal(copy.applyDelta(12, delta).ok, false);
  assert.deepEqual(copy.state(), after);
});

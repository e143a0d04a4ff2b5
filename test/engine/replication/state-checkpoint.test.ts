// The engine's checkpoint of its live state: stored and read back on each store back-end, and set aside when it
// cannot be true any more (the call manager restarted, too old, unreadable).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHECKPOINT_MAX_AGE_MS, CheckpointStore, usableState, type SavedState,
} from '../../../src/engine/replication/state-checkpoint.ts';
import type { ReplicaState } from '../../../src/engine/replication/replica-state.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { storeBackends } from '../../support/stores.ts';

const NOW = 1_800_000_000_000;
const STATE: ReplicaState = {
  agents: [{
    userId: 'agent1', extension: '1001', state: 'TALKING', reasonCode: 0, stateSince: NOW - 5000, readySince: NOW - 9000,
    pendingState: 'NOT_READY', pendingReasonCode: 33, contactId: null, handledToday: 2, handleTimeTodayMs: 60_000,
    answeredAt: NOW - 5000, wrapUpDeadline: null, calls: ['c-1'], reservedFor: null, day: null,
  }],
  calls: [{
    callId: 'c-1', ctiCallId: 0x01000005, kind: 'CCX_IN', calling: '+14155550100', called: '7001', lastRedirected: '1001',
    dnis: '7001', csqId: 1, applicationId: 1, callVariables: { callVariable1: 'gold' }, held: [], originator: null,
    parties: ['+14155550100', '1001'], seen: ['1001'],
  }],
  contacts: [],
  counters: { nextCallId: 0x01000006, contactSeq: 5 },
  statistics: { dayStartsAt: NOW - 3_600_000, csqs: [] },
};
const saved = (overrides: Partial<SavedState> = {}): SavedState => ({
  callManagerRunId: 'run-1', writtenAt: NOW - 2000, state: JSON.stringify(STATE), ...overrides,
});

test('a checkpoint of the same call manager run, recent and well formed, is taken back whole', () => {
  assert.deepEqual(usableState(saved(), 'run-1', NOW, silentLogger), STATE);
});

test('a checkpoint is set aside after the call manager restarted, when too old, or when unreadable', () => {
  assert.equal(usableState(undefined, 'run-1', NOW, silentLogger), undefined);
  assert.equal(usableState(saved(), 'run-2', NOW, silentLogger), undefined);
  assert.equal(usableState(saved({ writtenAt: NOW - CHECKPOINT_MAX_AGE_MS - 1 }), 'run-1', NOW, silentLogger), undefined);
  assert.equal(usableState(saved({ state: '{"agents":' }), 'run-1', NOW, silentLogger), undefined);
  // well-formed JSON that is not a replica state (a forged agent state) is refused whole
  const forged = JSON.stringify({ ...STATE, agents: [{ ...STATE.agents[0], state: 'JUGGLING' }] });
  assert.equal(usableState(saved({ state: forged }), 'run-1', NOW, silentLogger), undefined);
});

for (const backend of storeBackends) {
  test(`${backend.name}: the checkpoint row is written, replaced and read back`, async () => {
    const store = await backend.open();
    try {
      await store.migrate('engine');
      const checkpoints = new CheckpointStore(store.db);
      assert.equal(await checkpoints.read(), undefined);
      await checkpoints.write(saved());
      assert.deepEqual(await checkpoints.read(), saved());
      await checkpoints.write(saved({ callManagerRunId: 'run-2', writtenAt: NOW }));
      assert.deepEqual(await checkpoints.read(), saved({ callManagerRunId: 'run-2', writtenAt: NOW }));
    } finally {
      await store.close();
    }
  });
}

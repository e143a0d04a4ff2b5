// A configuration change made on the master (its adminapi reloads only that engine) is what the standby routes with
// once it takes over: the new master reads the shared configuration again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { csqs } from '../../../src/engine/schema.ts';
import { startEnginePair, type EnginePair } from '../../support/engine-pair.ts';

let pair: EnginePair;
before(async () => { pair = await startEnginePair(); });
after(async () => { await pair?.close(); });

const wrapUpOf = (engine: EnginePair['a'], csqName: string) =>
  engine.engine.config().csqs.find((c) => c.name === csqName)?.wrapupTime;

test('a CSQ changed on the master is the new master\'s after a take-over', { timeout: 60_000 }, async () => {
  const { a, b } = pair;
  const [sales] = a.engine.config().csqs;
  assert.ok(sales, 'the demo has CSQs');
  const before = wrapUpOf(a, sales.name);
  const changed = (before ?? 0) + 7;
  // As the master's adminapi writes: the store, then its own engine's reload.
  await pair.node.node.store.db.update(csqs).set({ wrapupTime: changed }).where(eq(csqs.id, sales.id));
  await a.engine.reload();
  assert.equal(wrapUpOf(a, sales.name), changed);
  assert.equal(wrapUpOf(b, sales.name), before, 'the standby has not read it yet');

  await pair.killA();
  await b.failover.setRole('master');
  const deadline = Date.now() + 20_000;
  while (!(b.engine.active && wrapUpOf(b, sales.name) === changed)) {
    assert.ok(Date.now() < deadline, `B active ${b.engine.active}, its wrap-up ${wrapUpOf(b, sales.name)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
});

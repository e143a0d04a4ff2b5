// The team message board over a PGlite data directory: messages outlive a restart of the service, expire on
// their duration (a DELETE on each team's node, once), and one that expired while the service was down is removed
// and announced at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/shared/logger.ts';
import { openStore, type Store } from '../../../src/store/database.ts';
import { RecordingPublisher } from '../../../src/web/publisher/index.ts';
import { TeamMessageRepository } from '../../../src/web/store/team-messages.ts';
import { TeamMessageBoard } from '../../../src/web/teams/team-message-board.ts';

const author = { id: 'supervisor1', firstName: 'Sam', lastName: 'Super' };

/** A board over the store in `dataDir`, with a clock the test moves. */
async function openBoard(dataDir: string, clock: { now: number }) {
  const store: Store = await openStore({ dataDir });
  await store.migrate('web');
  const publisher = new RecordingPublisher();
  const board = new TeamMessageBoard({
    messages: new TeamMessageRepository(store.db), publisher, log: silentLogger, now: () => new Date(clock.now),
  });
  await board.start();
  return { store, publisher, board, async close() { board.close(); await store.close(); } };
}

test('messages survive a restart, expire on their duration, and are announced once', { timeout: 60_000 }, async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-team-messages-'));
  const clock = { now: Date.parse('2026-12-06T10:00:00.000Z') };
  try {
    const first = await openBoard(dataDir, clock);
    const long = await first.board.post({ content: 'All day', duration: 3_600, teams: [2, 1], createdBy: author }, 'r-1');
    clock.now += 1_000; // lists are in sending order, to the second
    const short = await first.board.post({ content: 'Soon over', duration: 60, teams: [1], createdBy: author }, 'r-2');
    assert.deepEqual(long.teams, [1, 2]);
    assert.deepEqual(first.publisher.updates.map((u) => u.node), [
      '/finesse/api/Team/1/TeamMessages', '/finesse/api/Team/2/TeamMessages', '/finesse/api/Team/1/TeamMessages',
    ]);
    await first.close();

    // the service comes back 30 s later: both messages are still there
    clock.now += 30_000;
    const second = await openBoard(dataDir, clock);
    assert.deepEqual((await second.board.listFor(1)).map((m) => m.content), ['All day', 'Soon over']);
    assert.deepEqual((await second.board.listFor(2)).map((m) => m.content), ['All day']);
    assert.equal((await second.board.get(long.id))?.createdBy.firstName, 'Sam');
    assert.equal(second.publisher.updates.length, 0, 'nothing ended yet');

    // past the short one's minute: gone from reads at once, and a sweep removes and announces it once
    clock.now += 31_000;
    assert.equal(await second.board.get(short.id), undefined);
    assert.deepEqual((await second.board.listFor(1)).map((m) => m.content), ['All day']);
    await second.board.sweep();
    await second.board.sweep();
    assert.deepEqual(second.publisher.updates.map((u) => [u.node, /<event>(\w+)<\/event>/.exec(u.xml)?.[1]]),
      [['/finesse/api/Team/1/TeamMessages', 'DELETE']]);
    assert.match(second.publisher.updates[0]?.xml ?? '', new RegExp(`<id>${short.id}</id>.*<requestId></requestId>`));
    await second.close();

    // down for two hours: the long one expired meanwhile and is announced when the service starts
    clock.now += 2 * 3_600_000;
    const third = await openBoard(dataDir, clock);
    assert.deepEqual(third.publisher.updates.map((u) => u.node), ['/finesse/api/Team/1/TeamMessages', '/finesse/api/Team/2/TeamMessages']);
    assert.deepEqual(await third.board.listFor(1), []);
    assert.equal(await third.board.remove(long.id, 'r-3'), undefined);
    await third.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the timer fires at the nearest expiry, and a deleted message is not announced again', { timeout: 60_000 }, async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-team-messages-'));
  try {
    const real = { get now() { return Date.now(); } };
    const board = await openBoard(dataDir, real);
    const later = await board.board.post({ content: 'Later', duration: 3_600, teams: [1], createdBy: author }, '');
    const deleted = await board.board.post({ content: 'Deleted', duration: 1, teams: [1], createdBy: author }, '');
    const expiring = await board.board.post({ content: 'Expiring', duration: 1, teams: [1], createdBy: author }, '');
    assert.equal((await board.board.remove(deleted.id, 'r-del'))?.id, deleted.id);
    const ended = await board.publisher.waitFor((u) => u.xml.includes(`<id>${expiring.id}</id>`) && u.xml.includes('<event>DELETE</event>'));
    assert.ok(ended);
    const deletes = board.publisher.updates.filter((u) => u.xml.includes('<event>DELETE</event>'));
    assert.deepEqual(deletes.map((u) => /<requestId>([^<]*)</.exec(u.xml)?.[1]), ['r-del', '']);
    assert.equal((await board.board.get(later.id))?.content, 'Later');
    await board.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

// Which engine Live Data follows, from the engines' announcements on the statistics stream.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineAnnouncement } from '../../src/livedata/broker/messages.ts';
import { EngineRole } from '../../src/livedata/model/engine-role.ts';

const DAY = Date.UTC(2026, 11, 6);
const say = (node: string, role: 'active' | 'standby', patch: Partial<EngineAnnouncement> = {}): EngineAnnouncement =>
  ({ kind: 'engine', at: 0, node, role, dayStartsAt: DAY, configVersion: 0, ...patch });

test('the first active engine is followed without a reset; the same figures again change nothing', () => {
  const role = new EngineRole();
  assert.equal(role.announce(say('a:42027', 'active')), undefined);
  assert.equal(role.activeNode, 'a:42027');
  assert.equal(role.announce(say('a:42027', 'active')), undefined);
  assert.equal(role.standby, false);
});

test('a new day, then a new configuration, each reset the reports once', () => {
  const role = new EngineRole();
  role.announce(say('a:42027', 'active'));
  assert.equal(role.announce(say('a:42027', 'active', { dayStartsAt: DAY + 86_400_000 })), 'midnight');
  assert.equal(role.announce(say('a:42027', 'active', { dayStartsAt: DAY + 86_400_000 })), undefined);
  assert.equal(role.announce(say('a:42027', 'active', { dayStartsAt: DAY + 86_400_000, configVersion: 1 })), 'config');
});

test('a standby engine of another node is ignored while the active one is known', () => {
  const role = new EngineRole();
  role.announce(say('a:42027', 'active'));
  assert.equal(role.announce(say('b:42027', 'standby')), undefined);
  assert.equal(role.standby, false);
  assert.equal(role.activeNode, 'a:42027');
});

test('the active engine going standby, then another taking over: standby, then a failover reset', () => {
  const role = new EngineRole();
  role.announce(say('a:42027', 'active'));
  role.announce(say('a:42027', 'standby'));
  assert.equal(role.standby, true);
  assert.equal(role.activeNode, undefined);
  assert.equal(role.announce(say('b:42027', 'active')), 'failover');
  assert.equal(role.activeNode, 'b:42027');
  assert.equal(role.standby, false);
});

test('another node active without a standby in between is a failover too; so is a node that only ever was standby', () => {
  const role = new EngineRole();
  role.announce(say('a:42027', 'active'));
  assert.equal(role.announce(say('b:42027', 'active')), 'failover');
  const alone = new EngineRole();
  alone.announce(say('b:42027', 'standby'));
  assert.equal(alone.standby, true);
  assert.equal(alone.announce(say('b:42027', 'active')), 'failover');
});

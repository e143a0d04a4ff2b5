import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TelephonyError } from '../../../src/callmanager/calls/errors.ts';
import { MemoryDialPlan } from '../../../src/callmanager/calls/memory-dial-plan.ts';

const refused = (kind: string) => (err: unknown) => err instanceof TelephonyError && err.kind === kind;

test('line defaults per device kind (calls / busy trigger)', () => {
  const plan = new MemoryDialPlan();
  plan.addDevice({ name: 'SEP1', kind: 'PHONE', lines: [{ pattern: '1001' }] });
  plan.addDevice({ name: 'RP1', kind: 'CTI_ROUTE_POINT', lines: [{ pattern: '7001' }] });
  plan.addDevice({ name: 'PORT1', kind: 'CTI_PORT', lines: [{ pattern: '8001' }] });
  const limits = (dn: string) => plan.resolve(dn).map((a) => [a.maxNumCalls, a.busyTrigger]);
  assert.deepEqual(limits('1001'), [[4, 2]]);
  assert.deepEqual(limits('7001'), [[5000, 4500]]);
  assert.deepEqual(limits('8001'), [[1, 1]]);
  assert.deepEqual(plan.resolve('+14085550100'), []);
  assert.equal(plan.device('SEP1')?.registered, false);
});

test('a pattern on several devices resolves to each, in the order added; changes build new arrays', () => {
  const plan = new MemoryDialPlan();
  plan.addDevice({ name: 'SEP1', kind: 'PHONE', registered: true, lines: [{ pattern: '1010' }] });
  plan.addDevice({ name: 'SEP2', kind: 'PHONE', lines: [{ pattern: '1010', maxNumCalls: 2, busyTrigger: 1 }] });
  const before = plan.resolve('1010');
  assert.deepEqual(before.map((a) => [a.deviceName, a.registered, a.busyTrigger]), [['SEP1', true, 2], ['SEP2', false, 1]]);
  assert.equal(plan.setRegistered('SEP2', true), true);
  assert.equal(plan.setRegistered('SEP9', true), false);
  assert.deepEqual(plan.resolve('1010').map((a) => a.registered).sort(), [true, true]);
  assert.equal(before[1]?.registered, false); // what a caller holds does not change under it
  assert.equal(plan.removeDevice('SEP1'), true);
  assert.deepEqual(plan.resolve('1010').map((a) => a.deviceName), ['SEP2']);
  assert.equal(plan.removeDevice('SEP1'), false);
});

test('lines can be added, updated and removed', () => {
  const plan = new MemoryDialPlan();
  plan.addDevice({ name: 'SEP1', kind: 'PHONE' });
  plan.addLine('SEP1', { pattern: '1001' });
  plan.addLine('SEP1', { pattern: '1002', maxNumCalls: 6, busyTrigger: 3 });
  plan.updateLine('SEP1', '1001', { busyTrigger: 4 });
  assert.deepEqual(plan.device('SEP1')?.lines, [
    { pattern: '1001', maxNumCalls: 4, busyTrigger: 4 }, { pattern: '1002', maxNumCalls: 6, busyTrigger: 3 },
  ]);
  assert.equal(plan.removeLine('SEP1', '1001'), true);
  assert.equal(plan.removeLine('SEP1', '1001'), false);
  assert.deepEqual(plan.resolve('1001'), []);
  plan.updateDevice('SEP1', { kind: 'CTI_PORT', registered: true });
  assert.deepEqual(plan.resolve('1002').map((a) => [a.kind, a.registered]), [['CTI_PORT', true]]);
});

test('bad devices and lines are refused with InvalidArgument', () => {
  const plan = new MemoryDialPlan();
  plan.addDevice({ name: 'SEP1', kind: 'PHONE', lines: [{ pattern: '1001' }] });
  assert.throws(() => plan.addDevice({ name: 'SEP1', kind: 'PHONE' }), refused('InvalidArgument'));
  assert.throws(() => plan.addDevice({ name: '', kind: 'PHONE' }), refused('InvalidArgument'));
  assert.throws(() => plan.addLine('SEP1', { pattern: '1001' }), refused('InvalidArgument'));
  assert.throws(() => plan.addLine('SEP1', { pattern: '' }), refused('InvalidArgument'));
  assert.throws(() => plan.addLine('SEP1', { pattern: '1002', maxNumCalls: 2, busyTrigger: 3 }), refused('InvalidArgument'));
  assert.throws(() => plan.addLine('SEP1', { pattern: '1002', maxNumCalls: 10_001 }), refused('InvalidArgument'));
  assert.throws(() => plan.addLine('SEP9', { pattern: '1002' }), refused('InvalidArgument'));
  assert.throws(() => plan.updateLine('SEP1', '1009', { busyTrigger: 1 }), refused('InvalidArgument'));
  assert.deepEqual(plan.device('SEP1')?.lines.map((l) => l.pattern), ['1001']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CALL_CONTROL_CONNECTION_STATE_VALUES, CALL_CONTROL_TERMINAL_CONNECTION_STATE_VALUES, CALL_STATE_VALUES,
  CONNECTION_STATE_VALUES, PROVIDER_STATE_VALUES, TERMINAL_CONNECTION_STATE_VALUES, connectionStateOf,
  terminalConnectionStateOf,
} from '../../../src/callmanager/calls/states.ts';
import { EVENT_CAUSE_VALUES } from '../../../src/callmanager/calls/events.ts';

test('numeric values are those of JTAPI 1.2 (spec §1.2, §1.3)', () => {
  assert.deepEqual(Object.values(PROVIDER_STATE_VALUES), [16, 17, 18]);
  assert.deepEqual(Object.values(CALL_STATE_VALUES), [32, 33, 34]);
  assert.deepEqual(Object.entries(CONNECTION_STATE_VALUES).map(([k, v]) => `${k}=${v}`).join(' '),
    'IDLE=48 INPROGRESS=49 ALERTING=50 CONNECTED=51 DISCONNECTED=52 FAILED=53 UNKNOWN=54');
  assert.deepEqual(Object.entries(TERMINAL_CONNECTION_STATE_VALUES).map(([k, v]) => `${k}=${v}`).join(' '),
    'IDLE=64 RINGING=65 PASSIVE=66 ACTIVE=67 DROPPED=68 UNKNOWN=69');
  assert.deepEqual(Object.entries(CALL_CONTROL_CONNECTION_STATE_VALUES).map(([k, v]) => `${k}=${v}`).join(' '),
    'IDLE=80 OFFERED=81 QUEUED=82 ALERTING=83 INITIATED=84 DIALING=85 NETWORK_REACHED=86 NETWORK_ALERTING=87 '
    + 'ESTABLISHED=88 DISCONNECTED=89 FAILED=90 UNKNOWN=91');
  assert.deepEqual(Object.entries(CALL_CONTROL_TERMINAL_CONNECTION_STATE_VALUES).map(([k, v]) => `${k}=${v}`).join(' '),
    'IDLE=96 RINGING=97 TALKING=98 HELD=99 BRIDGED=100 INUSE=101 DROPPED=102 UNKNOWN=103');
  assert.deepEqual(Object.entries(EVENT_CAUSE_VALUES).map(([k, v]) => `${k}=${v}`).join(' '),
    'NORMAL=100 UNKNOWN=101 CALL_CANCELLED=102 DEST_NOT_OBTAINABLE=103 INCOMPATIBLE_DESTINATION=104 LOCKOUT=105 '
    + 'NEW_CALL=106 RESOURCES_NOT_AVAILABLE=107 NETWORK_CONGESTION=108 NETWORK_NOT_OBTAINABLE=109 SNAPSHOT=110');
});

const connectionTable = [
  ['IDLE', 'IDLE'], ['OFFERED', 'INPROGRESS'], ['QUEUED', 'INPROGRESS'], ['ALERTING', 'ALERTING'],
  ['INITIATED', 'CONNECTED'], ['DIALING', 'CONNECTED'], ['NETWORK_REACHED', 'CONNECTED'],
  ['NETWORK_ALERTING', 'CONNECTED'], ['ESTABLISHED', 'CONNECTED'], ['DISCONNECTED', 'DISCONNECTED'],
  ['FAILED', 'FAILED'], ['UNKNOWN', 'UNKNOWN'],
] as const;

const terminalTable = [
  ['IDLE', 'IDLE'], ['RINGING', 'RINGING'], ['TALKING', 'ACTIVE'], ['HELD', 'ACTIVE'], ['BRIDGED', 'PASSIVE'],
  ['INUSE', 'PASSIVE'], ['DROPPED', 'DROPPED'], ['UNKNOWN', 'UNKNOWN'],
] as const;

for (const [cc, core] of connectionTable) {
  test(`CallControlConnection ${cc} is core ${core}`, () => assert.equal(connectionStateOf(cc), core));
}
for (const [cc, core] of terminalTable) {
  test(`CallControlTerminalConnection ${cc} is core ${core}`, () => assert.equal(terminalConnectionStateOf(cc), core));
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionMayMove, terminalConnectionMayMove } from '../../../src/callmanager/calls/transition-tables.ts';

const allowed = [
  ['IDLE', 'OFFERED'], ['IDLE', 'INITIATED'], ['IDLE', 'NETWORK_REACHED'], ['IDLE', 'ESTABLISHED'], ['IDLE', 'FAILED'],
  ['OFFERED', 'ALERTING'], ['OFFERED', 'DISCONNECTED'], ['ALERTING', 'ESTABLISHED'], ['INITIATED', 'DIALING'],
  ['DIALING', 'ESTABLISHED'], ['NETWORK_REACHED', 'ESTABLISHED'], ['ESTABLISHED', 'FAILED'], ['FAILED', 'DISCONNECTED'],
] as const;
const forbidden = [
  ['DISCONNECTED', 'ESTABLISHED'], ['DISCONNECTED', 'IDLE'], ['ESTABLISHED', 'ALERTING'], ['ESTABLISHED', 'OFFERED'],
  ['ALERTING', 'OFFERED'], ['FAILED', 'ESTABLISHED'], ['DIALING', 'INITIATED'], ['ALERTING', 'IDLE'],
] as const;

for (const [from, to] of allowed) test(`connection ${from} → ${to} allowed`, () => assert.ok(connectionMayMove(from, to)));
for (const [from, to] of forbidden) test(`connection ${from} → ${to} refused`, () => assert.ok(!connectionMayMove(from, to)));

const tcAllowed = [
  ['IDLE', 'RINGING'], ['RINGING', 'TALKING'], ['RINGING', 'BRIDGED'], ['TALKING', 'HELD'], ['HELD', 'TALKING'],
  ['BRIDGED', 'TALKING'], ['TALKING', 'DROPPED'], ['RINGING', 'DROPPED'],
] as const;
const tcForbidden = [
  ['DROPPED', 'TALKING'], ['TALKING', 'RINGING'], ['HELD', 'RINGING'], ['RINGING', 'HELD'], ['BRIDGED', 'RINGING'],
] as const;

for (const [from, to] of tcAllowed) test(`terminal connection ${from} → ${to} allowed`, () => assert.ok(terminalConnectionMayMove(from, to)));
for (const [from, to] of tcForbidden) test(`terminal connection ${from} → ${to} refused`, () => assert.ok(!terminalConnectionMayMove(from, to)));

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxlSessions, cookieValue } from '../../../src/callmanager/axl/sessions.ts';

test('a session lives while used and expires after the idle time', () => {
  let now = 0;
  const sessions = new AxlSessions(30 * 60_000, () => now);
  const token = sessions.create({ userid: 'admin', access: 'full' });
  assert.match(token, /^[0-9A-F]{48}$/);
  now += 29 * 60_000;
  assert.deepEqual(sessions.use(token), { userid: 'admin', access: 'full' });
  now += 29 * 60_000; // still alive: the last use refreshed it
  assert.deepEqual(sessions.use(token), { userid: 'admin', access: 'full' });
  now += 30 * 60_000 + 1;
  assert.equal(sessions.use(token), 'expired');
  assert.equal(sessions.use(token), undefined);
  assert.equal(sessions.use('FORGED'), undefined);
});

test('cookie parsing', () => {
  assert.equal(cookieValue('a=1; JSESSIONIDSSO=XYZ; b=2', 'JSESSIONIDSSO'), 'XYZ');
  assert.equal(cookieValue('XJSESSIONIDSSO=1', 'JSESSIONIDSSO'), undefined);
  assert.equal(cookieValue(undefined, 'JSESSIONIDSSO'), undefined);
});

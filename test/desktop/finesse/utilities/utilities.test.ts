// finesse.utilities.Utilities helpers that gadgets call directly (desktop-and-gadgets.md §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverClock, Utilities } from '../../../../desktop/finesse/utilities/utilities.ts';

test('b64 round-trips UTF-8 and credentials split at the first colon', () => {
  assert.equal(Utilities.b64Encode('agent1:pässword'), Buffer.from('agent1:pässword').toString('base64'));
  assert.equal(Utilities.b64Decode(Utilities.b64Encode('ünï:cödé')), 'ünï:cödé');
  assert.deepEqual(Utilities.getCredentials(Utilities.b64Encode('agent1:a:b')), { id: 'agent1', password: 'a:b' });
  assert.deepEqual(Utilities.getCredentials('%%%not-base64'), { id: '', password: '' });
});

test('getId, getArray, convertNullToEmptyString, convertTsToDuration', () => {
  assert.equal(Utilities.getId('/finesse/api/Dialog/16777301'), '16777301');
  assert.equal(Utilities.getId('/finesse/api/Team/5/'), '5');
  assert.equal(Utilities.getId(null), '');
  assert.deepEqual(Utilities.getArray({ a: 1 }), [{ a: 1 }]);
  assert.deepEqual(Utilities.getArray([1, 2]), [1, 2]);
  assert.deepEqual(Utilities.getArray(null), []);
  assert.equal(Utilities.convertNullToEmptyString(null), '');
  assert.equal(Utilities.convertNullToEmptyString('x'), 'x');
  assert.equal(Utilities.convertTsToDuration(59), '0:59');
  assert.equal(Utilities.convertTsToDuration(3661), '1:01:01');
  assert.equal(Utilities.convertTsToDuration(-5), '0:00');
});

test('generateUUID gives distinct version-4 ids', () => {
  const ids = new Set(Array.from({ length: 50 }, () => Utilities.generateUUID()));
  assert.equal(ids.size, 50);
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('currentServerTimeMillis: the set drift, else the measured one, else Config.clientDriftInMillis, else none', () => {
  const scope = globalThis as { finesse?: unknown };
  const near = (expectedOffsetMs: number) => {
    const offset = Utilities.currentServerTimeMillis() - Date.now();
    assert.ok(Math.abs(offset - expectedOffsetMs) < 100, `server − client ${offset}, expected ${expectedOffsetMs}`);
  };
  try {
    near(0);
    scope.finesse = { gadget: { Config: { clientDriftInMillis: '-30000' } } }; // the client is 30 s behind
    near(30_000);
    const now = Date.now();
    serverClock.observe({ serverMs: now - 5_000, sentAt: now - 20, receivedAt: now, resolutionMs: 0 });
    near(-5_000);
    Utilities.setClientDrift(-60_000);
    near(60_000);
    Utilities.setClientDrift(Number.NaN);
    near(-5_000);
    serverClock.forget();
    scope.finesse = { gadget: { Config: { clientDriftInMillis: 'not a number' } } };
    near(0);
  } finally {
    delete scope.finesse;
    serverClock.forget();
  }
});

test('error fields of an ApiErrors response; anything else has none', () => {
  const rsp = { status: 400, object: { ApiErrors: { ApiError: { ErrorType: 'Invalid Input', ErrorData: 'state', ErrorMessage: 'bad' } } } };
  assert.equal(Utilities.getErrCode(rsp), 'state');
  assert.equal(Utilities.getErrType(rsp), 'Invalid Input');
  assert.equal(Utilities.getErrMessage(rsp), 'bad');
  assert.equal(Utilities.getErrCode({ object: { ApiErrors: { ApiError: [{ ErrorData: 'first' }, { ErrorData: 'second' }] } } }), 'first');
  for (const junk of [undefined, null, 'text', { object: null }, { object: { User: {} } }]) assert.equal(Utilities.getErrCode(junk), undefined);
  assert.throws(() => Utilities.validateHandler('not a handler'));
  assert.doesNotThrow(() => Utilities.validateHandler({ success() {} }));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePlain } from '../../../src/notify/session/sasl-plain.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');

test('PLAIN messages as CAXL and Strophe send them (§2)', () => {
  assert.deepEqual(decodePlain(b64('\0amoss\0secret')), { ok: true, authzid: '', authcid: 'amoss', password: 'secret' });
  assert.deepEqual(decodePlain(b64('amoss@node-a.example.net\0amoss\0sé cret')),
    { ok: true, authzid: 'amoss@node-a.example.net', authcid: 'amoss', password: 'sé cret' });
});

const bad: Array<[string, string, string]> = [
  ['empty', '', 'incorrect-encoding'],
  ['"=" (empty response)', '=', 'incorrect-encoding'],
  ['not base64', 'am9z!', 'incorrect-encoding'],
  ['invalid UTF-8', Buffer.from([0, 0x61, 0, 0xff]).toString('base64'), 'incorrect-encoding'],
  ['two fields', b64('amoss\0secret'), 'malformed-request'],
  ['empty password', b64('\0amoss\0'), 'malformed-request'],
];
for (const [name, input, condition] of bad) {
  test(`PLAIN refuses ${name}: ${condition}`, () => assert.deepEqual(decodePlain(input), { ok: false, condition }));
}

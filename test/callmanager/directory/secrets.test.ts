import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret, verifySecret } from '../../../src/callmanager/directory/secrets.ts';

test('hashes are salted, record their cost and verify', async () => {
  const a = await hashSecret('s3cret', 10);
  const b = await hashSecret('s3cret', 10);
  assert.notEqual(a, b);
  assert.match(a, /^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.ok(!a.includes('s3cret'));
  assert.equal(await verifySecret('s3cret', a, 10), true);
  assert.equal(await verifySecret('S3cret', a, 10), false);
});

test('missing, foreign or over-costly hashes never match', async () => {
  for (const stored of [null, undefined, '', 'plain', 'scrypt$30$8$1$AA==$AA==', 'bcrypt$x', 'scrypt$10$8$1$AA==']) {
    assert.equal(await verifySecret('anything', stored, 10), false, String(stored));
  }
  await assert.rejects(hashSecret('x', 40), RangeError);
});

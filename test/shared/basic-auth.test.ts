import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CredentialCache, parseBasicAuthorization } from '../../src/shared/basic-auth.ts';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

test('Basic authorization headers', () => {
  assert.deepEqual(parseBasicAuthorization(basic('agent1:pa:ss')), { userid: 'agent1', password: 'pa:ss' });
  for (const bad of [undefined, '', 'Bearer x', 'Basic !!!', basic('nocolon'), basic(':pw')]) {
    assert.equal(parseBasicAuthorization(bad), undefined, String(bad));
  }
});

test('the credential cache expires entries and misses on a changed password', () => {
  let now = 0;
  const cache = new CredentialCache<string>(1000, () => now);
  cache.set({ userid: 'a', password: 'x' }, 'ok');
  assert.equal(cache.get({ userid: 'a', password: 'x' }), 'ok');
  assert.equal(cache.get({ userid: 'a', password: 'y' }), undefined);
  now = 1000;
  assert.equal(cache.get({ userid: 'a', password: 'x' }), undefined);
});

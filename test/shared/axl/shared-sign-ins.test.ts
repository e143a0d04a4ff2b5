// Sign-ins shared through the real Redis (TEST_REDIS_URL): what one node checked, another believes without asking
// its directory; nothing else is believed, and a Redis that is away only means asking the directory again.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { SharedSignIns, withSharedSignIns } from '../../../src/shared/axl/shared-sign-ins.ts';
import type { DirectoryUser, UserDirectory } from '../../../src/shared/axl/user-directory.ts';
import { silentLogger } from '../../../src/shared/logger.ts';

const redisUrl = process.env.TEST_REDIS_URL;

/** A directory of one user that counts the password checks it was asked for. */
class CountingDirectory implements UserDirectory {
  checks = 0;
  async authenticate(userid: string, password: string): Promise<boolean> {
    this.checks++;
    return userid.toLowerCase() === 'agent1' && password === 'right-password';
  }
  async getUser(userid: string): Promise<DirectoryUser | undefined> {
    return userid.toLowerCase() === 'agent1'
      ? { userid: 'agent1', firstName: 'Ada', lastName: 'Moss', extension: '1001', roles: ['Agent'] } : undefined;
  }
}

describe('sign-ins shared across nodes', { skip: redisUrl ? false : 'TEST_REDIS_URL is not set' }, () => {
  const keyPrefix = `poise:test:sign-in:${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(32).toString('base64url');
  const opened: SharedSignIns[] = [];
  const node = (clusterSecret = secret, url = redisUrl!) => {
    const shared = new SharedSignIns({ redisUrl: url, clusterSecret, ttlSeconds: 60, log: silentLogger, keyPrefix });
    opened.push(shared);
    const inner = new CountingDirectory();
    return { inner, directory: withSharedSignIns(inner, shared) };
  };
  const settle = () => new Promise((r) => setTimeout(r, 100));   // the remembering SET is not awaited
  after(async () => {
    for (const shared of opened) await shared.close();
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  test('a sign-in checked on node A is believed on node B without a check there, whatever the user id\'s case', async () => {
    const a = node();
    const b = node();
    await settle();   // connected
    assert.equal(await a.directory.authenticate('agent1', 'right-password'), true);
    assert.equal(a.inner.checks, 1);
    await settle();
    assert.equal(await b.directory.authenticate('AGENT1', 'right-password'), true);
    assert.equal(b.inner.checks, 0);
    assert.equal((await b.directory.getUser('agent1'))?.extension, '1001');
  });

  test('a wrong password is never remembered, and another cluster\'s secret finds nothing', async () => {
    const a = node();
    const b = node();
    await settle();
    assert.equal(await a.directory.authenticate('agent1', 'wrong-password'), false);
    await settle();
    assert.equal(await b.directory.authenticate('agent1', 'wrong-password'), false);
    assert.equal(b.inner.checks, 1);
    const stranger = node(randomBytes(32).toString('base64url'));
    await settle();
    assert.equal(await stranger.directory.authenticate('agent1', 'right-password'), true);
    assert.equal(stranger.inner.checks, 1, 'checked by its own directory');
  });

  test('only an HMAC is stored: neither the user id nor the password appears in Redis', async () => {
    const a = node();
    await settle();
    await a.directory.authenticate('agent1', 'right-password');
    await settle();
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${keyPrefix}*`);
    redis.disconnect();
    assert.ok(keys.length >= 1);
    for (const key of keys) assert.ok(!key.includes('agent1') && !key.includes('right-password'));
  });

  test('with Redis away every sign-in is checked by the directory, and still answered', async () => {
    const away = node(secret, 'redis://127.0.0.1:1');
    assert.equal(await away.directory.authenticate('agent1', 'right-password'), true);
    assert.equal(await away.directory.authenticate('agent1', 'right-password'), true);
    assert.equal(away.inner.checks, 2);
    assert.equal(await away.directory.authenticate('agent1', 'wrong-password'), false);
  });
});

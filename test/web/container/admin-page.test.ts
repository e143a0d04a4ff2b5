// /cfadmin/ serves the administration page, which loads the admin bundle; /cfadmin redirects there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { adminPagePlugin } from '../../../src/web/container/admin-page.ts';
import type { ContainerContext } from '../../../src/web/container/context.ts';
import { silentLogger } from '../../../src/shared/logger.ts';

describe('/cfadmin/', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    await app.register(adminPagePlugin, { log: silentLogger } as unknown as ContainerContext);
  });
  after(() => app.close());

  test('serves the page with the admin bundle', async () => {
    const res = await app.inject({ method: 'GET', url: '/cfadmin/' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<script src="\/desktop\/assets\/poise\/admin\.js"><\/script>/);
    assert.match(res.body, /<link rel="stylesheet" href="\/desktop\/assets\/poise\/admin\.css">/);
    assert.match(res.body, /id="poise-admin"/);
  });

  test('/cfadmin redirects to /cfadmin/', async () => {
    const res = await app.inject({ method: 'GET', url: '/cfadmin' });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/cfadmin/');
  });

  test('other methods are refused and the page is still served', async () => {
    assert.equal((await app.inject({ method: 'POST', url: '/cfadmin/', payload: 'x' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/cfadmin/' })).statusCode, 200);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { containerPageHtml, desktopPagePlugin, localeOf } from '../../../src/web/container/desktop-page.ts';
import type { ContainerContext } from '../../../src/web/container/context.ts';

describe('the container page routes', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify();
    await app.register(desktopPagePlugin, {} as ContainerContext); // the page needs nothing of the node
  });
  after(async () => { await app.close(); });

  for (const url of ['/desktop', '/desktop/', '/desktop/container']) {
    test(`${url} redirects to /desktop/container/`, async () => {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, '/desktop/container/');
    });
  }

  test('/desktop/container/ is the HTML shell with jQuery, the bundle and its CSS', async () => {
    const res = await app.inject({ url: '/desktop/container/?locale=en_US' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<script src="\/desktop\/assets\/js\/jquery\.min\.js">/);
    assert.match(res.body, /<script src="\/desktop\/assets\/poise\/container\.js">/);
    assert.match(res.body, /<link rel="stylesheet" href="\/desktop\/assets\/poise\/container\.css">/);
    assert.match(res.body, /data-finesse-script="\/desktop\/assets\/js\/finesse\.js"/);
    assert.match(res.body, /data-locale="en_US"/);
    assert.equal(res.headers['content-security-policy'], "frame-ancestors 'self'");
  });

  test('a locale that is not one falls back to en_US and is never echoed', async () => {
    const res = await app.inject({ url: '/desktop/container/?locale=%22%3E%3Cscript%3E' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-locale="en_US"/);
    assert.doesNotMatch(res.body, /<script>/);
  });
});

test('localeOf accepts Java locales only', () => {
  assert.equal(localeOf({ locale: 'fr_CA' }), 'fr_CA');
  assert.equal(localeOf({ locale: 'de' }), 'de');
  assert.equal(localeOf({ locale: ['en_US', 'x'] }), 'en_US');
  assert.equal(localeOf({ locale: 'en-US' }), 'en_US');
  assert.equal(localeOf(undefined), 'en_US');
  assert.match(containerPageHtml('fr_CA'), /<html lang="fr">/);
});

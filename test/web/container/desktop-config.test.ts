import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { desktopConfigOf, desktopConfigPlugin } from '../../../src/web/container/desktop-config.ts';
import type { ContainerContext, DesktopSite } from '../../../src/web/container/context.ts';
import type { SystemInfoState } from '../../../src/web/rest/system-info.ts';
import { silentLogger } from '../../../src/shared/logger.ts';
import { isNotifyService } from '../../../src/notify/index.ts';
import { startWebNode, type WebFixture } from '../../support/web.ts';

const SITE: DesktopSite = {
  publicHost: 'node-a.example.com', xmppDomain: 'node-a.example.com', webHttpPort: 8082, webHttpsPort: 8445,
  boshPort: 7071, boshHttpsPort: 7443, xmppTransport: 'bosh', livedataPort: 12015,
};
const PEER = { host: 'node-b.example.com', httpsPort: 8445, xmppPort: 7071, xmppSecurePort: 7443 };
const info = (status: SystemInfoState['status'], peer = true): SystemInfoState => ({
  status, statusReason: '', primaryNode: { host: SITE.publicHost, httpsPort: 8445, xmppPort: 7071, xmppSecurePort: 7443 },
  secondaryNode: peer ? PEER : undefined, xmppDomain: SITE.xmppDomain, timezoneOffset: 0, now: new Date(0),
});

describe('desktopConfigOf', () => {
  test('a node in service: the Finesse fields, the peer as alternate host, no redirect', () => {
    const config = desktopConfigOf(SITE, info('IN_SERVICE'), { scheme: 'https', hostname: 'node-a.example.com' });
    assert.deepEqual(config, {
      deploymentType: 'UCCX', securityBannerMessage: '', systemStatus: 'IN_SERVICE', host: 'node-a.example.com:8445',
      isAlternateSystemAvailable: true, desktopLicensed: 'PREMIUM', systemAuthMode: 'NON_SSO',
      enableMobileAgentLogin: false, isProxyRequest: false, redirectToAlternateHost: false,
      alternateHost: 'node-b.example.com:8445', xmppDomain: 'node-a.example.com',
      pubsubDomain: 'pubsub.node-a.example.com', tunnelUrl: 'https://node-a.example.com:7443/tunnel/',
      xmppTransport: 'bosh', webHttpPort: 8082, webHttpsPort: 8445,
    });
  });

  test('out of service with a peer: redirect to it (§7)', () => {
    const config = desktopConfigOf(SITE, info('OUT_OF_SERVICE'), { scheme: 'http', hostname: 'node-a.example.com' });
    assert.equal(config.systemStatus, 'OUT_OF_SERVICE');
    assert.equal(config.redirectToAlternateHost, true);
    assert.equal(config.tunnelUrl, 'http://node-a.example.com:7071/tunnel/');
  });

  test('the administrator\'s XMPP transport reaches the page', () => {
    const config = desktopConfigOf({ ...SITE, xmppTransport: 'websocket' }, info('IN_SERVICE'), { scheme: 'http', hostname: 'node-a.example.com' });
    assert.equal(config.xmppTransport, 'websocket');
  });

  test('out of service on a single node: nowhere to go', () => {
    const config = desktopConfigOf(SITE, info('OUT_OF_SERVICE', false), { scheme: 'http', hostname: '::1' });
    assert.equal(config.redirectToAlternateHost, false);
    assert.equal(config.isAlternateSystemAvailable, false);
    assert.equal(config.alternateHost, '');
    assert.equal(config.tunnelUrl, 'http://[::1]:7071/tunnel/');
  });
});

describe('GET /desktop/api/DesktopConfig', () => {
  test('reports the status of the moment, as JSON, not cached', async () => {
    let status: SystemInfoState['status'] = 'IN_SERVICE';
    const context = {
      site: () => SITE, systemInfo: () => info(status), log: silentLogger,
    } as unknown as ContainerContext; // the plugin reads only site and systemInfo
    const app = Fastify();
    await app.register(desktopConfigPlugin, context);
    const first = await app.inject({ url: '/desktop/api/DesktopConfig', headers: { host: 'desk.example.com:8082' } });
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['content-type']), /^application\/json/);
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(first.json().systemStatus, 'IN_SERVICE');
    assert.equal(first.json().tunnelUrl, 'http://desk.example.com:7071/tunnel/');
    status = 'OUT_OF_SERVICE';
    const second = await app.inject({ url: '/desktop/api/DesktopConfig' });
    assert.equal(second.json().systemStatus, 'OUT_OF_SERVICE');
    assert.equal(second.json().redirectToAlternateHost, true);
    await app.close();
  });
});

describe('DesktopConfig on a running node', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode(); });
  after(async () => { await fx?.close(); });

  test('carries the bound ports of this node', async () => {
    const origin = new URL(fx.baseUrl).origin;
    const res = await fetch(`${origin}/desktop/api/DesktopConfig`);
    assert.equal(res.status, 200);
    const config = await res.json() as Record<string, unknown>;
    const site = fx.web.apps.http.server.address();
    assert.ok(site && typeof site === 'object');
    assert.equal(config.webHttpPort, site.port);
    assert.equal(config.systemStatus, 'IN_SERVICE');
    assert.equal(config.alternateHost, '');
    const notify = fx.node.services.find(isNotifyService);
    assert.ok(notify);
    assert.equal(config.tunnelUrl, `http://127.0.0.1:${notify.ports.bosh}/tunnel/`);
  });
});

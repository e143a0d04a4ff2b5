import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/shared/config.ts';

test('defaults give the ports of the architecture table and PGlite in ./data', () => {
  const config = loadConfig({}, []);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, './data');
  assert.equal(config.databaseUrl, undefined);
  assert.deepEqual(
    [config.ports.web, config.ports.webHttps, config.ports.xmpp, config.ports.xmppTls, config.ports.bosh,
      config.ports.boshHttps, config.ports.cti, config.ports.callmanager, config.ports.livedata],
    [8082, 8445, 5222, 5223, 7071, 7443, 12018, 8443, 12015],
  );
  assert.deepEqual(config.services, ['callmanager', 'notify', 'engine', 'livedata', 'web']);
  assert.deepEqual(config.web, {
    axlUrl: undefined, axlUser: 'poise_axl', axlPassword: undefined, authCacheSeconds: 30, maxBodyBytes: 2 * 1024 * 1024,
    corsOrigins: [], desktopXmppTransport: 'bosh',
    cti: { host: undefined, port: 12018, retryMs: 1000, heartbeatMs: 15_000, engines: undefined },
    livedata: { host: undefined, port: 12015 },
    notify: { host: undefined, port: 5222, retryMs: 1000, boshPort: 7071 },
  });
  assert.equal(config.engine.role, 'master');
  assert.equal(config.peer, undefined);
  assert.equal(config.notify.xmppDomain, '127.0.0.1');
});

test('a pair of nodes: both engines for web, the engine\'s role, the peer for SystemInfo', () => {
  const config = loadConfig({
    POISE_WEB_CTI_ENGINES: 'local,node-b.example.net:12018', POISE_ENGINE_ROLE: 'standby', POISE_PEER_HOST: 'node-b.example.net',
  });
  assert.deepEqual(config.web.cti.engines, ['local', { host: 'node-b.example.net', port: 12018 }]);
  assert.equal(config.engine.role, 'standby');
  assert.deepEqual(config.peer, { host: 'node-b.example.net', httpsPort: 8445, xmppPort: 7071, xmppSecurePort: 7443, replicationPort: 12019 });
  assert.throws(() => loadConfig({ POISE_WEB_CTI_ENGINES: 'node-b' }), ConfigError);
  assert.throws(() => loadConfig({ POISE_ENGINE_ROLE: 'primary' }), ConfigError);
});

test('the XMPP domain follows the public host unless set', () => {
  assert.equal(loadConfig({ POISE_PUBLIC_HOST: 'Node-A.example.net' }).notify.xmppDomain, 'node-a.example.net');
  assert.equal(loadConfig({ POISE_PUBLIC_HOST: 'h', POISE_XMPP_DOMAIN: 'xmpp.example.net' }).notify.xmppDomain, 'xmpp.example.net');
});

test('flags override the environment', () => {
  const config = loadConfig(
    { POISE_CALLMANAGER_PORT: '9000', POISE_LOG_LEVEL: 'warn' },
    ['--callmanager-port=9100', '--database-url=postgres://u@127.0.0.1/db', '--only=callmanager'],
  );
  assert.equal(config.ports.callmanager, 9100);
  assert.equal(config.logLevel, 'warn');
  assert.equal(config.databaseUrl, 'postgres://u@127.0.0.1/db');
});

test('every bad value is listed, not only the first', () => {
  assert.throws(
    () => loadConfig({ POISE_WEB_PORT: 'eighty', POISE_LOG_LEVEL: 'loud' }, ['--only=callmanager,teleporter', '--frobnicate=1']),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      const text = err.problems.join('\n');
      for (const needle of ['POISE_WEB_PORT', 'POISE_LOG_LEVEL', 'teleporter', 'POISE_FROBNICATE']) {
        assert.match(text, new RegExp(needle));
      }
      return true;
    },
  );
});

test('an argument that is not a flag is refused', () => {
  assert.throws(() => loadConfig({}, ['start']), ConfigError);
});

test('an elected engine needs the shared PostgreSQL database', () => {
  assert.throws(() => loadConfig({ POISE_ENGINE_ROLE: 'elected' }), (err: unknown) =>
    err instanceof ConfigError && err.problems.some((p) => /POISE_ENGINE_ROLE=elected needs DATABASE_URL/.test(p)));
  assert.throws(() => loadConfig({ POISE_ENGINE_ROLE: 'elected', DATABASE_URL: 'memory://' }), ConfigError);
  assert.equal(loadConfig({ POISE_ENGINE_ROLE: 'elected', DATABASE_URL: 'postgres://db.example.net/poise' }).engine.role, 'elected');
});

test('--only starts the services it names in start order, whatever order they are named in', () => {
  assert.deepEqual(loadConfig({}, ['--only=web,notify']).services, ['notify', 'web']);
});

test('a failover ticket is good for five minutes unless configured', () => {
  assert.deepEqual(loadConfig({}).failover, { ticketSeconds: 300 });
  assert.deepEqual(loadConfig({}, ['--failover-ticket-seconds=60']).failover, { ticketSeconds: 60 });
  assert.throws(() => loadConfig({}, ['--failover-ticket-seconds=5']), ConfigError);
});

test('the desktop reaches XMPP over BOSH unless WebSocket is configured; nothing else is accepted', () => {
  assert.equal(loadConfig({ POISE_DESKTOP_XMPP_TRANSPORT: 'websocket' }).web.desktopXmppTransport, 'websocket');
  assert.equal(loadConfig({}, ['--desktop-xmpp-transport=bosh']).web.desktopXmppTransport, 'bosh');
  assert.throws(() => loadConfig({ POISE_DESKTOP_XMPP_TRANSPORT: 'tcp' }), /POISE_DESKTOP_XMPP_TRANSPORT/);
});

test('a web node finds a notification service elsewhere by host, on the XMPP port unless given its own', () => {
  const onXmppPort = loadConfig({ POISE_WEB_NOTIFY_HOST: 'notify.example.net', POISE_XMPP_PORT: '15222' });
  assert.deepEqual(onXmppPort.web.notify, { host: 'notify.example.net', port: 15222, retryMs: 1000, boshPort: 7071 });
  const ownPort = loadConfig({ POISE_WEB_NOTIFY_HOST: 'notify.example.net', POISE_WEB_NOTIFY_PORT: '5333', POISE_WEB_NOTIFY_RETRY_MS: '50' });
  assert.deepEqual(ownPort.web.notify, { host: 'notify.example.net', port: 5333, retryMs: 50, boshPort: 7071 });
  assert.equal(loadConfig({ POISE_BOSH_PORT: '17071' }).web.notify.boshPort, 17071);
  assert.equal(loadConfig({ POISE_BOSH_PORT: '17071', POISE_WEB_NOTIFY_BOSH_PORT: '80' }).web.notify.boshPort, 80);
  assert.throws(() => loadConfig({ POISE_WEB_NOTIFY_BOSH_PORT: '0x' }), /POISE_WEB_NOTIFY_BOSH_PORT/);
  assert.throws(() => loadConfig({ POISE_WEB_NOTIFY_PORT: '70000' }), /POISE_WEB_NOTIFY_PORT/);
});

test('web forwards Live Data to this host on POISE_LIVEDATA_PORT unless POISE_WEB_LIVEDATA_HOST/PORT say otherwise', () => {
  assert.deepEqual(loadConfig({}).web.livedata, { host: undefined, port: 12015 });
  assert.deepEqual(loadConfig({ POISE_LIVEDATA_PORT: '13015' }).web.livedata, { host: undefined, port: 13015 });
  assert.deepEqual(loadConfig({ POISE_WEB_LIVEDATA_HOST: 'stats.example.net' }).web.livedata, { host: 'stats.example.net', port: 12015 });
  assert.deepEqual(loadConfig({ POISE_WEB_LIVEDATA_HOST: 'stats.example.net', POISE_WEB_LIVEDATA_PORT: '443', POISE_LIVEDATA_PORT: '13015' }).web.livedata,
    { host: 'stats.example.net', port: 443 });
  assert.throws(() => loadConfig({ POISE_WEB_LIVEDATA_PORT: '70000' }), /POISE_WEB_LIVEDATA_PORT/);
});

test('CORS is off unless origins are listed; each must be scheme://host[:port]', () => {
  assert.deepEqual(loadConfig({ POISE_WEB_CORS_ORIGINS: 'http://localhost:3000, https://Gadgets.example.net' }).web.corsOrigins,
    ['http://localhost:3000', 'https://gadgets.example.net']);
  assert.deepEqual(loadConfig({}, ['--web-cors-origins=http://127.0.0.1:5173']).web.corsOrigins, ['http://127.0.0.1:5173']);
  assert.throws(() => loadConfig({ POISE_WEB_CORS_ORIGINS: '*' }), /POISE_WEB_CORS_ORIGINS/);
  assert.throws(() => loadConfig({ POISE_WEB_CORS_ORIGINS: 'http://localhost:3000/app' }), /POISE_WEB_CORS_ORIGINS/);
});

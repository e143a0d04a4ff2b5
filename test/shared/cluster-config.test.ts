import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/shared/config.ts';

const PG = 'postgres://postgres@127.0.0.1:5432/poise';

test('--node, --peer and --callmanager-host make a node of a pair', () => {
  const config = loadConfig({ DATABASE_URL: PG }, ['--node=A', '--peer=http://127.0.0.2:8082', '--callmanager-host=127.0.0.1']);
  assert.equal(config.nodeName, 'A');
  assert.deepEqual(config.services, ['notify', 'engine', 'livedata', 'web']);
  assert.equal(config.engine.role, 'elected');
  assert.deepEqual(config.web.cti.engines, ['local', { host: '127.0.0.2', port: 12018 }]);
  assert.deepEqual(config.peer, { host: '127.0.0.2', httpsPort: 8445, xmppPort: 7071, xmppSecurePort: 7443, replicationPort: 12019 });
  assert.equal(config.web.axlUrl, 'http://127.0.0.1:8080/axl/');
  assert.equal(config.notify.axlUrl, 'http://127.0.0.1:8080/axl/');
  assert.equal(config.livedata.axlUrl, 'http://127.0.0.1:8080/axl/');
});

test('the peer\'s ports follow this node\'s, and any key given by hand wins', () => {
  const config = loadConfig({ DATABASE_URL: PG, POISE_ENGINE_ROLE: 'standby', POISE_PEER_XMPP_PORT: '9071' }, [
    '--node=B', '--peer=https://poise-a.lab.example:9445', '--cti-port=13018', '--bosh-port=8071', '--only=web,notify',
  ]);
  assert.equal(config.engine.role, 'standby');
  assert.deepEqual(config.services, ['notify', 'web']);
  assert.deepEqual(config.peer, { host: 'poise-a.lab.example', httpsPort: 9445, xmppPort: 9071, xmppSecurePort: 7443, replicationPort: 12019 });
  assert.deepEqual(config.web.cti.engines, ['local', { host: 'poise-a.lab.example', port: 13018 }]);
});

test('a pair needs the shared database, a peer given as a web address, and a peer for a named node', () => {
  assert.throws(() => loadConfig({}, ['--node=A', '--peer=http://127.0.0.2:8082']),
    (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.includes('DATABASE_URL')));
  assert.throws(() => loadConfig({ DATABASE_URL: PG }, ['--node=A', '--peer=127.0.0.2']),
    (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('POISE_PEER')));
  assert.throws(() => loadConfig({ DATABASE_URL: PG }, ['--node=A']),
    (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.includes('peer')));
  assert.throws(() => loadConfig({ DATABASE_URL: PG }, ['--node=A B', '--peer=http://127.0.0.2:8082']),
    (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('POISE_NODE')));
});

test('a single node is unchanged', () => {
  const config = loadConfig({}, []);
  assert.equal(config.nodeName, undefined);
  assert.equal(config.peer, undefined);
  assert.equal(config.engine.role, 'master');
});

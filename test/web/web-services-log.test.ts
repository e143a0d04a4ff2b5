// The web-services log: one structured line per request (method, path, user, status, duration, requestId) and per
// notification published, never a password.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { createRootLogger } from '../../src/shared/logger.ts';
import { buildWebApp } from '../../src/web/http/app.ts';
import { authenticationHook } from '../../src/web/auth/hook.ts';
import { Authenticator } from '../../src/web/auth/authenticator.ts';
import { LoggingPublisher, RecordingPublisher, renderUpdate } from '../../src/web/publisher/index.ts';
import { leaf, record } from '../../src/web/representation/node.ts';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const log = createRootLogger('info', sink);
let app: FastifyInstance;
let base: string;

before(async () => {
  const authenticator = new Authenticator({
    cacheTtlMs: 0,
    directory: {
      authenticate: async (userid, password) => userid === 'agent1' && password === 'secret-pass',
      getUser: async (userid) => ({ userid: 'agent1', firstName: 'Ada', lastName: 'Moss', extension: '1001', roles: userid ? ['Agent'] : [] }),
    },
  });
  const echo: FastifyPluginAsync<object> = async (api) => {
    api.addHook('onRequest', authenticationHook(authenticator));
    api.put('/Echo', async (_request, reply) => reply.code(202).send());
  };
  app = await buildWebApp({ log, maxBodyBytes: 1024, resources: [echo], context: {} });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/finesse/api`;
});
after(async () => { await app.close(); });

const requestLines = () => lines.filter((l) => l.msg === 'web request');

test('one line per request: method, path without query, user, status, duration, requestId', async () => {
  const auth = `Basic ${Buffer.from('agent1:secret-pass').toString('base64')}`;
  const res = await fetch(`${base}/Echo?nocache=1`, { method: 'PUT', headers: { authorization: auth, requestId: 'r-42' } });
  assert.equal(res.status, 202);
  const bad = await fetch(`${base}/Echo`, { method: 'PUT', headers: { authorization: `Basic ${Buffer.from('agent1:wrong').toString('base64')}` } });
  assert.equal(bad.status, 401);
  await new Promise((resolve) => setImmediate(resolve));
  const [ok, refused] = requestLines();
  assert.deepEqual({ ...ok, time: undefined, pid: undefined, durationMs: undefined, reqId: undefined }, {
    level: 30, time: undefined, pid: undefined, component: 'web-services', method: 'PUT', path: '/finesse/api/Echo',
    user: 'agent1', status: 202, durationMs: undefined, requestId: 'r-42', reqId: undefined, msg: 'web request',
  });
  assert.equal(typeof ok?.durationMs, 'number');
  assert.equal(refused?.status, 401);
  assert.equal(refused?.user, '', 'a refused sign-in names no user');
  assert.ok(!JSON.stringify(lines).includes('secret-pass') && !JSON.stringify(lines).includes('wrong'), 'no password logged');
});

test('one line per notification published, and the update still reaches its target', () => {
  const recording = new RecordingPublisher();
  const publisher = new LoggingPublisher(recording, log.child({ component: 'web-services' }));
  const update = renderUpdate(record('user', [leaf('state', 'READY')]), 'PUT', 'r-7', '/finesse/api/User/agent1');
  publisher.publish('/finesse/api/User/agent1', update);
  assert.deepEqual(recording.updates, [{ node: '/finesse/api/User/agent1', xml: update }]);
  const line = lines.find((l) => l.msg === 'notification published');
  assert.deepEqual([line?.node, line?.event, line?.requestId, line?.bytes], ['/finesse/api/User/agent1', 'PUT', 'r-7', update.length]);
});

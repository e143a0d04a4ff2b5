// A node that runs the notification service alone opens no store: it keeps no tables, and PGlite alone would
// hold hundreds of MB (docs/performance.md). It still serves streams, and asks its AXL address for sign-ins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { startNode } from '../../src/node.ts';
import type { NotifyService } from '../../src/notify/index.ts';
import { rawExchange } from '../support/xmpp.ts';

test('--only=notify opens no store, serves XMPP, and refuses a sign-in it cannot check', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-notify-only-'));
  const ports = Object.fromEntries(['XMPP', 'XMPP_TLS', 'BOSH', 'BOSH_HTTPS'].map((n) => [`POISE_${n}_PORT`, '0']));
  const config = loadConfig({ ...ports, POISE_ONLY: 'notify', POISE_DATA_DIR: dataDir, POISE_HOST: '127.0.0.1',
    POISE_DEMO_PASSWORD: 'test-pass-1234', POISE_AXL_URL: 'http://127.0.0.1:9/axl/' });
  const node = await startNode(config, silentLogger);
  try {
    assert.deepEqual(node.services.map((s) => s.name), ['notify']);
    assert.deepEqual((await readdir(dataDir)).sort(), ['tls']); // the certificate, no pglite folder
    assert.throws(() => node.store.db, /no store is open/);
    const notify = node.services[0] as NotifyService;
    const auth = Buffer.from('\0agent1\0whatever').toString('base64');
    const answer = await rawExchange(notify.ports.xmpp, [
      "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='127.0.0.1' version='1.0'>",
      `<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${auth}</auth></stream:stream>`,
    ]);
    // No directory answers at that address: the sign-in fails as temporary-auth-failure, and the stream still closes.
    assert.match(answer, /<mechanism>PLAIN<\/mechanism>/);
    assert.match(answer, /<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><temporary-auth-failure\/><\/failure>/);
  } finally {
    await node.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

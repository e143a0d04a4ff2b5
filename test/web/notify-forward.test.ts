// Web and the notification service on separate nodes (two nodes in this process, as two hosts would be): the web
// node forwards /http-bind, /ws and /tunnel on its own ports to notify's BOSH port, and SystemInfo and the desktop
// configuration name web's ports, where those paths are served.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { startNode, type RunningNode } from '../../src/node.ts';
import { loadConfig } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { notifyTargetPath } from '../../src/web/notify-forward.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';

const SESSION_REQUEST = "<body content='text/xml; charset=utf-8' hold='1' rid='1573741820' to='127.0.0.1' ver='1.6' wait='5'"
  + " xml:lang='en' xmlns='http://jabber.org/protocol/httpbind' xmlns:xmpp='urn:xmpp:xbosh' xmpp:version='1.0'/>";

describe('a web node without notify forwards BOSH, WebSocket and the tunnel to the notify node', () => {
  let notifyNode: TestNode;
  let notify: NotifyService;
  let webNode: RunningNode;
  let webPort: number;
  let webHttpsPort: number;
  let dataDir: string;

  before(async () => {
    notifyNode = await startTestNode({ POISE_ONLY: 'callmanager,notify' });
    const service = notifyNode.node.services.find((s) => s.name === 'notify');
    assert.ok(isNotifyService(service));
    notify = service;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-web-'));
    const axl = `${notifyNode.cmUrl}/axl/`;
    webNode = await startNode(loadConfig({
      POISE_ONLY: 'web', POISE_HOST: '127.0.0.1', POISE_DATA_DIR: dataDir, DATABASE_URL: 'memory://', POISE_DEMO_PASSWORD: TEST_PASSWORD,
      POISE_WEB_PORT: '0', POISE_WEB_HTTPS_PORT: '0', POISE_CTI_PORT: '0', POISE_WEB_AXL_URL: axl, POISE_AXL_URL: axl,
      POISE_WEB_NOTIFY_HOST: '127.0.0.1', POISE_WEB_NOTIFY_PORT: String(notify.ports.xmpp),
      POISE_WEB_NOTIFY_BOSH_PORT: String(notify.ports.bosh), POISE_BOSH_PORT: '1', POISE_WEB_NOTIFY_RETRY_MS: '50',
    }), silentLogger);
    const web = webNode.services.find((s) => s.name === 'web') as unknown as { apps: { http: { server: Server }; https: { server: Server } } };
    webPort = (web.apps.http.server.address() as AddressInfo).port;
    webHttpsPort = (web.apps.https.server.address() as AddressInfo).port;
  });
  after(async () => {
    await webNode?.close();
    await notifyNode?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a BOSH session opened at the web node is created by the notify node', async () => {
    const answer = await fetch(`http://127.0.0.1:${webPort}/http-bind/`, {
      method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8' }, body: SESSION_REQUEST,
    });
    assert.equal(answer.status, 200);
    const body = await answer.text();
    assert.match(body, /^<body [^>]*xmlns=['"]http:\/\/jabber\.org\/protocol\/httpbind['"]/);
    assert.match(body, /sid=['"][^'"]+['"]/);
    assert.match(body, /from=['"]127\.0\.0\.1['"]/);
  });

  test('an XMPP WebSocket opened at the web node gets the notify node\'s stream header', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${webPort}/ws/`, 'xmpp');
    after(() => { socket.terminate(); });
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('open', () => socket.send("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='127.0.0.1' version='1.0'/>"));
      socket.once('message', (data: Buffer) => resolve(data.toString('utf8')));
      socket.once('error', reject);
    });
    assert.equal(socket.protocol, 'xmpp');
    assert.match(first, /^<open [^>]*from=['"]127\.0\.0\.1['"]/);
  });

  test('the tunnel page is served through the web node', async () => {
    const answer = await fetch(`http://127.0.0.1:${webPort}/tunnel/`);
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /\/tunnel\/EventTunnel\.js/);
  });

  test('SystemInfo and the desktop configuration name web\'s ports for XMPP over HTTP', async () => {
    const info = await (await fetch(`http://127.0.0.1:${webPort}/finesse/api/SystemInfo`)).text();
    assert.match(info, new RegExp(`<xmppPort>${webPort}</xmppPort>`));
    assert.match(info, new RegExp(`<xmppSecurePort>${webHttpsPort}</xmppSecurePort>`));
    const desktop = await (await fetch(`http://127.0.0.1:${webPort}/desktop/api/DesktopConfig`)).json() as { tunnelUrl: string };
    assert.equal(desktop.tunnelUrl, `http://127.0.0.1:${webPort}/tunnel/`);
  });

  test('the REST API and other paths still reach web', async () => {
    assert.equal((await fetch(`http://127.0.0.1:${webPort}/finesse/api/SystemInfo`)).status, 200);
    assert.equal(notifyTargetPath('/http-bind'), '/http-bind');
    assert.equal(notifyTargetPath('/http-bind/?x=1'), '/http-bind/?x=1');
    assert.equal(notifyTargetPath('/ws/'), '/ws/');
    assert.equal(notifyTargetPath('/tunnel/EventTunnel.js'), '/tunnel/EventTunnel.js');
    assert.equal(notifyTargetPath('/wsx'), undefined);
    assert.equal(notifyTargetPath('/desktop/'), undefined);
    assert.equal(notifyTargetPath('/finesse/api/SystemInfo'), undefined);
  });
});

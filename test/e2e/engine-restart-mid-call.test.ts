// The whole engine restarts mid-call while the call manager keeps the calls up: three nodes as a split site runs
// them (the call manager; the engine alone, its store in a data directory; notify and web). The new engine takes
// back the state it checkpointed, checks each call with the call manager, and the web service, reconnected,
// shows what the engine holds: agent1 still TALKING on the same Dialog, which still answers actions. Then once
// with the customer hanging up while no engine runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { XmppClient } from '@xmpp/client';
import { isEngineService, type EngineService } from '../../src/engine/index.ts';
import { isNotifyService } from '../../src/notify/index.ts';
import type { WebService } from '../../src/web/index.ts';
import { userStateOf } from '../../src/web/users/user.ts';
import { loadConfig, type EnvInput } from '../../src/shared/config.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { startNode, type RunningNode } from '../../src/node.ts';
import type { Element } from '../../src/shared/xml/index.ts';
import { parseXml } from '../../src/shared/xml/index.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';
import { freePorts } from '../support/free-ports.ts';
import { connectClient, xml } from '../support/xmpp.ts';
import { dialogOf, participantsOf, updateFeed, type UpdateFeed } from '../support/update-feed.ts';

const CALLER = '+14155550177';
const DIALOGS = '/finesse/api/User/agent1/Dialogs';
const EPHEMERAL: EnvInput = Object.fromEntries(
  ['WEB', 'WEB_HTTPS', 'XMPP', 'XMPP_TLS', 'BOSH', 'BOSH_HTTPS', 'CALLMANAGER', 'CALLMANAGER_HTTP', 'LIVEDATA', 'PROVIDER']
    .map((name) => [`POISE_${name}_PORT`, '0']),
);

let callmanager: TestNode;
let engineNode: RunningNode | undefined;
let webNode: RunningNode;
let web: WebService;
let desktop: XmppClient;
let feed: UpdateFeed;
let engineDir = '';
let webDir = '';
let ctiPort = 0;
let baseUrl = '';
let dialogId = '';
let labCallId = '';

function sharedEnv(): EnvInput {
  const axl = `${callmanager.cmUrl}/axl/`;
  return {
    ...EPHEMERAL, POISE_DEMO_PASSWORD: TEST_PASSWORD, POISE_HOST: '127.0.0.1', POISE_AXL_URL: axl, POISE_WEB_AXL_URL: axl,
  };
}

/** The engine alone, over the provider link, with PGlite in a data directory that outlives it. */
async function startEngineNode(): Promise<EngineService> {
  engineNode = await startNode(loadConfig({
    ...sharedEnv(), POISE_ONLY: 'engine', POISE_DATA_DIR: engineDir, POISE_CTI_PORT: String(ctiPort),
    POISE_ENGINE_PROVIDER_URL: `ws://127.0.0.1:${callmanager.callmanager.providerLinkPort}`,
  }), silentLogger);
  const engine = engineNode.services.find(isEngineService);
  assert.ok(engine);
  return engine;
}

function engineOf(): EngineService {
  const engine = engineNode?.services.find(isEngineService);
  assert.ok(engine);
  return engine;
}

before(async () => {
  callmanager = await startTestNode({ POISE_ONLY: 'callmanager' });
  engineDir = await mkdtemp(path.join(os.tmpdir(), 'poise-engine-'));
  webDir = await mkdtemp(path.join(os.tmpdir(), 'poise-web-'));
  [ctiPort = 0] = await freePorts(1);
  await startEngineNode();
  webNode = await startNode(loadConfig({
    ...sharedEnv(), POISE_ONLY: 'notify,web', POISE_DATA_DIR: webDir, DATABASE_URL: 'memory://',
    POISE_WEB_CTI_HOST: '127.0.0.1', POISE_WEB_CTI_PORT: String(ctiPort), POISE_WEB_CTI_RETRY_MS: '50',
  }), silentLogger);
  const found = webNode.services.find((s): s is WebService => s.name === 'web');
  const notify = webNode.services.find(isNotifyService);
  assert.ok(found && notify);
  web = found;
  await web.cti?.whenOpen();
  const address = web.apps.http.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/finesse/api`;
  desktop = await connectClient({
    service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain: notify.server.domain, username: 'agent1', password: TEST_PASSWORD,
  });
  feed = updateFeed(desktop);
  await desktop.send(xml('presence'));
});
after(async () => {
  await desktop?.stop();
  await webNode?.close();
  await engineNode?.close();
  await callmanager?.close();
  await rm(engineDir, { recursive: true, force: true });
  await rm(webDir, { recursive: true, force: true });
});

interface Answer { status: number; text: string; xml: Element | undefined }

async function rest(method: string, pathname: string, body?: string, requestId?: string): Promise<Answer> {
  const headers: Record<string, string> = { authorization: basicAuth('agent1') };
  if (body !== undefined) headers['content-type'] = 'application/xml';
  if (requestId) headers.requestId = requestId;
  const res = await fetch(`${baseUrl}${pathname}`, { method, headers, body });
  const text = await res.text();
  const parsed = text.startsWith('<') ? parseXml(text) : undefined;
  return { status: res.status, text, xml: parsed?.ok ? parsed.root : undefined };
}

async function setState(body: string, expected: string): Promise<void> {
  const requestId = `agent1-${expected}-${Date.now()}`;
  const res = await rest('PUT', '/User/agent1', body, requestId);
  assert.equal(res.status, 202, res.text);
  await feed.next((u) => u.node === '/finesse/api/User/agent1' && u.requestId === requestId && u.data.getChildText('state') === expected);
}

async function lab(pathname: string, body: unknown): Promise<Response> {
  return fetch(`${callmanager.cmUrl}/lab${pathname}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') }, body: JSON.stringify(body),
  });
}

/** What the engine holds: agent1's state as a Finesse User shows it, and the CTI call ids of calls at 1001. */
function engineView(): { state: string | undefined; calls: string[] } {
  const { engine } = engineOf();
  const calls = [...engine.contacts.calls()].filter((c) => c.parties.has('1001')).map((c) => String(c.ctiCallId));
  const state = engine.agents.get('agent1')?.state;
  return { state: state && userStateOf(state), calls };
}

/** What the web service shows over REST: agent1's state and its dialogs. */
async function webView(): Promise<{ state: string | undefined; calls: string[]; dialogs: Element[] }> {
  const user = await rest('GET', '/User/agent1');
  const list = await rest('GET', '/User/agent1/Dialogs');
  assert.equal(user.status, 200, user.text);
  assert.equal(list.status, 200, list.text);
  const dialogs = list.xml?.getChildren('Dialog') ?? [];
  return { state: user.xml?.getChildText('state') ?? undefined, calls: dialogs.map((d) => d.getChildText('id') ?? ''), dialogs };
}

/** Stops the whole engine, runs `meanwhile` while none runs, and starts a new one on the same store and port. */
async function restartEngine(meanwhile: () => Promise<void> = async () => {}): Promise<void> {
  const cti = web.cti;
  assert.ok(cti);
  const opens = cti.opens;
  const lost = new Promise<void>((resolve) => { const off = cti.onClose(() => { off(); resolve(); }); });
  await engineNode?.close();
  engineNode = undefined;
  await lost;
  assert.equal((await rest('GET', '/SystemInfo')).xml?.getChildText('status'), 'OUT_OF_SERVICE');
  await meanwhile();
  await startEngineNode();
  await cti.whenOpen();
  assert.ok(cti.opens > opens);
}

async function answeredCall(): Promise<Element[]> {
  const placed = await lab('/calls', { from: CALLER, to: '7001' });
  assert.equal(placed.status, 201);
  labCallId = String((await placed.json() as { id: string | number }).id);
  const posted = await feed.next((u) => u.node === DIALOGS && u.event === 'POST');
  dialogId = dialogOf(posted).getChildText('id') ?? '';
  assert.equal(dialogOf(posted).getChildText('state'), 'ALERTING');
  const answer = await rest('PUT', `/Dialog/${dialogId}`,
    '<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>', 'r-answer');
  assert.equal(answer.status, 202, answer.text);
  const active = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-answer'
    && participantsOf(dialogOf(u)).every((p) => p.includes(' ACTIVE')));
  return [dialogOf(active)];
}

test('an engine restarted mid-call takes its agents and calls back: web shows agent1 TALKING on the same Dialog', async () => {
  await setState('<User><state>LOGIN</state><extension>1001</extension></User>', 'NOT_READY');
  await setState('<User><state>READY</state></User>', 'READY');
  const [active] = await answeredCall();
  const participants = participantsOf(active!);
  assert.deepEqual(engineView(), { state: 'TALKING', calls: [dialogId] });

  await restartEngine();

  assert.deepEqual(engineView(), { state: 'TALKING', calls: [dialogId] });
  const view = await webView();
  assert.deepEqual({ state: view.state, calls: view.calls }, engineView());
  assert.equal(view.dialogs[0]?.getChildText('state'), 'ACTIVE');
  assert.deepEqual(participantsOf(view.dialogs[0]!), participants);
  assert.equal((await rest('GET', '/SystemInfo')).xml?.getChildText('status'), 'IN_SERVICE');

  // The call is live in the new engine: HOLD goes to the call manager and comes back with its requestId.
  const hold = await rest('PUT', `/Dialog/${dialogId}`,
    '<Dialog><requestedAction>HOLD</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>', 'r-hold');
  assert.equal(hold.status, 202, hold.text);
  const held = await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-hold');
  assert.equal(participantsOf(dialogOf(held))[1]?.startsWith('1001 HELD'), true);
  const retrieve = await rest('PUT', `/Dialog/${dialogId}`,
    '<Dialog><requestedAction>RETRIEVE</requestedAction><targetMediaAddress>1001</targetMediaAddress></Dialog>', 'r-retrieve');
  assert.equal(retrieve.status, 202, retrieve.text);
  await feed.next((u) => u.node === DIALOGS && u.requestId === 'r-retrieve');
});

test('the customer hangs up while no engine runs: the new engine learns it from the call manager, web follows', async () => {
  await restartEngine(async () => {
    const abandoned = await lab(`/calls/${labCallId}/abandon`, {});
    assert.equal(abandoned.status, 200, await abandoned.text());
  });
  // Automatic Work on the demo CSQ: the call's end puts agent1 in after-call work (a Finesse WORK).
  const ended = await feed.next((u) => u.node === DIALOGS && u.event === 'DELETE');
  assert.equal(dialogOf(ended).getChildText('id'), dialogId);
  await feed.next((u) => u.node === '/finesse/api/User/agent1' && u.data.getChildText('state') === 'WORK');
  assert.deepEqual(engineView(), { state: 'WORK', calls: [] });
  const view = await webView();
  assert.deepEqual({ state: view.state, calls: view.calls }, engineView());

  await setState('<User><state>READY</state></User>', 'READY');
  const later = await webView();
  assert.deepEqual({ state: later.state, calls: later.calls }, engineView());
});

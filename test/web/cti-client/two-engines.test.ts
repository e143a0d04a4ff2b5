// Two nodes on loopback (cti.md §9.4): node A's engine is master, node B's standby. A's web holds sessions to both
// engines and uses the master; when mastership moves to B it follows, and its requests reach B's engine. The
// standby engine answers as §9.4 says; SystemInfo reports the peer and whether CTI is served (rest-api.md §8).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import { isEngineService, type EngineService } from '../../../src/engine/index.ts';
import { CtiStatus, Service } from '../../../src/engine/cti/codec/index.ts';
import { AGENT, startWebNode, type WebFixture } from '../../support/web.ts';

let a: WebFixture;
let b: WebFixture;
let engineA: EngineService;
let engineB: EngineService;

const engineOf = (fx: WebFixture): EngineService => {
  const engine = fx.node.services.find(isEngineService);
  if (!engine) throw new Error('no engine');
  return engine;
};

before(async () => {
  // Distinct public hosts give the two webs distinct ClientIDs (cti.md §9.3: poise-ws-<node>).
  b = await startWebNode({ POISE_ENGINE_ROLE: 'standby', POISE_WEB_CTI_RETRY_MS: '100', POISE_PUBLIC_HOST: '127.0.0.2' });
  engineB = engineOf(b);
  a = await startWebNode({
    POISE_WEB_CTI_ENGINES: `local,127.0.0.1:${engineB.ctiPort}`, POISE_WEB_CTI_RETRY_MS: '100',
    POISE_PEER_HOST: '127.0.0.2', POISE_PEER_HTTPS_PORT: '9445', POISE_PEER_XMPP_PORT: '9071', POISE_PEER_XMPP_SECURE_PORT: '9443',
  });
  engineA = engineOf(a);
  await a.web.cti?.whenOpen();
});
after(async () => {
  await a?.close();
  await b?.close();
});

test('web uses the master engine; SystemInfo names the peer; the standby node is OUT_OF_SERVICE', async () => {
  assert.equal(a.web.cti?.activeEngine, `127.0.0.1:${engineA.ctiPort}`);
  const info = await a.call('GET', '/SystemInfo', { as: null });
  assert.equal(info.xml?.getChildText('status'), 'IN_SERVICE');
  const peer = info.xml?.getChild('secondaryNode');
  assert.deepEqual([peer?.getChildText('host'), peer?.getChildText('httpsPort'), peer?.getChildText('xmppPort'),
    peer?.getChildText('xmppSecurePort')], ['127.0.0.2', '9445', '9071', '9443']);
  const standby = await b.call('GET', '/SystemInfo', { as: null });
  assert.equal(standby.xml?.getChildText('status'), 'OUT_OF_SERVICE');
  assert.equal(b.web.cti?.isOpen, false);
});

test('the standby engine: FAILURE_CONF 92 without the Poise extensions; else a standby session refusing requests', async () => {
  const plain = await CtiClient.open({ host: '127.0.0.1', port: engineB.ctiPort, clientId: 'probe-plain' });
  assert.equal(plain.reply.type, 'FAILURE_CONF');
  assert.equal(plain.reply.type === 'FAILURE_CONF' && plain.reply.status, CtiStatus.SERVER_NOT_MASTER);
  await plain.client.closed;

  const { client, reply } = await CtiClient.open({
    host: '127.0.0.1', port: engineB.ctiPort, clientId: 'probe-standby',
    servicesRequested: Service.ALL_EVENTS | Service.POISE_SERVICE_EXTENSIONS,
  });
  assert.equal(reply.type, 'OPEN_CONF');
  if (reply.type !== 'OPEN_CONF') return;
  assert.equal(reply.peripheralOnline, false);
  assert.equal(reply.servicesGranted, Service.POISE_SERVICE_EXTENSIONS);
  const { event } = await client.waitFor('SYSTEM_EVENT');
  assert.equal(event.systemEventArg3, 2, 'Arg3: the sender is standby');
  const query = await client.request({ type: 'QUERY_AGENT_STATE_REQ', peripheralId: 1, mrdId: 1, icmAgentId: 0, agentId: AGENT });
  assert.equal(query.type === 'FAILURE_CONF' && query.status, CtiStatus.SERVER_NOT_MASTER);
  assert.equal((await client.heartbeat()).type, 'HEARTBEAT_CONF', 'a standby session carries heartbeats');
  await client.close();
});

test('mastership moves to B: web follows it, and its requests reach B\'s engine', async () => {
  const signIn = await a.call('PUT', `/User/${AGENT}`, { as: AGENT, body: '<User><state>LOGIN</state><extension>1001</extension></User>' });
  assert.equal(signIn.status, 202, signIn.text);
  await a.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${AGENT}` && u.xml.includes('<state>NOT_READY</state>'));
  assert.equal(engineA.engine.agents.get(AGENT)?.state, 'NOT_READY');

  const cti = a.web.cti;
  assert.ok(cti);
  const moved = new Promise<void>((resolve) => {
    const off = cti.onOpen(() => { if (cti.activeEngine === `127.0.0.1:${engineB.ctiPort}`) { off(); resolve(); } });
  });
  const bServes = b.web.cti?.whenOpen();
  const rebuildsBefore = a.web.teams.rebuilds;
  engineA.cti.setRole('standby');
  engineB.cti.setRole('master');
  await moved;
  assert.equal(cti.activeEngine, `127.0.0.1:${engineB.ctiPort}`);

  // B's engine has never seen agent1 signed in: web rebuilt its user from B, and a new sign-in goes to B.
  await a.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${AGENT}` && u.xml.includes('<state>LOGOUT</state>'));
  const again = await a.call('PUT', `/User/${AGENT}`, {
    as: AGENT, body: '<User><state>LOGIN</state><extension>1001</extension></User>', headers: { requestId: 'on-b' },
  });
  assert.equal(again.status, 202, again.text);
  await a.web.publisher.waitFor((u) => u.xml.includes('<requestId>on-b</requestId>') && u.xml.includes('<state>NOT_READY</state>'));
  assert.equal(engineB.engine.agents.get(AGENT)?.state, 'NOT_READY');
  // the teams were read again from B (TEAM_CONFIG_REQ went before the sign-in on the same session)
  assert.ok(a.web.teams.rebuilds > rebuildsBefore);
  assert.equal(a.web.teams.teamOfUser(AGENT)?.name, 'Sales');

  // B's own web reopened its standby session as a full one
  await bServes;
  assert.equal((await b.call('GET', '/SystemInfo', { as: null })).xml?.getChildText('status'), 'IN_SERVICE');
  // notifications.md §12: the status change is published to everyone on the SystemInfo node
  const change = await b.web.publisher.waitFor((u) => u.node === '/finesse/api/SystemInfo');
  assert.match(change.xml, /^<Update><data><systemInfo>.*<status>IN_SERVICE<\/status>.*<\/systemInfo><\/data><event>PUT<\/event>/);
  assert.equal((await a.call('GET', '/SystemInfo', { as: null })).xml?.getChildText('status'), 'IN_SERVICE');
});

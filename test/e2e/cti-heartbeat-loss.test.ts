// The web service's CTI heartbeats against an engine that stops answering (cti.md §9.1): the web service reaches its
// engine through a TCP proxy that can freeze the link, so the TCP connection stays up but nothing crosses it, as
// with a hung engine or a silent network partition. Three unanswered heartbeats reset the session: SystemInfo goes
// OUT_OF_SERVICE and state changes get 503; once the link carries traffic again the session is reopened, the users
// are rebuilt from the engine, and requests flow again. A node whose engine is silent still shuts down.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineService } from '../../src/engine/index.ts';
import { AGENT, apiErrorOf, startWebNode, type WebFixture } from '../support/web.ts';
import { freePorts } from '../support/free-ports.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

let fx: WebFixture;
let proxy: TcpProxy;
let engine: EngineService;
let closed = false;

before(async () => {
  // The engine's CTI port is chosen first so the proxy in front of it exists before the web service dials it.
  const [ctiPort] = await freePorts(1);
  assert.ok(ctiPort);
  proxy = await startTcpProxy({ host: '127.0.0.1', port: ctiPort });
  fx = await startWebNode({
    POISE_CTI_PORT: String(ctiPort), POISE_WEB_CTI_HOST: '127.0.0.1', POISE_WEB_CTI_PORT: String(proxy.port),
    POISE_WEB_CTI_HEARTBEAT_MS: '400', POISE_WEB_CTI_RETRY_MS: '100',
  });
  const found = fx.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(found);
  engine = found;
  await fx.web.cti?.whenOpen();
});
after(async () => {
  if (!closed) await fx?.close();
  await proxy?.close();
});

const systemStatus = async (): Promise<string | undefined> =>
  (await fx.call('GET', '/SystemInfo', { as: null })).xml?.getChildText('status') ?? undefined;

async function putState(body: string, requestId: string): Promise<void> {
  const res = await fx.call('PUT', `/User/${AGENT}`, { as: AGENT, body, headers: { requestId } });
  assert.equal(res.status, 202, res.text);
}

const userUpdate = (state: string, requestId: string) => (u: { node: string; xml: string }) =>
  u.node === `/finesse/api/User/${AGENT}` && u.xml.includes(`<state>${state}</state>`)
  && u.xml.includes(`<requestId>${requestId}</requestId>`);

test('an engine that stops answering heartbeats is dropped, and the session comes back when it answers again', async () => {
  const cti = fx.web.cti;
  assert.ok(cti);
  await putState('<User><state>LOGIN</state><extension>1001</extension></User>', 'hb-in');
  await fx.web.publisher.waitFor(userUpdate('NOT_READY', 'hb-in'));
  assert.equal(await systemStatus(), 'IN_SERVICE');
  const opensBefore = cti.opens;

  const lost = new Promise<void>((resolve) => { const off = cti.onClose(() => { off(); resolve(); }); });
  proxy.freeze();
  await lost;
  assert.equal(cti.isOpen, false);
  assert.equal(await systemStatus(), 'OUT_OF_SERVICE');
  const refused = await fx.call('PUT', `/User/${AGENT}`, { as: AGENT, body: '<User><state>READY</state></User>' });
  assert.equal(refused.status, 503, refused.text);
  assert.equal(apiErrorOf(refused).ErrorType, 'Service Unavailable');
  assert.equal(engine.engine.agents.get(AGENT)?.state, 'NOT_READY', 'nothing reached the engine');

  const reopened = new Promise<void>((resolve) => { const off = cti.onOpen(() => { off(); resolve(); }); });
  proxy.thaw();
  await reopened;
  assert.equal(cti.opens, opensBefore + 1);
  assert.equal(await systemStatus(), 'IN_SERVICE');
  assert.equal((await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml?.getChildText('state'), 'NOT_READY');

  await putState('<User><state>READY</state></User>', 'hb-ready');
  await fx.web.publisher.waitFor(userUpdate('READY', 'hb-ready'));
  assert.equal(engine.engine.agents.get(AGENT)?.state, 'READY');
});

test('the node shuts down while its engine is silent', async () => {
  await fx.web.cti?.whenOpen();
  const codes = await fx.call('GET', `/User/${AGENT}/ReasonCodes?category=NOT_READY`, { as: AGENT });
  const reason = codes.xml?.getChildElements()[0]?.getChildText('uri')?.split('/').pop();
  proxy.freeze();
  // its CTI request is stuck in the frozen link, so the engine's side never reads the web service's FIN
  await putState(`<User><state>NOT_READY</state><reasonCodeId>${reason}</reasonCodeId></User>`, 'hb-unheard');
  await fx.close(); // the web service does not wait for an answer that never comes
  closed = true;
});

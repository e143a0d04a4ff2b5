import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import type { EngineService } from '../../../src/engine/index.ts';
import { AGENT, startWebNode, type WebFixture } from '../../support/web.ts';

let fx: WebFixture;
before(async () => { fx = await startWebNode({ POISE_WEB_CTI_RETRY_MS: '200' }); });
after(async () => { await fx.close(); });

const stateUpdate = (state: string, requestId: string) => (u: { node: string; xml: string }) =>
  u.node === `/finesse/api/User/${AGENT}` && u.xml.includes(`<state>${state}</state>`)
  && u.xml.includes(`<requestId>${requestId}</requestId>`);

test('the web service reconnects after its CTI session drops and rebuilds its users from the engine', async () => {
  const cti = fx.web.cti;
  assert.ok(cti);
  await cti.whenOpen();
  const signIn = await fx.call('PUT', `/User/${AGENT}`, {
    as: AGENT, body: '<User><state>LOGIN</state><extension>1001</extension></User>', headers: { requestId: 'in' },
  });
  assert.equal(signIn.status, 202);
  await fx.web.publisher.waitFor(stateUpdate('NOT_READY', 'in'));
  await fx.web.csqs.whenBuilt();
  const csqRebuilds = fx.web.csqs.rebuilds;
  const opensBefore = cti.opens;
  const reopened = new Promise<void>((resolve) => { const off = cti.onOpen(() => { off(); resolve(); }); });

  // cti.md §9.3: a new session with our ClientID replaces the web service's, which is closed.
  const engine = fx.node.services.find((s): s is EngineService => s.name === 'engine');
  assert.ok(engine);
  const { client, reply } = await CtiClient.open({ host: '127.0.0.1', port: engine.ctiPort, clientId: cti.clientId });
  assert.equal(reply.type, 'OPEN_CONF');
  // While web is away the agent goes READY: web cannot see the event, only the engine's state after reconnecting.
  const ready = await Promise.race([
    client.request({
      type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState: 'READY', agentWorkMode: 0, numSkillGroups: 0,
      eventReasonCode: 0, forcedFlag: 0, agentServiceReq: 0, agentInstrument: '1001', agentId: AGENT,
    }),
    client.closed.then(() => undefined),
  ]);
  assert.equal(ready?.type, 'SET_AGENT_STATE_CONF', 'the test client was replaced before its request was answered');
  assert.equal(cti.isOpen, false);

  await reopened;
  assert.equal(cti.opens, opensBefore + 1);
  await fx.web.csqs.whenBuilt(csqRebuilds + 1); // the CSQ names are read again on the new session (cti.md §8.1)
  const sales = engine.engine.config().csqs.find((c) => c.name === 'Sales');
  assert.equal(fx.web.csqs.nameOf(sales?.id ?? -1), 'Sales');
  await client.closed; // the web service's new session replaced the test client in turn
  await fx.web.publisher.waitFor(stateUpdate('READY', ''));
  assert.equal((await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml?.getChildText('state'), 'READY');

  const codes = await fx.call('GET', `/User/${AGENT}/ReasonCodes?category=LOGOUT`, { as: AGENT });
  const reason = codes.xml?.getChildElements()[0]?.getChildText('uri')?.replace(/^.*\//, '');
  const out = await fx.call('PUT', `/User/${AGENT}`, {
    as: AGENT, body: `<User><state>LOGOUT</state><reasonCodeId>${reason}</reasonCodeId></User>`, headers: { requestId: 'out' },
  });
  assert.equal(out.status, 202, out.text);
  await fx.web.publisher.waitFor(stateUpdate('LOGOUT', 'out'));
});

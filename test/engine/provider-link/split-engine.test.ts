// An engine in one node and the call manager in another, over the provider link: a lab call routes to a READY
// agent end to end; the link is cut and comes back, and the call that was up before is still controllable, and
// new calls route again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CtiClient } from '../../../src/engine/cti/client.ts';
import type { CtiMessage } from '../../../src/engine/cti/codec/index.ts';
import { basicAuth, startTestNode, type TestNode } from '../../support/test-node.ts';
import { startSplitNode, type SplitNode } from '../../support/split-node.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { agentEvent, ready } from '../../support/cti-lab.ts';

let callmanager: TestNode;
let proxy: TcpProxy;
let split: SplitNode;
let cti: CtiClient;
before(async () => {
  callmanager = await startTestNode({ POISE_ONLY: 'callmanager' });
  proxy = await startTcpProxy({ host: '127.0.0.1', port: callmanager.callmanager.providerLinkPort });
  split = await startSplitNode(callmanager, `ws://127.0.0.1:${proxy.port}`);
  const opened = await CtiClient.open({ host: '127.0.0.1', port: split.engine.ctiPort, clientId: 'split-test' });
  assert.equal(opened.reply.type, 'OPEN_CONF');
  cti = opened.client;
  assert.equal((await cti.nextEvent()).type, 'SYSTEM_EVENT');
});
after(async () => {
  await cti.close();
  await split.close();
  await proxy.close();
  await callmanager.close();
});

const labCall = async (to: string) => {
  const reply = await fetch(`${callmanager.cmUrl}/lab/calls`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ from: '+14155550100', to }),
  });
  assert.equal(reply.status, 201);
};

const onAgentCall = (type: 'ANSWER_CALL_REQ' | 'CLEAR_CONNECTION_REQ', connectionCallId: number, device: string) =>
  cti.request({ type, peripheralId: 1, connectionCallId, connectionDeviceIdType: 0, connectionDeviceId: device });

/** A lab call to 7001 reaches `extension`, which answers: the CTI call id. */
async function callAnswered(extension: string): Promise<number> {
  await labCall('7001');
  const delivered = (await cti.waitFor('CALL_DELIVERED_EVENT', (e) => e.alertingDeviceId === extension)).event;
  const answer = await onAgentCall('ANSWER_CALL_REQ', delivered.connectionCallId, extension);
  assert.equal(answer.type, 'ANSWER_CALL_CONF', JSON.stringify(answer));
  const established = (await cti.waitFor('CALL_ESTABLISHED_EVENT', (e) => e.answeringDeviceId === extension)).event;
  // the event came back over the link as part of the request, and names it as its cause (cti.md §8.3)
  assert.equal(established.poiseCauseInvokeId, answer.type === 'ANSWER_CALL_CONF' ? answer.invokeId : -1);
  return delivered.connectionCallId;
}

/** Retries `request` while the engine refuses it for want of the link. */
async function onceLinked(request: () => Promise<CtiMessage>): Promise<CtiMessage> {
  for (let tries = 0; ; tries++) {
    const reply = await request();
    if (reply.type !== 'CONTROL_FAILURE_CONF' || tries > 100) return reply;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('a lab call routes over the link to a READY agent, who answers and hangs up', async () => {
  await ready(cti, 'agent1', '1001');
  const callId = await callAnswered('1001');
  await agentEvent(cti, 'agent1', 'TALKING');
  const clear = await onAgentCall('CLEAR_CONNECTION_REQ', callId, '1001');
  assert.equal(clear.type, 'CLEAR_CONNECTION_CONF');
  await cti.waitFor('CALL_CLEARED_EVENT', (e) => e.connectionCallId === callId);
  await agentEvent(cti, 'agent1', 'WORK_READY');
});

test('after a link cut the engine opens again: a call from before is dropped, new calls route', async () => {
  await ready(cti, 'agent2', '1002');
  const before = await callAnswered('1002');
  await proxy.cut();
  await proxy.restore();
  // the call that was up before the cut: the agent hangs up through the engine once the link is back
  const clear = await onceLinked(() => onAgentCall('CLEAR_CONNECTION_REQ', before, '1002'));
  assert.equal(clear.type, 'CLEAR_CONNECTION_CONF', JSON.stringify(clear));
  await cti.waitFor('CALL_CLEARED_EVENT', (e) => e.connectionCallId === before);
  // routing goes on: the route point is registered again
  await ready(cti, 'agent3', '1003');
  const after = await callAnswered('1003');
  assert.notEqual(after, before);
});

test('a call that ends while the link is down is cleared once it is back (the engine asks for the calls it knew)', async () => {
  await ready(cti, 'agent4', '1004');
  const ctiCallId = await callAnswered('1004');
  const call = split.engine.engine.contacts.callOfCtiId(ctiCallId);
  const phone = split.engine.engine.resources.byUserId('agent4')?.devices[0];
  assert.ok(call && phone);
  await proxy.cut();
  const hangup = await fetch(`${callmanager.cmUrl}/lab/devices/${phone}/hangup`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: basicAuth('admin') },
    body: JSON.stringify({ callId: call.id }),
  });
  assert.equal(hangup.status, 200, await hangup.text());
  await proxy.restore();
  await cti.waitFor('CALL_CLEARED_EVENT', (e) => e.connectionCallId === ctiCallId);
  await agentEvent(cti, 'agent4', 'WORK_READY');
  assert.equal(split.engine.engine.contacts.call(call.id), undefined);
});

// The client side of bench/web-shift.ts, in its own process: one XMPP desktop per agent (half WebSocket through
// @xmpp/client, half raw BOSH) and one bridge-mode CTI session that signs every agent in and READY and hears
// what the engine does with the calls. Every <Update> on an agent's Dialogs node and every call event at an
// agent's extension go into the ledger (shift-ledger.ts). Talks to the parent over IPC: 'ready' once everyone is
// signed in and connected, then on 'finish' waits for the dialogs still in wrap-up and sends the comparison.
import { performance } from 'node:perf_hooks';
import type { Element } from 'ltx';
import type { XmppClient } from '@xmpp/client';
import { CtiClient } from '../../src/engine/cti/client.ts';
import { Service } from '../../src/engine/cti/codec/index.ts';
import { parseXml } from '../../src/shared/xml/index.ts';
import { connectClient, xml } from '../../test/support/xmpp.ts';
import { openBoshListener, type BoshListener } from './bosh-listener.ts';
import { ShiftLedger, type UpdateEvent } from './shift-ledger.ts';

interface Setup { boshPort: number; ctiPort: number; xmppDomain: string; password: string; agents: number; drainSeconds: number }
const setup = JSON.parse(process.argv[2]!) as Setup;
const extensionOf = (i: number) => String(20000 + i);             // demo load agents (shared/demo-contact-center.ts)
const agents = Array.from({ length: setup.agents }, (_, k) => ({ userid: `load${k + 1}`, extension: extensionOf(k + 1) }));
const extensions = new Set(agents.map((a) => a.extension));
const ledger = new ShiftLedger();
const DIALOGS_NODE = /^\/finesse\/api\/User\/load(\d+)\/Dialogs$/;
let malformed = 0;

/** One pubsub event message: the Update on an agent's Dialogs node goes into the ledger. */
function onEventMessage(message: Element): void {
  const items = message.getChild('event')?.getChild('items');
  const agent = DIALOGS_NODE.exec(String(items?.attrs.node ?? ''))?.[1];
  const text = items?.getChild('item')?.getChild('notification')?.getText();
  if (agent === undefined || text === undefined) return;
  const update = parseXml(text);
  if (!update.ok) { malformed++; return; }
  const event = update.root.getChildText('event') as UpdateEvent;
  const data = update.root.getChild('data')?.getChildElements()[0];
  const dialog = data?.getName() === 'dialogs' ? data.getChild('Dialog') : data;
  const id = dialog?.getChildText('id');
  if (!dialog || !id || !['POST', 'PUT', 'DELETE'].includes(event)) { malformed++; return; }
  const extension = extensionOf(Number(agent));
  const me = dialog.getChild('participants')?.getChildren('Participant').find((p) => p.getChildText('mediaAddress') === extension);
  ledger.received(extension, event, id, me?.getChildText('state') ?? undefined);
}

// --- the engine's side: a bridge-mode CTI session, which also signs the agents in
const opened = await CtiClient.open({
  host: '127.0.0.1', port: setup.ctiPort, clientId: 'bench-shift', servicesRequested: Service.ALL_EVENTS | Service.CLIENT_CONTROL,
});
if (opened.reply.type !== 'OPEN_CONF') throw new Error(`CTI session refused: ${JSON.stringify(opened.reply)}`);
const cti = opened.client;
const heartbeat = setInterval(() => void cti.heartbeat().catch(() => undefined), 15_000);
void (async () => {
  for (;;) {
    const m = await Promise.race([cti.nextEvent(), cti.closed.then(() => undefined)]);
    if (!m) return;
    if (m.type === 'CALL_DELIVERED_EVENT') {
      const at = m.alertingDeviceId ?? m.connectionDeviceId;
      if (extensions.has(at)) ledger.delivered(at, String(m.connectionCallId));
    } else if (m.type === 'CALL_ESTABLISHED_EVENT') {
      const at = m.answeringDeviceId ?? m.connectionDeviceId;
      if (extensions.has(at)) ledger.established(at, String(m.connectionCallId));
    } else if (m.type === 'CALL_CONNECTION_CLEARED_EVENT') {
      const at = m.releasingDeviceId ?? m.connectionDeviceId;
      if (extensions.has(at)) ledger.released(at, String(m.connectionCallId));
    }
  }
})();

// --- the clients' side: one desktop per agent, connected before anyone signs in
const t0 = performance.now();
const half = Math.ceil(agents.length / 2);
const wsClients: XmppClient[] = [];
const boshClients: BoshListener[] = [];
for (let i = 0; i < agents.length; i += 20) {
  await Promise.all(agents.slice(i, i + 20).map(async (a, j) => {
    if (i + j < half) {
      const client = await connectClient({ service: `ws://127.0.0.1:${setup.boshPort}/ws/`, domain: setup.xmppDomain, username: a.userid, password: setup.password });
      client.on('stanza', (stanza: Element) => { if (stanza.is('message')) onEventMessage(stanza); });
      await client.send(xml('presence'));
      wsClients.push(client);
    } else {
      boshClients.push(await openBoshListener({
        url: `http://127.0.0.1:${setup.boshPort}/http-bind/`, domain: setup.xmppDomain, username: a.userid, password: setup.password,
        onBody: (text) => {
          const body = parseXml(text);
          if (!body.ok) { malformed++; return; }
          for (const child of body.root.getChildElements()) if (child.is('message')) onEventMessage(child);
        },
      }));
    }
  }));
}
const connectMs = performance.now() - t0;

const t1 = performance.now();
const ctiState = (a: { userid: string; extension: string }, agentState: 'LOGIN' | 'READY') => cti.request({
  type: 'SET_AGENT_STATE_REQ', peripheralId: 1, agentState, agentWorkMode: 0, numSkillGroups: 0, eventReasonCode: 0,
  forcedFlag: 0, agentServiceReq: 0, agentInstrument: a.extension, agentId: a.userid,
});
for (let i = 0; i < agents.length; i += 50) {
  await Promise.all(agents.slice(i, i + 50).map(async (a) => {
    for (const state of ['LOGIN', 'READY'] as const) {
      const reply = await ctiState(a, state);
      if (reply.type !== 'SET_AGENT_STATE_CONF') throw new Error(`${state} of ${a.userid} refused: ${JSON.stringify(reply)}`);
    }
  }));
}
const signInMs = performance.now() - t1;
process.send?.({ phase: 'ready', connect_s: Math.round(connectMs / 100) / 10, sign_in_s: Math.round(signInMs / 100) / 10 });

// --- on 'finish' (the load has ended): wait for the DELETEs that follow wrap-up, then compare
process.on('message', (message) => {
  if (message !== 'finish') return;
  void (async () => {
    const deadline = performance.now() + setup.drainSeconds * 1000;
    while (ledger.outstanding() > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const drainMs = performance.now() - (deadline - setup.drainSeconds * 1000);
    process.send?.({
      phase: 'result', ...ledger.compare(), malformed, drain_s: Math.round(drainMs / 100) / 10,
      websocket_clients: wsClients.length, bosh_clients: boshClients.length, cti_failures: cti.failures.length,
    });
    clearInterval(heartbeat);
    for (const c of boshClients) c.close();
    // The node closes next and takes every session with it.
    process.send?.('done', () => process.exit(0));
  })();
});

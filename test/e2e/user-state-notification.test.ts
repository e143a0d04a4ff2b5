// The backbone end to end on one node: an agent's desktop is signed in to the notification service over XMPP; a
// REST state change goes to the engine over CTI, comes back as an agent-state event, and reaches the desktop as
// a pubsub event on the agent's User node carrying the request's requestId (ARCHITECTURE.md, steps 3–6).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppClient } from '@xmpp/client';
import { isNotifyService } from '../../src/notify/index.ts';
import { AGENT, startWebNode, type WebFixture } from '../support/web.ts';
import { TEST_PASSWORD } from '../support/test-node.ts';
import { connectClient, nextStanza, xml } from '../support/xmpp.ts';

let fx: WebFixture;
let desktop: XmppClient;
let domain: string;

before(async () => {
  fx = await startWebNode();
  await fx.web.cti?.whenOpen();
  const notify = fx.node.services.find(isNotifyService);
  assert.ok(notify, 'the node runs the notification service');
  domain = notify.server.domain;
  desktop = await connectClient({
    service: `xmpp://127.0.0.1:${notify.ports.xmpp}`, domain, username: AGENT, password: TEST_PASSWORD,
  });
  await desktop.send(xml('presence')); // a Finesse desktop announces itself before it listens
});
after(async () => {
  await desktop?.stop();
  await fx.close();
});

/** The escaped `<Update>` inside the next pubsub event for the agent's User node. */
function nextUserUpdate(requestId: string): Promise<string> {
  return nextStanza(desktop, (stanza) => stanza.is('message') && stanza.toString().includes(`&lt;requestId&gt;${requestId}&lt;/requestId&gt;`))
    .then((message) => {
      const items = message.getChild('event')?.getChild('items');
      assert.equal(items?.attrs.node, `/finesse/api/User/${AGENT}`);
      const notification = items?.getChild('item')?.getChild('notification');
      assert.ok(notification, 'the item carries a notification');
      return notification.getText();
    });
}

test('a REST sign-in and READY reach the agent\'s desktop as XMPP pubsub events with their requestIds', async () => {
  for (const [state, requestId, extra] of [
    ['LOGIN', 'e2e-login', '<extension>1001</extension>'], ['READY', 'e2e-ready', ''],
  ] as const) {
    const arriving = nextUserUpdate(requestId);
    const response = await fx.call('PUT', `/User/${AGENT}`, {
      as: AGENT, body: `<User><state>${state}</state>${extra}</User>`, headers: { requestId },
    });
    assert.equal(response.status, 202, response.text);
    const update = await arriving;
    assert.match(update, /^<Update><data><user>/);
    assert.match(update, new RegExp(`<state>${state === 'LOGIN' ? 'NOT_READY' : 'READY'}</state>`));
  }
});

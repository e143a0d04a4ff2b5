// Who may become the publisher `finesse@<domain>` (notifications.md §3.4, §11): only a configured service account,
// signing in with its own password and naming the publisher as its SASL authzid. Everybody else is refused with
// the SASL failure or, once signed in as themselves, `auth`/`forbidden` on every publish, create or delete.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { client, type XmppClient } from '@xmpp/client';
import { NotifyServer } from '../../src/notify/notify-server.ts';
import { listenTcp, type TcpListener } from '../../src/notify/transports/tcp.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { connectClient, nextStanza, pubsubIq, refusal, xml } from '../support/xmpp.ts';

const D = 'node-a.example.net';
const PUBSUB = `pubsub.${D}`;
const PUBLISHER = `finesse@${D}`;
// `finesse` is in the directory too: its own password must still not make it the publisher.
const PASSWORDS: Record<string, string> = { agent1: 'agent-pass', poise_axl: 'service-pass', finesse: 'finesse-pass' };

let notify: NotifyServer;
let tcp: TcpListener;
let service = '';

before(async () => {
  notify = new NotifyServer({
    domain: D, log: silentLogger, publisherAccounts: ['poise_axl'],
    authenticate: async (userid, password) => PASSWORDS[userid.toLowerCase()] === password,
  });
  tcp = await listenTcp({ host: '127.0.0.1', port: 0, notify, log: silentLogger });
  service = `xmpp://127.0.0.1:${tcp.port}`;
});
after(async () => {
  notify.shutdown();
  await tcp.close();
});

/** The SASL condition a sign-in is refused with. */
async function signInRefused(username: string, password: string, authzid?: string): Promise<string> {
  const xmpp = client({
    service, domain: D, resource: 'probe',
    credentials: (authenticate) => authenticate({ username, password, ...(authzid ? { authzid } : {}) }, 'PLAIN'),
  });
  xmpp.on('error', () => {});
  xmpp.reconnect.stop();
  try {
    return (await refusal(xmpp.start())).condition;
  } finally {
    await xmpp.stop().catch(() => undefined);
  }
}

const publish = (node: string, text: string) =>
  pubsubIq('set', PUBSUB, xml('publish', { node }, xml('item', {}, xml('notification', {}, text))));
const create = (node: string) => pubsubIq('set', PUBSUB, xml('create', { node }));

test('the service account naming the publisher as authzid signs in as finesse, creates a node and publishes', async () => {
  const web = await connectClient({ service, domain: D, username: 'poise_axl', password: 'service-pass', authzid: PUBLISHER, resource: 'poise-web' });
  const agent = await connectClient({ service, domain: D, username: 'agent1', password: 'agent-pass' });
  try {
    assert.equal(String(web.jid), `${PUBLISHER}/poise-web`);
    await agent.send(xml('presence'));
    await nextStanza(agent, (s) => s.is('presence') && s.attrs.from === `${PUBLISHER}/poise-web`);
    await web.iqCaller.request(create('/finesse/api/User/agent1'));
    const event = nextStanza(agent, (s) => s.is('message'));
    const result = await web.iqCaller.request(publish('/finesse/api/User/agent1', '<Update><event>PUT</event></Update>'));
    assert.match(String(result.getChild('pubsub')?.getChild('publish')?.getChild('item')?.attrs.id), /^[0-9a-f-]{36}$/);
    const items = (await event).getChild('event')?.getChild('items');
    assert.equal(items?.attrs.node, '/finesse/api/User/agent1');
    assert.equal(items?.getChild('item')?.getChildText('notification'), '<Update><event>PUT</event></Update>');
  } finally {
    await Promise.all([web.stop(), agent.stop()]);
  }
});

test('the service account with a wrong password is refused not-authorized', async () => {
  assert.equal(await signInRefused('poise_axl', 'wrong-pass', PUBLISHER), 'not-authorized');
});

test('an agent naming the publisher as authzid is refused invalid-authzid, even with its right password', async () => {
  assert.equal(await signInRefused('agent1', 'agent-pass', PUBLISHER), 'invalid-authzid');
});

test('signing in as finesse itself is refused not-authorized, whatever the directory says', async () => {
  assert.equal(await signInRefused('finesse', 'finesse-pass'), 'not-authorized');
});

test('an agent, and the service account signed in as itself, may neither create nor publish nor delete: auth/forbidden', async () => {
  for (const [username, password] of [['agent1', 'agent-pass'], ['poise_axl', 'service-pass']] as const) {
    const xmpp: XmppClient = await connectClient({ service, domain: D, username, password });
    try {
      for (const request of [
        create('/finesse/api/User/agent2'),
        publish('/finesse/api/User/agent1', '<Update/>'),
        xml('iq', { type: 'set', to: PUBSUB }, xml('pubsub', { xmlns: 'http://jabber.org/protocol/pubsub#owner' }, xml('delete', { node: '/finesse/api/User/agent1' }))),
      ]) {
        const refused = await refusal(xmpp.iqCaller.request(request));
        assert.deepEqual([refused.type, refused.condition], ['auth', 'forbidden'], `${username}: ${request.toString()}`);
      }
    } finally {
      await xmpp.stop();
    }
  }
});

// The web service's XMPP publisher against a real notification service on a socket: the item it stores is the
// `<Update>` as rendered, character for character; updates wait while the link is cut, the oldest dropped past the
// bound; after a restart of the service the nodes are provisioned again; a refused sign-in is retried and never
// publishes; the team map goes whole after sign-in and once per burst of changes; desktops hear the publisher's presence come and go with the link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { XmppClient } from '@xmpp/client';
import { NotifyServer } from '../../../src/notify/notify-server.ts';
import { listenTcp, type TcpListener } from '../../../src/notify/transports/tcp.ts';
import { createRootLogger, silentLogger } from '../../../src/shared/logger.ts';
import { XmppPublisher, type XmppPublisherOptions } from '../../../src/web/publisher/index.ts';
import type { TeamMemberships } from '../../../src/notify/pubsub/team-memberships.ts';
import { freePorts } from '../../support/free-ports.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { updateFeed, type UpdateFeed } from '../../support/update-feed.ts';
import { connectClient, nextStanza, xml } from '../../support/xmpp.ts';

const D = 'node-a.example.net';
const SERVICE_PASSWORD = 'service-pass';
const PASSWORDS: Record<string, string> = { agent1: 'agent-pass', poise_axl: SERVICE_PASSWORD };
const USER_NODE = '/finesse/api/User/agent1';

/** A notification service on a fixed port, so it can be stopped and started again where the publisher looks. */
class NotifyOnPort {
  server!: NotifyServer;
  /** Team maps the publisher sent, in order. */
  readonly teams: TeamMemberships[] = [];
  #tcp: TcpListener | undefined;
  constructor(readonly port: number) {}
  async start(): Promise<void> {
    this.server = new NotifyServer({
      domain: D, log: silentLogger, publisherAccounts: ['poise_axl'], publisherInProcess: false,
      onTeams: (teams) => this.teams.push(teams),
      authenticate: async (userid, password) => PASSWORDS[userid.toLowerCase()] === password,
    });
    this.#tcp = await listenTcp({ host: '127.0.0.1', port: this.port, notify: this.server, log: silentLogger });
  }
  async stop(): Promise<void> {
    this.server.shutdown();
    await this.#tcp?.close();
  }
}

let notify: NotifyOnPort;
let proxy: TcpProxy;

before(async () => {
  const [port] = await freePorts(1);
  notify = new NotifyOnPort(port!);
  await notify.start();
  proxy = await startTcpProxy({ host: '127.0.0.1', port: notify.port });
});
after(async () => {
  await proxy.close();
  await notify.stop();
});

function publisher(overrides: Partial<XmppPublisherOptions> = {}): XmppPublisher {
  return new XmppPublisher({
    service: `xmpp://127.0.0.1:${proxy.port}`, domain: D, account: { userid: 'poise_axl', password: SERVICE_PASSWORD },
    resource: 'poise-web-test', log: silentLogger, retryInitialMs: 20, retryMaxMs: 200, ...overrides,
  });
}

async function agent(): Promise<{ xmpp: XmppClient; feed: UpdateFeed }> {
  const xmpp = await connectClient({ service: `xmpp://127.0.0.1:${notify.port}`, domain: D, username: 'agent1', password: 'agent-pass' });
  const feed = updateFeed(xmpp);
  await xmpp.send(xml('presence'));
  return { xmpp, feed };
}

const update = (first: string) => `<Update><data><user><firstName>${first}</firstName></user></data><event>PUT</event>`
  + `<requestId></requestId><source>${USER_NODE}</source></Update>`;

test('the item stored and delivered is the rendered <Update>, character for character', async () => {
  const desktop = await agent();
  const web = publisher();
  web.start();
  try {
    // What escaping can change: markup and entities, quotes, a CDATA end, non-ASCII, CR LF (a parser makes it LF).
    const tricky = update(`A&amp;B &lt;x&gt; "q" 'a' ]]&gt; é 😀\r\nnext\rline\ttab`);
    web.publish(USER_NODE, tricky);
    const received = await desktop.feed.next((u) => u.node === USER_NODE);
    const stored = notify.server.pubsub.lastItem(USER_NODE);
    assert.ok(stored.ok);
    assert.equal(stored.value?.payload, tricky);
    assert.equal(received.data.getChildText('firstName'), `A&B <x> "q" 'a' ]]> é 😀\nnext\nline\ttab`);
  } finally {
    await web.close();
    await desktop.xmpp.stop();
  }
});

test('while the link is cut updates wait, past the bound the oldest are dropped, and the rest arrive in order', async () => {
  const desktop = await agent();
  const web = publisher({ maxQueued: 3 });
  web.start();
  try {
    await web.idle();
    const down = new Promise<void>((resolve) => web.onLinkChange((up) => { if (!up) resolve(); }));
    await proxy.cut();
    await down;
    for (const n of [1, 2, 3, 4, 5]) web.publish(USER_NODE, update(`queued-${n}`));
    assert.equal(web.queued, 3);
    await proxy.restore();
    await desktop.feed.next((u) => u.data.getChildText('firstName') === 'queued-5');
    const names = desktop.feed.received.map((u) => u.data.getChildText('firstName'));
    assert.deepEqual(names, ['queued-3', 'queued-4', 'queued-5']);
  } finally {
    await web.close();
    await desktop.xmpp.stop();
  }
});

test('after the notification service restarts, the publisher signs in again and provisions its nodes again', async () => {
  const web = publisher();
  web.start();
  const teamNode = '/finesse/api/Team/22/Users';
  let desktop = await agent();
  try {
    web.createNode(teamNode);
    web.publish(USER_NODE, update('before'));
    await desktop.feed.next((u) => u.data.getChildText('firstName') === 'before');
    assert.ok(notify.server.pubsub.hasNode(teamNode));
    await desktop.xmpp.stop();
    await notify.stop();
    await notify.start(); // a new service: no nodes, no sessions
    assert.equal(notify.server.pubsub.hasNode(teamNode), false);
    desktop = await agent();
    web.publish(USER_NODE, update('after'));
    await desktop.feed.next((u) => u.data.getChildText('firstName') === 'after');
    assert.ok(notify.server.pubsub.hasNode(teamNode));
  } finally {
    await web.close();
    await desktop.xmpp.stop();
  }
});

test('a refused sign-in is retried with back-off and publishes nothing', async () => {
  const refusals: unknown[] = [];
  let twice: () => void = () => {};
  const retried = new Promise<void>((resolve) => { twice = resolve; });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
        if (entry.msg === 'notification service unreachable or sign-in refused; retrying') refusals.push(entry.err?.message);
      }
      if (refusals.length >= 2) twice();
      done();
    },
  });
  const web = publisher({ account: { userid: 'poise_axl', password: 'wrong-pass' }, log: createRootLogger('warn', sink) });
  web.start();
  try {
    web.publish('/finesse/api/User/agent1/Dialogs', update('never'));
    await retried;
    assert.match(String(refusals[0]), /not-authorized/);
    assert.equal(web.connected, false);
    assert.equal(web.queued, 1);
    assert.equal(notify.server.pubsub.hasNode('/finesse/api/User/agent1/Dialogs'), false);
  } finally {
    await web.close();
  }
});

test('desktops hear finesse available while the link is up, unavailable when it is cut, and available again', async () => {
  const desktop = await agent();
  const web = publisher();
  const from = `finesse@${D}/poise-web-test`;
  const presence = (type: string | undefined) => nextStanza(desktop.xmpp, (s) => s.is('presence') && s.attrs.from === from && s.attrs.type === type);
  try {
    const up = presence(undefined);
    web.start();
    await up;
    const down = presence('unavailable');
    await proxy.cut();
    await down;
    const back = presence(undefined);
    await proxy.restore();
    await back;
    // A desktop signing in now gets the publisher's presence from its link, not from a web in notify's process.
    const late = await connectClient({ service: `xmpp://127.0.0.1:${notify.port}`, domain: D, username: 'agent1', password: 'agent-pass', resource: 'late' });
    try {
      const told = nextStanza(late, (s) => s.is('presence') && String(s.attrs.from).startsWith('finesse@'));
      await late.send(xml('presence'));
      assert.equal((await told).attrs.from, from);
    } finally {
      await late.stop();
    }
  } finally {
    await web.close();
    await desktop.xmpp.stop();
  }
});

test('the team map goes whole after sign-in, and once more for a burst of changes', async () => {
  const teams = new Map([['2', { agents: ['agent1'], supervisors: ['supervisor1'] }]]);
  const sentBefore = notify.teams.length;
  const web = publisher();
  web.shareTeams(() => teams);
  web.start();
  try {
    await web.idle();
    assert.deepEqual(notify.teams.slice(sentBefore), [teams]);
    const afterSignIn = notify.teams.length;
    teams.set('3', { agents: ['agent6'], supervisors: ['supervisor2'] });
    web.teamsChanged();
    teams.get('2')?.agents.push('agent2');
    web.teamsChanged();
    web.teamsChanged();
    await web.idle();
    assert.equal(notify.teams.length, afterSignIn + 1);
    assert.deepEqual(notify.teams.at(-1), new Map([
      ['2', { agents: ['agent1', 'agent2'], supervisors: ['supervisor1'] }], ['3', { agents: ['agent6'], supervisors: ['supervisor2'] }],
    ]));
  } finally {
    await web.close();
  }
});

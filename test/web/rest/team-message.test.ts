// TeamMessage (rest-api.md §5.3) over one node: a supervisor sends to its team, the team's agents read it, the
// team's node carries POST and DELETE with the requestId, refusals store and publish nothing, and a message goes
// away when its duration is up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, AGENT, SUPERVISOR, apiErrorOf, childNames, expectRefused, startWebNode, type WebFixture, demoTeamIds } from '../../support/web.ts';

const body = (content: string, duration: string | number, teams: readonly (string | number)[]) =>
  `<TeamMessage><content>${content}</content><duration>${duration}</duration>`
  + `<teams>${teams.map((t) => `<team>${t}</team>`).join('')}</teams></TeamMessage>`;

describe('TeamMessage', () => {
  let fx: WebFixture;
  let sales: number;
  let support: number;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.teams.whenBuilt();
    ({ sales, support } = demoTeamIds(fx));
    assert.ok(sales > 0 && support > 0);
  });
  after(async () => { await fx.close(); });

  const salesNode = () => `/finesse/api/Team/${sales}/TeamMessages`;

  /** POSTs as `as`, expects 200 with a Location, and returns the new message's id. */
  async function send(as: string, xml: string, requestId: string): Promise<string> {
    const res = await fx.call('POST', '/TeamMessage', { as, body: xml, headers: { requestId } });
    assert.equal(res.status, 200, res.text);
    const id = /\/finesse\/api\/TeamMessage\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1];
    assert.ok(id, `Location: ${res.headers.get('location')}`);
    return id;
  }

  test('a supervisor sends to its team: the message, its POST on the team node, and the team\'s list', async () => {
    const before = Math.floor(Date.now() / 1000);
    const id = await send(SUPERVISOR, body('Huddle at 10 &amp; coffee', 900, [sales]), 'tm-1');
    const res = await fx.call('GET', `/TeamMessage/${id}`, { as: AGENT });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(childNames(res.xml), ['content', 'createdAt', 'createdBy', 'duration', 'id', 'teams', 'uri']);
    assert.equal(res.xml?.getChildText('content'), 'Huddle at 10 & coffee');
    assert.equal(res.xml?.getChildText('duration'), '900');
    assert.equal(res.xml?.getChildText('id'), id);
    assert.equal(res.xml?.getChildText('uri'), `/finesse/api/TeamMessage/${id}`);
    assert.deepEqual(res.xml?.getChild('teams')?.getChildElements().map((t) => [t.getName(), t.getText()]), [['team', String(sales)]]);
    assert.deepEqual(childNames(res.xml?.getChild('createdBy')), ['firstName', 'id', 'lastName']);
    assert.equal(res.xml?.getChild('createdBy')?.getChildText('id'), SUPERVISOR);
    const json = await fx.call('GET', `/TeamMessage/${id}`, { as: AGENT, accept: 'application/json' });
    assert.deepEqual(JSON.parse(json.text).TeamMessage.teams, { team: [String(sales)] }, json.text);
    const createdAt = Number(res.xml?.getChildText('createdAt'));
    assert.ok(createdAt >= before - 1 && createdAt <= Date.now() / 1000, `createdAt ${createdAt} in epoch seconds`);

    const update = await fx.web.publisher.waitFor((u) => u.node === salesNode() && u.xml.includes('<requestId>tm-1</requestId>'));
    assert.match(update.xml, new RegExp(`^<Update><data><teamMessages><TeamMessage><content>Huddle at 10 &amp; coffee</content>.*<id>${id}</id>`));
    assert.match(update.xml, new RegExp(`</teamMessages></data><event>POST</event><requestId>tm-1</requestId><source>${salesNode()}</source></Update>$`));
    assert.ok(!fx.web.publisher.updates.some((u) => u.node === `/finesse/api/Team/${support}/TeamMessages` && u.xml.includes(id)));

    for (const as of [AGENT, SUPERVISOR, ADMIN]) {
      const listed = await fx.call('GET', `/Team/${sales}/TeamMessages`, { as });
      assert.equal(listed.status, 200, listed.text);
      assert.equal(listed.xml?.getName(), 'TeamMessages');
      assert.ok(listed.xml?.getChildElements().some((m) => m.getChildText('id') === id), as);
    }
    const empty = await fx.call('GET', `/Team/${support}/TeamMessages`, { as: 'agent6' });
    assert.equal(empty.status, 200);
    assert.equal(empty.text.endsWith('<TeamMessages/>'), true, empty.text);
  });

  test('an administrator sends to several teams: one POST on each team\'s node', async () => {
    const id = await send(ADMIN, body('Fire drill', 300, [support, sales, sales]), 'tm-admin');
    for (const team of [sales, support]) {
      await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/Team/${team}/TeamMessages` && u.xml.includes('<requestId>tm-admin</requestId>'));
    }
    const res = await fx.call('GET', `/TeamMessage/${id}`, { as: 'agent6' });
    assert.deepEqual(res.xml?.getChild('teams')?.getChildElements().map((t) => Number(t.getText())), [sales, support].sort((a, b) => a - b));
    // the same as JSON (rest-api.md §11 E1)
    const json = await fx.call('POST', '/TeamMessage', {
      as: ADMIN, contentType: 'application/json',
      body: JSON.stringify({ TeamMessage: { content: 'From JSON', duration: 120, teams: { team: [support] } } }),
    });
    assert.equal(json.status, 200, json.text);
    const created = await fx.call('GET', new URL(json.headers.get('location') ?? '').pathname.replace('/finesse/api', ''), { as: 'agent6' });
    assert.equal(created.xml?.getChildText('content'), 'From JSON');
  });

  test('reading another team\'s messages: an agent 401, a supervisor 403; unknown team or message 404', async () => {
    const id = await send(SUPERVISOR, body('Sales only', 600, [sales]), 'tm-private');
    assert.equal((await fx.call('GET', `/TeamMessage/${id}`, { as: 'agent6' })).status, 401);
    assert.equal((await fx.call('GET', `/TeamMessage/${id}`, { as: 'supervisor2' })).status, 403);
    assert.equal((await fx.call('GET', `/Team/${sales}/TeamMessages`, { as: 'agent6' })).status, 401);
    const other = await fx.call('GET', `/Team/${sales}/TeamMessages`, { as: 'supervisor2' });
    assert.equal(other.status, 403);
    assert.equal(apiErrorOf(other).ErrorType, 'Invalid Supervisor');
    assert.equal((await fx.call('GET', '/Team/999999/TeamMessages', { as: ADMIN })).status, 404);
    assert.equal((await fx.call('GET', '/TeamMessage/00000000-0000-4000-8000-000000000000', { as: ADMIN })).status, 404);
    assert.equal((await fx.call('GET', '/TeamMessage/not-a-uuid', { as: ADMIN })).status, 404);
  });

  test('refused sends: nothing stored, nothing published, the next request served', async () => {
    const published = fx.web.publisher.updates.length;
    const refusals: Array<[string, string, { status: number; errorType: string; errorData?: string }]> = [
      [AGENT, body('Hi', 60, [sales]), { status: 401, errorType: 'Invalid Authorization User Specified' }],
      [SUPERVISOR, body('Hi', 60, [support]), { status: 403, errorType: 'Invalid Supervisor' }],
      [SUPERVISOR, body('Hi', 60, [sales, support]), { status: 403, errorType: 'Invalid Supervisor' }],
      [SUPERVISOR, body('Hi', 60, [999_999]), { status: 404, errorType: 'Not Found', errorData: '999999' }],
      [ADMIN, body('Hi', 60, ['x']), { status: 400, errorType: 'Invalid Input', errorData: 'team' }],
      [SUPERVISOR, body('x'.repeat(256), 60, [sales]), { status: 400, errorType: 'Invalid Input', errorData: 'content' }],
      [SUPERVISOR, body('', 60, [sales]), { status: 400, errorType: 'Parameter Missing', errorData: 'content' }],
      [SUPERVISOR, body('Hi', 0, [sales]), { status: 400, errorType: 'Invalid Input', errorData: 'duration' }],
      [SUPERVISOR, body('Hi', 86_401, [sales]), { status: 400, errorType: 'Invalid Input', errorData: 'duration' }],
      [SUPERVISOR, body('Hi', '1.5', [sales]), { status: 400, errorType: 'Invalid Input', errorData: 'duration' }],
      [SUPERVISOR, body('Hi', '', [sales]), { status: 400, errorType: 'Parameter Missing', errorData: 'duration' }],
      [SUPERVISOR, body('Hi', 60, []), { status: 400, errorType: 'Parameter Missing', errorData: 'teams' }],
      [SUPERVISOR, '<TeamMessage><content>Hi', { status: 400, errorType: 'Bad Request' }],
      [SUPERVISOR, '<Team><content>Hi</content></Team>', { status: 400, errorType: 'Invalid Input' }],
    ];
    for (const [as, xml, expected] of refusals) await expectRefused(fx, 'POST', '/TeamMessage', { as, body: xml }, expected);
    assert.equal(fx.web.publisher.updates.length, published, 'nothing published');
    // the limits themselves are accepted: 255 characters (not bytes), 1 s and 86,400 s
    await send(SUPERVISOR, body('é'.repeat(255), 86_400, [sales]), 'tm-limit');
  });

  test('DELETE: the sender\'s supervisor or an administrator; a DELETE on the team node; then 404', async () => {
    const id = await send(SUPERVISOR, body('Lunch moved', 600, [sales]), 'tm-del');
    await expectRefused(fx, 'DELETE', `/TeamMessage/${id}`, { as: AGENT }, { status: 401, errorType: 'Invalid Authorization User Specified' });
    await expectRefused(fx, 'DELETE', `/TeamMessage/${id}`, { as: 'supervisor2' }, { status: 403, errorType: 'Invalid Supervisor' });
    const res = await fx.call('DELETE', `/TeamMessage/${id}`, { as: SUPERVISOR, headers: { requestId: 'tm-del-2' } });
    assert.equal(res.status, 200, res.text);
    const update = await fx.web.publisher.waitFor((u) => u.node === salesNode() && u.xml.includes('<requestId>tm-del-2</requestId>'));
    assert.match(update.xml, new RegExp(`<id>${id}</id>.*<event>DELETE</event>`));
    assert.equal((await fx.call('GET', `/TeamMessage/${id}`, { as: AGENT })).status, 404);
    assert.equal((await fx.call('DELETE', `/TeamMessage/${id}`, { as: SUPERVISOR })).status, 404);
    const listed = await fx.call('GET', `/Team/${sales}/TeamMessages`, { as: AGENT });
    assert.ok(!listed.xml?.getChildElements().some((m) => m.getChildText('id') === id));
  });

  test('a message ends on its own when its duration is up: a DELETE on the node, gone from REST and the store', async () => {
    const id = await send(SUPERVISOR, body('Short one', 1, [sales]), 'tm-short');
    assert.equal((await fx.call('GET', `/TeamMessage/${id}`, { as: AGENT })).status, 200);
    const ended = await fx.web.publisher.waitFor((u) => u.node === salesNode() && u.xml.includes(`<id>${id}</id>`) && u.xml.includes('<event>DELETE</event>'));
    assert.match(ended.xml, /<requestId><\/requestId>/);
    assert.equal((await fx.call('GET', `/TeamMessage/${id}`, { as: AGENT })).status, 404);
    const listed = await fx.call('GET', `/Team/${sales}/TeamMessages`, { as: AGENT });
    assert.ok(!listed.xml?.getChildElements().some((m) => m.getChildText('id') === id));
    assert.equal(await fx.web.store.teamMessages.remove(id), undefined, 'the row is gone');
  });
});

// Team assignments (rest-api.md §6.1, §6.2, §7 team lists) and GET /Teams (§5.1): the administrator assigns team-only
// reason codes, wrap-up reasons, TEAM phone books and workflows to a team; that team's users (and its TeamResource)
// get them next to the global items, another team's do not; deleting an item removes its assignments; refusals
// change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, AGENT, SUPERVISOR, apiErrorOf, childNames, demoTeamIds, expectRefused, startWebNode, type WebFixture,
} from '../../support/web.ts';

const OTHER_AGENT = 'agent6'; // of Support
const pathOf = (location: string | null): string => (location ?? '').replace(/^.*\/finesse\/api/, '');
const refs = (wrapper: string, item: string, uris: readonly string[]) =>
  `<${wrapper}>${uris.map((u) => `<${item}><uri>${u}</uri></${item}>`).join('')}</${wrapper}>`;
const WORKFLOW = (name: string) => `<Workflow><name>${name}</name><TriggerSet><type>EVENT</type><triggers><Trigger><Variable>`
  + '<name>callType</name><node>//Dialog/mediaProperties/callType</node><type>SYSTEM</type></Variable>'
  + '<comparator>IS_EQUAL</comparator><value>ACD_IN</value></Trigger></triggers></TriggerSet></Workflow>';

describe('team assignments', () => {
  let fx: WebFixture;
  let sales: number;
  let support: number;
  const uri = { teamNotReady: '', teamLogout: '', globalNotReady: '', teamWrapUp: '', globalWrapUp: '', teamBook: '', globalBook: '', workflow: '' };

  const create = async (path: string, body: string): Promise<string> => {
    const res = await fx.call('POST', path, { as: ADMIN, body });
    assert.equal(res.status, 200, res.text);
    return `/finesse/api${pathOf(res.headers.get('location'))}`;
  };
  /** The labels (or names) of a list, in order. */
  const listed = async (path: string, as: string): Promise<string[]> => {
    const res = await fx.call('GET', path, { as });
    assert.equal(res.status, 200, `${path}: ${res.text}`);
    return res.xml?.getChildElements().map((e) => e.getChildText('label') ?? e.getChildText('name') ?? '') ?? [];
  };
  const put = async (path: string, body: string): Promise<void> => {
    const res = await fx.call('PUT', path, { as: ADMIN, body });
    assert.equal(res.status, 200, `${path}: ${res.text}`);
    assert.equal(res.text, '');
  };

  before(async () => {
    fx = await startWebNode();
    await fx.web.teams.whenBuilt();
    ({ sales, support } = demoTeamIds(fx));
    assert.ok(sales > 0 && support > 0);
    const reasonCode = (category: string, code: number, label: string, forAll: boolean) =>
      `<ReasonCode><category>${category}</category><code>${code}</code><label>${label}</label><forAll>${forAll}</forAll></ReasonCode>`;
    uri.teamNotReady = await create('/ReasonCode', reasonCode('NOT_READY', 811, 'Sales huddle', false));
    uri.teamLogout = await create('/ReasonCode', reasonCode('LOGOUT', 812, 'Sales shift end', false));
    uri.globalNotReady = await create('/ReasonCode', reasonCode('NOT_READY', 813, 'Everyone break', true));
    uri.teamWrapUp = await create('/WrapUpReason', '<WrapUpReason><label>Sales upsell</label><forAll>false</forAll></WrapUpReason>');
    uri.globalWrapUp = await create('/WrapUpReason', '<WrapUpReason><label>Everyone resolved</label><forAll>true</forAll></WrapUpReason>');
    uri.teamBook = await create('/PhoneBook', '<PhoneBook><name>Sales partners</name><type>TEAM</type></PhoneBook>');
    uri.globalBook = await create('/PhoneBook', '<PhoneBook><name>Everyone numbers</name><type>GLOBAL</type></PhoneBook>');
    uri.workflow = await create('/Workflow', WORKFLOW('Sales pop'));
  });
  after(async () => { await fx?.close(); });

  test('GET /Teams: every team as id, name, uri for the administrator; 403 for others, 401 without credentials', async () => {
    const res = await fx.call('GET', '/Teams', { as: ADMIN });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.xml?.getName(), 'Teams');
    const teams = res.xml?.getChildElements() ?? [];
    assert.ok(teams.every((t) => t.getName() === 'Team'));
    assert.deepEqual(childNames(teams[0]), ['id', 'name', 'uri']);
    const sales_ = teams.find((t) => t.getChildText('name') === 'Sales');
    assert.deepEqual([sales_?.getChildText('id'), sales_?.getChildText('uri')], [String(sales), `/finesse/api/Team/${sales}`]);
    assert.ok(teams.some((t) => t.getChildText('name') === 'Support'));
    const ids = teams.map((t) => Number(t.getChildText('id')));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    assert.equal(apiErrorOf(await fx.call('GET', '/Teams', { as: AGENT })).ErrorType, 'Forbidden');
    assert.equal((await fx.call('GET', '/Teams', { as: SUPERVISOR })).status, 403);
    assert.equal((await fx.call('GET', '/Teams', { as: null })).status, 401);
  });

  test('nothing assigned: empty team lists; users get the global items alone, and no workflow', async () => {
    const none = await fx.call('GET', `/Team/${sales}/ReasonCodes?category=NOT_READY`, { as: ADMIN });
    assert.equal(none.status, 200, none.text);
    assert.equal(none.xml?.getName(), 'ReasonCodes');
    assert.equal(none.xml?.attrs.category, 'NOT_READY');
    assert.equal(none.xml?.getChildElements().length, 0);
    for (const list of ['WrapUpReasons', 'PhoneBooks', 'Workflows']) assert.deepEqual(await listed(`/Team/${sales}/${list}`, ADMIN), [], list);
    const codes = await listed(`/User/${AGENT}/ReasonCodes?category=NOT_READY`, AGENT);
    assert.ok(codes.includes('Everyone break') && !codes.includes('Sales huddle'), codes.join());
    assert.ok(!(await listed(`/User/${AGENT}/WrapUpReasons`, AGENT)).includes('Sales upsell'));
    assert.ok(!(await listed(`/User/${AGENT}/PhoneBooks`, AGENT)).includes('Sales partners'));
    assert.deepEqual(await listed(`/User/${AGENT}/Workflows`, AGENT), []);
  });

  test('assigned to Sales: Sales users and TeamResource get them next to the global items; Support users do not', async () => {
    await put(`/Team/${sales}/ReasonCodes?category=NOT_READY`, refs('ReasonCodes', 'ReasonCode', [uri.teamNotReady]));
    await put(`/Team/${sales}/ReasonCodes?category=LOGOUT`, refs('ReasonCodes', 'ReasonCode', [uri.teamLogout]));
    // The Location a create answered (an absolute URL) names the item too; a repeated item counts once.
    await put(`/Team/${sales}/WrapUpReasons`, refs('WrapUpReasons', 'WrapUpReason', [`http://127.0.0.1${uri.teamWrapUp}`, uri.teamWrapUp]));
    await put(`/Team/${sales}/PhoneBooks`, refs('PhoneBooks', 'PhoneBook', [uri.teamBook]));
    await put(`/Team/${sales}/Workflows`, refs('Workflows', 'Workflow', [uri.workflow]));

    const assigned = await fx.call('GET', `/Team/${sales}/ReasonCodes?category=NOT_READY`, { as: ADMIN });
    assert.deepEqual(assigned.xml?.getChildElements().map((rc) => rc.getChildText('uri')), [uri.teamNotReady]);
    assert.deepEqual(childNames(assigned.xml?.getChildElements()[0]), ['category', 'code', 'forAll', 'label', 'systemCode', 'uri']);
    assert.deepEqual(await listed(`/Team/${sales}/ReasonCodes?category=LOGOUT`, ADMIN), ['Sales shift end'], 'one category leaves the other');
    assert.deepEqual(await listed(`/Team/${sales}/WrapUpReasons`, ADMIN), ['Sales upsell']);
    const books = await fx.call('GET', `/Team/${sales}/PhoneBooks`, { as: ADMIN });
    assert.deepEqual(childNames(books.xml?.getChildElements()[0]), ['uri', 'name', 'type']);
    assert.deepEqual(await listed(`/Team/${sales}/Workflows`, ADMIN), ['Sales pop']);

    const mine = await listed(`/User/${AGENT}/ReasonCodes?category=NOT_READY`, AGENT);
    assert.ok(mine.includes('Sales huddle') && mine.includes('Everyone break'), mine.join());
    assert.ok((await listed(`/User/${AGENT}/ReasonCodes?category=LOGOUT`, AGENT)).includes('Sales shift end'));
    assert.ok((await listed(`/TeamResource/${sales}/ReasonCodes?category=ALL`, AGENT)).includes('Sales shift end'));
    for (const [path, label] of [['WrapUpReasons', 'Sales upsell'], ['PhoneBooks', 'Sales partners'], ['Workflows', 'Sales pop']] as const) {
      assert.ok((await listed(`/User/${AGENT}/${path}`, AGENT)).includes(label), path);
      assert.ok((await listed(`/User/${AGENT}/${path}`, ADMIN)).includes(label), `${path}, read by the administrator`);
      assert.ok((await listed(`/TeamResource/${sales}/${path}`, AGENT)).includes(label), `TeamResource ${path}`);
      assert.ok(!(await listed(`/User/${OTHER_AGENT}/${path}`, OTHER_AGENT)).includes(label), `another team's ${path}`);
      assert.ok(!(await listed(`/TeamResource/${support}/${path}`, OTHER_AGENT)).includes(label), `another team's TeamResource ${path}`);
    }
    const theirs = await listed(`/User/${OTHER_AGENT}/ReasonCodes?category=NOT_READY`, OTHER_AGENT);
    assert.ok(theirs.includes('Everyone break') && !theirs.includes('Sales huddle'), theirs.join());
  });

  test('a state change takes the codes its user gets: Sales\'s code for a Sales agent, not for a Support one', async () => {
    const signIn = async (userid: string, extension: string) => {
      const requestId = `${userid}-in`;
      const res = await fx.call('PUT', `/User/${userid}`, { as: userid, headers: { requestId }, body: `<User><state>LOGIN</state><extension>${extension}</extension></User>` });
      assert.equal(res.status, 202, res.text);
      await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${userid}` && u.xml.includes(`<requestId>${requestId}</requestId>`));
    };
    await signIn(OTHER_AGENT, '1006');
    const id = uri.teamNotReady.replace(/^.*\//, '');
    const notReady = `<User><state>NOT_READY</state><reasonCodeId>${id}</reasonCodeId></User>`;
    const refused = await fx.call('PUT', `/User/${OTHER_AGENT}`, { as: OTHER_AGENT, body: notReady });
    assert.deepEqual([refused.status, apiErrorOf(refused).ErrorType], [400, 'Invalid Input']);
    await signIn(AGENT, '1001');
    const taken = await fx.call('PUT', `/User/${AGENT}`, { as: AGENT, body: notReady, headers: { requestId: 'huddle' } });
    assert.equal(taken.status, 202, taken.text);
    const update = await fx.web.publisher.waitFor((u) => u.node === `/finesse/api/User/${AGENT}` && u.xml.includes('<requestId>huddle</requestId>'));
    assert.match(update.xml, /<label>Sales huddle<\/label>/);
  });

  test('refusals change nothing', async () => {
    const codes = `/Team/${sales}/ReasonCodes?category=NOT_READY`;
    const body = refs('ReasonCodes', 'ReasonCode', []);
    await expectRefused(fx, 'PUT', codes, { as: AGENT, body }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', codes, { as: SUPERVISOR, body }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', codes, { as: null, body }, { status: 401, errorType: 'Authorization Failure' });
    await expectRefused(fx, 'PUT', `/Team/${sales}/Workflows`, { as: { userid: ADMIN, password: 'wrong' }, body: refs('Workflows', 'Workflow', []) },
      { status: 401, errorType: 'Authorization Failure' });
    for (const team of ['999999', 'abc']) {
      await expectRefused(fx, 'PUT', `/Team/${team}/PhoneBooks`, { as: ADMIN, body: refs('PhoneBooks', 'PhoneBook', []) },
        { status: 404, errorType: 'finesse.api.team.team_assignment_invalid_team', errorData: '574' });
    }
    await expectRefused(fx, 'PUT', codes, { as: ADMIN, body: '<ReasonCodes><ReasonCode><uri>' }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'PUT', codes, { as: ADMIN }, { status: 400, errorType: 'Bad Request' });
    await expectRefused(fx, 'PUT', codes, { as: ADMIN, body: refs('WrapUpReasons', 'WrapUpReason', []) }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', `/Team/${sales}/ReasonCodes`, { as: ADMIN, body }, { status: 400, errorType: 'Parameter Missing', errorData: 'category' });
    await expectRefused(fx, 'PUT', `/Team/${sales}/ReasonCodes?category=ALL`, { as: ADMIN, body }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', codes, { as: ADMIN, body: '<ReasonCodes><ReasonCode><label>x</label></ReasonCode></ReasonCodes>' },
      { status: 400, errorType: 'Parameter Missing', errorData: 'uri' });
    await expectRefused(fx, 'PUT', codes, { as: ADMIN, body: refs('ReasonCodes', 'ReasonCode', ['/finesse/api/WrapUpReason/1']) }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', codes, { as: ADMIN, body: refs('ReasonCodes', 'ReasonCode', ['/finesse/api/ReasonCode/999999']) },
      { status: 400, errorType: 'Finesse API Error', errorData: '999999' });
    // A code of the other category, a global code, a global wrap-up reason, a GLOBAL book: none can be assigned.
    await expectRefused(fx, 'PUT', codes, { as: ADMIN, body: refs('ReasonCodes', 'ReasonCode', [uri.teamNotReady, uri.teamLogout]) }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', codes, { as: ADMIN, body: refs('ReasonCodes', 'ReasonCode', [uri.globalNotReady]) }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', `/Team/${sales}/WrapUpReasons`, { as: ADMIN, body: refs('WrapUpReasons', 'WrapUpReason', [uri.globalWrapUp]) }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', `/Team/${sales}/PhoneBooks`, { as: ADMIN, body: refs('PhoneBooks', 'PhoneBook', [uri.globalBook]) }, { status: 400, errorType: 'Invalid Input' });
    // Reading is the administrator's too.
    assert.equal(apiErrorOf(await fx.call('GET', `/Team/${sales}/Workflows`, { as: AGENT })).ErrorType, 'Forbidden');
    assert.equal((await fx.call('GET', `/Team/${sales}/PhoneBooks`, { as: SUPERVISOR })).status, 403);
    assert.equal(apiErrorOf(await fx.call('GET', '/Team/999999/WrapUpReasons', { as: ADMIN })).ErrorData, '574');
    assert.deepEqual(await listed(`/Team/${sales}/ReasonCodes?category=NOT_READY`, ADMIN), ['Sales huddle']);
  });

  test('an item deleted, or made global, leaves every team; an empty list clears the team\'s', async () => {
    const rows = async (table: string): Promise<number> => ((await fx.dumpWebTables()) as Record<string, unknown[]>)[table]?.length ?? -1;
    await put(`/Team/${support}/PhoneBooks`, refs('PhoneBooks', 'PhoneBook', [uri.teamBook]));
    assert.equal(await rows('web_team_phone_book'), 2);
    assert.equal((await fx.call('DELETE', pathOf(uri.teamBook), { as: ADMIN })).status, 200);
    assert.equal(await rows('web_team_phone_book'), 0);
    assert.deepEqual(await listed(`/Team/${sales}/PhoneBooks`, ADMIN), []);

    assert.equal((await fx.call('DELETE', pathOf(uri.teamNotReady), { as: ADMIN })).status, 200);
    assert.deepEqual(await listed(`/Team/${sales}/ReasonCodes?category=NOT_READY`, ADMIN), []);
    assert.deepEqual(await listed(`/Team/${sales}/ReasonCodes?category=LOGOUT`, ADMIN), ['Sales shift end']);
    assert.equal((await fx.call('DELETE', pathOf(uri.workflow), { as: ADMIN })).status, 200);
    assert.equal(await rows('web_team_workflow'), 0);

    assert.equal((await fx.call('PUT', pathOf(uri.teamWrapUp), { as: ADMIN, body: '<WrapUpReason><forAll>true</forAll></WrapUpReason>' })).status, 200);
    assert.equal(await rows('web_team_wrap_up_reason'), 0);
    assert.ok((await listed(`/User/${OTHER_AGENT}/WrapUpReasons`, OTHER_AGENT)).includes('Sales upsell'), 'global now');

    await put(`/Team/${sales}/ReasonCodes?category=LOGOUT`, refs('ReasonCodes', 'ReasonCode', []));
    assert.equal(await rows('web_team_reason_code'), 0);
  });
});

// TeamResource (rest-api.md §5.2): a team's members read the lists assigned to the team; another team's agent 401,
// another team's supervisor 403, an unknown team 404 TeamId Not Found; 416 past 6000 contacts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contacts } from '../../../src/web/schema.ts';
import { ADMIN, AGENT, SUPERVISOR, apiErrorOf, childNames, startWebNode, type WebFixture } from '../../support/web.ts';

describe('TeamResource', () => {
  let fx: WebFixture;
  let sales: number;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.teams.whenBuilt();
    sales = fx.web.teams.teams().find((t) => t.name === 'Sales')?.id ?? 0;
    assert.ok(sales > 0);
  });
  after(async () => { await fx.close(); });

  test('ReasonCodes by category: the global codes, for the team\'s agent, supervisor and the administrator', async () => {
    for (const as of [AGENT, SUPERVISOR, ADMIN]) {
      const res = await fx.call('GET', `/TeamResource/${sales}/ReasonCodes?category=NOT_READY`, { as });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.xml?.getName(), 'ReasonCodes');
      assert.equal(res.xml?.attrs.category, 'NOT_READY');
      const user = await fx.call('GET', `/User/${AGENT}/ReasonCodes?category=NOT_READY`, { as: AGENT });
      assert.equal(res.text, user.text, 'the same codes as the user list');
    }
    const logout = await fx.call('GET', `/TeamResource/${sales}/ReasonCodes?category=LOGOUT`, { as: AGENT });
    assert.deepEqual(logout.xml?.getChildElements().map((rc) => rc.getChildText('category')), ['LOGOUT', 'LOGOUT']);
    const all = await fx.call('GET', `/TeamResource/${sales}/ReasonCodes?category=ALL&nocache=1`, { as: AGENT });
    assert.equal(all.xml?.attrs.category, 'ALL');
    assert.ok((all.xml?.getChildElements().length ?? 0) > (logout.xml?.getChildElements().length ?? 0));
    const missing = await fx.call('GET', `/TeamResource/${sales}/ReasonCodes`, { as: AGENT });
    assert.equal(apiErrorOf(missing).ErrorType, 'Parameter Missing');
    assert.equal((await fx.call('GET', `/TeamResource/${sales}/ReasonCodes?category=BUSY`, { as: AGENT })).status, 400);
  });

  test('WrapUpReasons, MediaPropertiesLayouts, Workflows and Layout', async () => {
    const wrapUps = await fx.call('GET', `/TeamResource/${sales}/WrapUpReasons`, { as: AGENT });
    assert.equal(wrapUps.xml?.getName(), 'WrapUpReasons');
    assert.equal(wrapUps.xml?.getChildElements().length, 4);
    const layouts = await fx.call('GET', `/TeamResource/${sales}/MediaPropertiesLayouts`, { as: AGENT });
    assert.equal(layouts.xml?.getName(), 'MediaPropertiesLayouts');
    assert.equal(layouts.xml?.getChildElements()[0]?.getChildText('type'), 'DEFAULT');
    const workflows = await fx.call('GET', `/TeamResource/${sales}/Workflows`, { as: AGENT });
    assert.equal(workflows.status, 200, workflows.text);
    assert.equal(workflows.xml?.getName(), 'Workflows');
    const layout = await fx.call('GET', `/TeamResource/${sales}/Layout`, { as: AGENT });
    assert.deepEqual(childNames(layout.xml), ['uri', 'useDefault', 'layoutxml']);
    assert.equal(layout.xml?.getChildText('useDefault'), 'true');
    assert.match(layout.xml?.getChildText('layoutxml') ?? '', /^<finesseLayout/);
  });

  test('PhoneBooks: the global books with their contacts; 416 past 6000 contacts', async () => {
    const created = await fx.call('POST', '/PhoneBook', { as: ADMIN, body: '<PhoneBook><name>Partners</name><type>GLOBAL</type></PhoneBook>' });
    assert.equal(created.status, 200, created.text);
    const bookId = Number(created.headers.get('location')?.split('/').pop());
    await fx.call('POST', '/PhoneBook', { as: ADMIN, body: '<PhoneBook><name>Sales desk</name><type>TEAM</type></PhoneBook>' });
    const contact = await fx.call('POST', `/PhoneBook/${bookId}/Contacts`, {
      as: ADMIN, body: '<Contact><firstName>Ana</firstName><lastName>Silva</lastName><phoneNumber>4001</phoneNumber></Contact>',
    });
    assert.equal(contact.status, 200, contact.text);
    const books = await fx.call('GET', `/TeamResource/${sales}/PhoneBooks`, { as: AGENT });
    assert.equal(books.status, 200, books.text);
    const partners = books.xml?.getChildElements().find((b) => b.getChildText('name') === 'Partners');
    assert.deepEqual(childNames(partners), ['uri', 'name', 'type', 'contacts']);
    assert.deepEqual(partners?.getChild('contacts')?.getChildElements().map((c) => c.getChildText('phoneNumber')), ['4001']);
    assert.ok(!books.xml?.getChildElements().some((b) => b.getChildText('type') === 'TEAM'));

    // Straight into the table, a thousand rows a statement: the limit is what is tested, not how contacts are added.
    const more = Array.from({ length: 6_000 }, (_, i) => ({ phoneBookId: bookId, firstName: '', lastName: `L${i}`, phoneNumber: `9${i}`, description: '' }));
    for (let i = 0; i < more.length; i += 1_000) await fx.node.store.db.insert(contacts).values(more.slice(i, i + 1_000));
    const over = await fx.call('GET', `/TeamResource/${sales}/PhoneBooks`, { as: AGENT });
    assert.equal(over.status, 416);
    assert.deepEqual([apiErrorOf(over).ErrorType, apiErrorOf(over).ErrorData], ['Range Not Satisfiable', '6001']);
  });

  test('another team\'s agent 401, another team\'s supervisor 403, an unknown team 404 TeamId Not Found', async () => {
    for (const path of ['ReasonCodes?category=NOT_READY', 'WrapUpReasons', 'PhoneBooks', 'Workflows', 'MediaPropertiesLayouts', 'Layout']) {
      assert.equal((await fx.call('GET', `/TeamResource/${sales}/${path}`, { as: 'agent6' })).status, 401, path);
      const other = await fx.call('GET', `/TeamResource/${sales}/${path}`, { as: 'supervisor2' });
      assert.equal(other.status, 403, path);
      assert.equal(apiErrorOf(other).ErrorType, 'Invalid Supervisor');
      const unknown = await fx.call('GET', `/TeamResource/999999/${path}`, { as: AGENT });
      assert.equal(unknown.status, 404, path);
      assert.deepEqual([apiErrorOf(unknown).ErrorType, apiErrorOf(unknown).ErrorData], ['TeamId Not Found', '999999']);
    }
    assert.equal(apiErrorOf(await fx.call('GET', '/TeamResource/abc/WrapUpReasons', { as: ADMIN })).ErrorType, 'TeamId Not Found');
    assert.equal((await fx.call('GET', `/TeamResource/${sales}/WrapUpReasons`, { as: null })).status, 401);
  });
});

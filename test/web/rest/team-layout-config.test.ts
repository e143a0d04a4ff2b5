// TeamLayoutConfig (rest-api.md §7): a team with nothing stored uses the default; an administrator stores a team's
// own layout, which its members then read here and through /TeamResource/{id}/Layout while other teams keep the
// default; `useDefault` true ignores `layoutxml`; refusals leave the stored layout as it was.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, AGENT, SUPERVISOR, apiErrorOf, childNames, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

const OWN_LAYOUT = '<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role><page/></layout></finesseLayout>';
const escapeXml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const body = (useDefault: string, layoutXml?: string): string =>
  `<TeamLayoutConfig><useDefault>${useDefault}</useDefault>${layoutXml === undefined ? '' : `<layoutxml>${escapeXml(layoutXml)}</layoutxml>`}</TeamLayoutConfig>`;

describe('TeamLayoutConfig', () => {
  let fx: WebFixture;
  let sales: number;
  let support: number;
  let defaultLayout: string;

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    await fx.web.teams.whenBuilt();
    sales = fx.web.teams.teams().find((t) => t.name === 'Sales')?.id ?? 0;
    support = fx.web.teams.teams().find((t) => t.name === 'Support')?.id ?? 0;
    assert.ok(sales > 0 && support > 0);
    defaultLayout = (await fx.call('GET', '/LayoutConfig/default', { as: ADMIN })).xml?.getChildText('layoutxml') ?? '';
    assert.match(defaultLayout, /^<finesseLayout/);
  });
  after(async () => { await fx.close(); });

  const layoutOf = async (path: string, as: string) => {
    const res = await fx.call('GET', path, { as });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.xml?.getName(), 'TeamLayoutConfig');
    assert.deepEqual(childNames(res.xml), ['uri', 'useDefault', 'layoutxml']);
    assert.equal(res.xml?.getChildText('uri'), `/finesse/api${path}`);
    return [res.xml?.getChildText('useDefault'), res.xml?.getChildText('layoutxml')];
  };

  test('a team with nothing stored uses the default, for its agent, its supervisor and the administrator', async () => {
    for (const as of [AGENT, SUPERVISOR, ADMIN]) {
      assert.deepEqual(await layoutOf(`/Team/${sales}/LayoutConfig`, as), ['true', defaultLayout], as);
    }
  });

  test('an administrator stores a team layout; its members read it, the other team keeps the default', async () => {
    assert.equal((await fx.call('PUT', `/Team/${sales}/LayoutConfig`, { as: ADMIN, body: body('false', OWN_LAYOUT) })).status, 200);
    assert.deepEqual(await layoutOf(`/Team/${sales}/LayoutConfig`, AGENT), ['false', OWN_LAYOUT]);
    assert.deepEqual(await layoutOf(`/TeamResource/${sales}/Layout`, AGENT), ['false', OWN_LAYOUT]);
    assert.deepEqual(await layoutOf(`/Team/${support}/LayoutConfig`, 'agent6'), ['true', defaultLayout]);
    assert.deepEqual(await layoutOf(`/TeamResource/${support}/Layout`, 'agent6'), ['true', defaultLayout]);
  });

  test('useDefault true ignores layoutxml, even an invalid one; false brings the stored layout back', async () => {
    assert.equal((await fx.call('PUT', `/Team/${sales}/LayoutConfig`, { as: ADMIN, body: body('true', '<other/>') })).status, 200);
    assert.deepEqual(await layoutOf(`/Team/${sales}/LayoutConfig`, AGENT), ['true', defaultLayout]);
    assert.equal((await fx.call('PUT', `/Team/${sales}/LayoutConfig`, { as: ADMIN, body: body('false', OWN_LAYOUT) })).status, 200);
    assert.deepEqual(await layoutOf(`/TeamResource/${sales}/Layout`, SUPERVISOR), ['false', OWN_LAYOUT]);
  });

  test('refusals change nothing', async () => {
    const path = `/Team/${sales}/LayoutConfig`;
    await expectRefused(fx, 'PUT', path, { as: SUPERVISOR, body: body('true') }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', path, { as: AGENT, body: body('true') }, { status: 403, errorType: 'Forbidden' });
    await expectRefused(fx, 'PUT', path, { as: ADMIN, body: body('false') }, { status: 400, errorType: 'Parameter Missing', errorData: 'layoutxml' });
    await expectRefused(fx, 'PUT', path, { as: ADMIN, body: '<TeamLayoutConfig/>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'useDefault' });
    await expectRefused(fx, 'PUT', path, { as: ADMIN, body: body('maybe', OWN_LAYOUT) }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', path, { as: ADMIN, body: body('false', '<finesseLayout') }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', path, { as: ADMIN, body: body('false', '<other/>') }, { status: 400, errorType: 'Invalid Input' });
    await expectRefused(fx, 'PUT', path, { as: ADMIN, body: `<LayoutConfig><layoutxml>${escapeXml(OWN_LAYOUT)}</layoutxml></LayoutConfig>` }, { status: 400, errorType: 'Invalid Input' });
    const unknown = await fx.call('PUT', '/Team/999999/LayoutConfig', { as: ADMIN, body: body('false', OWN_LAYOUT) });
    assert.deepEqual([unknown.status, apiErrorOf(unknown).ErrorType], [404, 'TeamId Not Found']);
    assert.deepEqual(await layoutOf(path, ADMIN), ['false', OWN_LAYOUT]);
  });

  test('reading: another team\'s agent 401, another team\'s supervisor 403, an unknown team 404', async () => {
    const path = `/Team/${sales}/LayoutConfig`;
    assert.equal((await fx.call('GET', path, { as: 'agent6' })).status, 401);
    assert.equal(apiErrorOf(await fx.call('GET', path, { as: 'supervisor2' })).ErrorType, 'Invalid Supervisor');
    assert.equal(apiErrorOf(await fx.call('GET', '/Team/999999/LayoutConfig', { as: AGENT })).ErrorType, 'TeamId Not Found');
    assert.equal((await fx.call('GET', path, { as: null })).status, 401);
  });
});

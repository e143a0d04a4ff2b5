import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml, type Element } from '../../../src/shared/xml/index.ts';
import type { PublishedUpdate } from '../../../src/web/publisher/index.ts';
import { ADMIN, AGENT, apiErrorOf, childNames, startWebNode, type WebFixture } from '../../support/web.ts';

const USER_NODE = `/finesse/api/User/${AGENT}`;
const USER_CHILDREN = [
  'dialogs', 'extension', 'firstName', 'lastName', 'loginId', 'loginName', 'mediaType', 'pendingState',
  'reasonCodeId', 'roles', 'settings', 'state', 'stateChangeTime', 'teamId', 'teamName', 'uri',
];

const userBody = (state: string, extra = '') => `<User><state>${state}</state>${extra}</User>`;

/** The `<Update>` of a publication, parsed. */
function updateOf(published: PublishedUpdate): Element {
  const parsed = parseXml(published.xml);
  if (!parsed.ok) throw new Error(`unparsable update: ${published.xml}`);
  return parsed.root;
}

describe('User', () => {
  let fx: WebFixture;
  let requestSeq = 0;
  const reasonIds = new Map<string, string>();

  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen();
    for (const category of ['NOT_READY', 'LOGOUT']) {
      const list = await fx.call('GET', `/User/${AGENT}/ReasonCodes?category=${category}`, { as: AGENT });
      for (const rc of list.xml?.getChildElements() ?? []) {
        reasonIds.set(rc.getChildText('label') ?? '', (rc.getChildText('uri') ?? '').replace(/^.*\//, ''));
      }
    }
  });
  after(async () => { await fx.close(); });

  /** PUTs a state change as agent1; expects 202 with an empty body and returns the update carrying its requestId. */
  async function change(body: string): Promise<Element> {
    const requestId = `req-${++requestSeq}`;
    const res = await fx.call('PUT', `/User/${AGENT}`, { as: AGENT, body, headers: { requestId } });
    assert.equal(res.status, 202, res.text);
    assert.equal(res.text, '');
    assert.equal(res.headers.get('requestId'), requestId);
    const update = updateOf(await fx.web.publisher.waitFor((u) => u.node === USER_NODE && u.xml.includes(`<requestId>${requestId}</requestId>`)));
    assert.deepEqual(childNames(update), ['data', 'event', 'requestId', 'source']);
    assert.equal(update.getChildText('event'), 'PUT');
    assert.equal(update.getChildText('source'), USER_NODE);
    return update;
  }

  const userOf = (update: Element): Element => {
    const user = update.getChild('data')?.getChild('user');
    if (!user) throw new Error('the update carries no user');
    return user;
  };

  const refused = async (userid: string, body: string, as: string, status: number, errorType: string, errorData?: string) => {
    const before = fx.web.publisher.updates.length;
    const res = await fx.call('PUT', `/User/${userid}`, { as, body });
    assert.equal(res.status, status, res.text);
    const error = apiErrorOf(res);
    assert.equal(error.ErrorType, errorType);
    if (errorData !== undefined) assert.equal(error.ErrorData, errorData);
    assert.equal(fx.web.publisher.updates.length, before, 'a refused request publishes nothing');
  };

  test('GET a signed-out agent: element order of rest-api.md §3.1', async () => {
    const res = await fx.call('GET', `/User/${AGENT}?nocache=1`, { as: AGENT });
    assert.equal(res.status, 200);
    assert.ok(res.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><User><dialogs>'));
    assert.deepEqual(childNames(res.xml), USER_CHILDREN);
    assert.equal(res.xml?.getChildText('state'), 'LOGOUT');
    assert.equal(res.xml?.getChildText('extension'), '');
    assert.equal(res.xml?.getChildText('reasonCodeId'), '-1');
    assert.equal(res.xml?.getChildText('loginId'), AGENT);
    assert.equal(res.xml?.getChildText('dialogs'), `${USER_NODE}/Dialogs`);
    assert.equal(res.xml?.getChildText('uri'), USER_NODE);
    assert.deepEqual(res.xml?.getChild('roles')?.getChildElements().map((r) => r.getText()), ['Agent']);
    assert.ok(res.text.includes('<pendingState></pendingState>'));
  });

  test('signed out: only LOGIN is allowed', async () => {
    await refused(AGENT, userBody('READY'), AGENT, 400, 'Invalid State');
    await refused(AGENT, userBody('LOGOUT'), AGENT, 400, 'Invalid State');
  });

  test('sign-in needs the agent\'s own extension', async () => {
    await refused(AGENT, userBody('LOGIN'), AGENT, 400, 'Parameter Missing', 'extension');
    await refused(AGENT, userBody('LOGIN', '<extension>1002</extension>'), AGENT, 400, 'Bad Request');
  });

  test('agent1 signs in with 1001: 202, then NOT_READY with reasonCodeId -1', async () => {
    const user = userOf(await change(userBody('LOGIN', '<extension>1001</extension>')));
    assert.equal(user.getChildText('state'), 'NOT_READY');
    assert.equal(user.getChildText('extension'), '1001');
    assert.equal(user.getChildText('reasonCodeId'), '-1');
    const res = await fx.call('GET', `/User/${AGENT}`, { as: AGENT });
    assert.equal(res.xml?.getChildText('state'), 'NOT_READY');
    assert.equal(res.xml?.getChildText('extension'), '1001');
    assert.match(res.xml?.getChildText('stateChangeTime') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test('signing in again keeps the state and still publishes', async () => {
    const user = userOf(await change(`
      <User>
        <state>LOGIN</state>
        <extension>1001</extension>
      </User>`));
    assert.equal(user.getChildText('state'), 'NOT_READY');
  });

  test('READY, then READY again is an invalid transition', async () => {
    assert.equal(userOf(await change(userBody('READY'))).getChildText('state'), 'READY');
    assert.equal((await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml?.getChildText('state'), 'READY');
    await refused(AGENT, userBody('READY'), AGENT, 400, 'Invalid State');
  });

  test('NOT_READY needs a configured reason code', async () => {
    await refused(AGENT, userBody('NOT_READY'), AGENT, 400, 'Parameter Missing', 'finesse.api.reasoncode.require_reasoncode');
    await refused(AGENT, userBody('NOT_READY', '<reasonCodeId>999999</reasonCodeId>'), AGENT, 400, 'Invalid Input');
    const lunch = reasonIds.get('Lunch') ?? '';
    const user = userOf(await change(userBody('NOT_READY', `<reasonCodeId>${lunch}</reasonCodeId>`)));
    assert.equal(user.getChildText('state'), 'NOT_READY');
    assert.equal(user.getChildText('reasonCodeId'), lunch);
    assert.equal(user.getChild('reasonCode')?.getChildText('label'), 'Lunch');
    assert.deepEqual(childNames(user.getChild('reasonCode')), ['category', 'code', 'forAll', 'id', 'label', 'uri']);
    const res = await fx.call('GET', `/User/${AGENT}`, { as: AGENT });
    assert.deepEqual(childNames(res.xml), [...USER_CHILDREN.slice(0, 8), 'reasonCode', ...USER_CHILDREN.slice(8)]);
  });

  test('unknown state, missing state, malformed XML', async () => {
    await refused(AGENT, userBody('SLEEPING'), AGENT, 400, 'Invalid Input');
    await refused(AGENT, '<User><extension>1001</extension></User>', AGENT, 400, 'Parameter Missing', 'state');
    await refused(AGENT, '<User><state>READY</state>', AGENT, 400, 'Bad Request');
    await refused(AGENT, userBody('WORK_READY'), AGENT, 400, 'Invalid State');
  });

  test('agent1 may not act on agent2, nor the administrator on anyone (401)', async () => {
    await refused('agent2', userBody('LOGIN', '<extension>1002</extension>'), AGENT, 401, 'Invalid Authorization User Specified');
    await refused(AGENT, userBody('READY'), ADMIN, 401, 'Invalid Authorization User Specified');
    const read = await fx.call('GET', '/User/agent2', { as: AGENT });
    assert.equal(read.status, 401);
    assert.equal((await fx.call('GET', '/User/agent2', { as: ADMIN })).status, 200, 'the administrator reads any user');
    assert.equal((await fx.call('GET', '/User/nobody', { as: ADMIN })).status, 404);
  });

  test('LOGOUT with a reason code signs the agent out', async () => {
    const shift = reasonIds.get('End of shift') ?? '';
    const user = userOf(await change(userBody('LOGOUT', `<reasonCodeId>${shift}</reasonCodeId>`)));
    assert.equal(user.getChildText('state'), 'LOGOUT');
    assert.equal(user.getChildText('extension'), '');
    assert.equal(user.getChildText('reasonCodeId'), shift);
    assert.equal((await fx.call('GET', `/User/${AGENT}`, { as: AGENT })).xml?.getChildText('state'), 'LOGOUT');
  });

  test('JSON when asked for', async () => {
    const res = await fx.call('GET', `/User/${AGENT}`, { as: AGENT, accept: 'application/json' });
    assert.equal(res.status, 200);
    const body = JSON.parse(res.text) as { User: { loginId: string; state: string } };
    assert.equal(body.User.loginId, AGENT);
    assert.equal(body.User.state, 'LOGOUT');
  });
});

// WrapUpReason, LayoutConfig, SystemInfo, ClientLog and authentication over one test node.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import { ADMIN, AGENT, apiErrorOf, childNames, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

describe('web configuration resources', () => {
  let fx: WebFixture;
  before(async () => {
    fx = await startWebNode();
    await fx.web.cti?.whenOpen(); // SystemInfo is IN_SERVICE once the engine serves CTI (rest-api.md §8)
  });
  after(async () => { await fx.close(); });

  describe('authentication (rest-api.md §1.3)', () => {
    test('wrong password and missing credentials: 401 Authorization Failure, no WWW-Authenticate', async () => {
      const wrong = await fx.call('GET', '/ReasonCode/1', { as: { userid: AGENT, password: 'nope' } });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('www-authenticate'), null);
      assert.deepEqual(apiErrorOf(wrong), {
        order: ['ErrorType', 'ErrorData', 'ErrorMessage'],
        ErrorType: 'Authorization Failure', ErrorData: AGENT, ErrorMessage: 'UNAUTHORIZED',
      });
      const none = await fx.call('GET', '/ReasonCode/1', { as: null });
      assert.equal(none.status, 401);
      assert.equal(apiErrorOf(none).ErrorType, 'Authorization Failure');
      const bearer = await fx.call('GET', '/ReasonCode/1', { as: null, headers: { authorization: 'Bearer abc' } });
      assert.equal(bearer.status, 401);
    });

    test('the read-only AXL service account is no Finesse user', async () => {
      const res = await fx.call('GET', '/ReasonCode/1', { as: 'poise_axl' });
      assert.equal(res.status, 401);
    });

    test('user ids match case-insensitively', async () => {
      assert.equal((await fx.call('GET', '/User/AGENT1/WrapUpReasons', { as: 'Agent1' })).status, 200);
    });

    test('five wrong passwords lock the account; others are still served', async () => {
      for (let i = 0; i < 5; i++) await fx.call('GET', '/ReasonCode/1', { as: { userid: 'agent9', password: 'bad' } });
      assert.equal((await fx.call('GET', '/ReasonCode/1', { as: 'agent9' })).status, 401, 'locked even with the right password');
      assert.equal((await fx.call('GET', '/ReasonCode/1', { as: AGENT })).status, 200);
    });

    test('HTTPS serves the same API', async () => {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        https.get(`${fx.httpsBaseUrl}/SystemInfo`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        }).on('error', reject);
      });
      assert.equal(status, 200);
    });

    test('an unknown URL is a 404 ApiErrors', async () => {
      const res = await fx.call('GET', '/NoSuchThing');
      assert.equal(res.status, 404);
      assert.equal(apiErrorOf(res).ErrorType, 'Not Found');
    });

    test('a body over 2 MiB gets 413 with ApiErrors', async () => {
      const res = await fx.call('POST', '/WrapUpReason', { body: `<WrapUpReason><label>${'x'.repeat(2 * 1024 * 1024)}</label></WrapUpReason>` });
      assert.equal(res.status, 413);
      assert.equal(apiErrorOf(res).ErrorType, 'Maximum Exceeded');
    });
  });

  describe('WrapUpReason (rest-api.md §6.2)', () => {
    test('read by agents, in spec order; written by administrators', async () => {
      const list = await fx.call('GET', `/User/${AGENT}/WrapUpReasons`, { as: AGENT });
      assert.equal(list.status, 200);
      assert.deepEqual(list.xml?.getChildElements().map((c) => c.getChildText('label')), ['Sale made', 'Follow-up needed', 'Resolved', 'Escalated']);
      assert.deepEqual(childNames(list.xml?.getChildElements()[0]), ['forAll', 'label', 'uri']);
      const created = await fx.call('POST', '/WrapUpReason', { body: '<WrapUpReason><label>Billing dispute</label><forAll>true</forAll></WrapUpReason>' });
      assert.equal(created.status, 200);
      const p = (created.headers.get('location') ?? '').replace(/^.*\/finesse\/api/, '');
      assert.equal((await fx.call('GET', p, { as: AGENT })).xml?.getChildText('label'), 'Billing dispute');
      assert.equal((await fx.call('PUT', p, { body: '<WrapUpReason><forAll>false</forAll></WrapUpReason>' })).status, 200);
      assert.equal((await fx.call('GET', p)).xml?.getChildText('forAll'), 'false');
      assert.equal((await fx.call('DELETE', p)).status, 200);
      assert.equal((await fx.call('GET', p)).status, 404);
      assert.equal((await fx.call('GET', '/WrapUpReasons', { accept: 'application/json' })).status, 200);
    });

    test('refusals', async () => {
      await expectRefused(fx, 'POST', '/WrapUpReason', { as: AGENT, body: '<WrapUpReason><label>x</label><forAll>true</forAll></WrapUpReason>' }, { status: 403, errorType: 'Forbidden' });
      await expectRefused(fx, 'POST', '/WrapUpReason', { body: '<WrapUpReason><forAll>true</forAll></WrapUpReason>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'label' });
      await expectRefused(fx, 'POST', '/WrapUpReason', { body: `<WrapUpReason><label>${'é'.repeat(20)}</label><forAll>true</forAll></WrapUpReason>` }, { status: 400, errorType: 'Invalid Input' });
      await expectRefused(fx, 'POST', '/WrapUpReason', { body: '<WrapUpReason><label>resolved</label><forAll>true</forAll></WrapUpReason>' }, { status: 400, errorType: 'Finesse API Error' });
      await expectRefused(fx, 'PUT', '/WrapUpReason/4242', { body: '<WrapUpReason><label>x</label></WrapUpReason>' }, { status: 404, errorType: 'Not Found' });
    });
  });

  describe('LayoutConfig (rest-api.md §7)', () => {
    test('users read the default layout; administrators replace it', async () => {
      const res = await fx.call('GET', '/LayoutConfig/default', { as: AGENT });
      assert.equal(res.status, 200);
      assert.deepEqual(childNames(res.xml), ['uri', 'layoutxml']);
      assert.match(res.text, /<layoutxml>&lt;finesseLayout xmlns="http:\/\/www.cisco.com\/vtg\/finesse"&gt;/);
      const layout = '<finesseLayout xmlns="http://www.cisco.com/vtg/finesse"><layout><role>Agent</role></layout></finesseLayout>';
      const escaped = layout.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
      assert.equal((await fx.call('PUT', '/LayoutConfig/default', { body: `<LayoutConfig><layoutxml>${escaped}</layoutxml></LayoutConfig>` })).status, 200);
      assert.equal((await fx.call('GET', '/LayoutConfig/default')).xml?.getChildText('layoutxml'), layout);
    });

    test('refusals', async () => {
      await expectRefused(fx, 'PUT', '/LayoutConfig/default', { as: AGENT, body: '<LayoutConfig><layoutxml>x</layoutxml></LayoutConfig>' }, { status: 403, errorType: 'Forbidden' });
      await expectRefused(fx, 'PUT', '/LayoutConfig/default', { body: '<LayoutConfig></LayoutConfig>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'layoutxml' });
      await expectRefused(fx, 'PUT', '/LayoutConfig/default', { body: '<LayoutConfig><layoutxml>&lt;finesseLayout</layoutxml></LayoutConfig>' }, { status: 400, errorType: 'Invalid Input' });
      await expectRefused(fx, 'PUT', '/LayoutConfig/default', { body: '<LayoutConfig><layoutxml>&lt;other/&gt;</layoutxml></LayoutConfig>' }, { status: 400, errorType: 'Invalid Input' });
      await expectRefused(fx, 'GET', '/LayoutConfig/7', {}, { status: 404, errorType: 'Not Found' });
    });
  });

  describe('SystemInfo (rest-api.md §8)', () => {
    test('anonymous, IN_SERVICE, elements in spec order', async () => {
      const res = await fx.call('GET', '/SystemInfo', { as: null });
      assert.equal(res.status, 200);
      assert.ok(res.text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><SystemInfo>'));
      assert.deepEqual(childNames(res.xml), [
        'currentTimestamp', 'deploymentType', 'license', 'primaryNode', 'status', 'statusReason', 'systemAuthMode',
        'timezoneOffset', 'uri', 'xmppDomain', 'xmppPubSubDomain',
      ]);
      assert.equal(res.xml?.getChildText('status'), 'IN_SERVICE');
      assert.equal(res.xml?.getChildText('deploymentType'), 'UCCX');
      assert.equal(res.xml?.getChildText('xmppPubSubDomain'), `pubsub.${res.xml?.getChildText('xmppDomain')}`);
      assert.deepEqual(childNames(res.xml?.getChild('primaryNode')), ['host', 'httpsPort', 'xmppPort', 'xmppSecurePort']);
      assert.equal(res.xml?.getChild('primaryNode')?.getChildText('httpsPort'), new URL(fx.httpsBaseUrl).port);
      assert.match(res.xml?.getChildText('currentTimestamp') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });
  });

  describe('ClientLog (rest-api.md §9)', () => {
    test('a user posts its own log: 202, one file', async () => {
      const res = await fx.call('POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: '<ClientLog><logData>line one\nline two</logData></ClientLog>' });
      assert.equal(res.status, 202);
      const files = await readdir(path.join(fx.dataDir, 'clientlogs'));
      assert.equal(files.filter((f) => f.startsWith('agent1-')).length, 1);
    });

    test('refusals', async () => {
      await expectRefused(fx, 'POST', '/User/agent2/ClientLog', { as: AGENT, body: '<ClientLog><logData>x</logData></ClientLog>' }, { status: 401, errorType: 'Invalid Authorization User Specified' });
      await expectRefused(fx, 'POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: '<ClientLog></ClientLog>' }, { status: 400, errorType: 'Parameter Missing', errorData: 'logData' });
      await expectRefused(fx, 'POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: `<ClientLog><logData>${'x'.repeat(1_048_577)}</logData></ClientLog>` }, { status: 400, errorType: 'Invalid Input' });
      await expectRefused(fx, 'GET', `/User/${AGENT}/ClientLog`, { as: AGENT }, { status: 405, errorType: 'Method Not Allowed' });
      assert.equal(ADMIN, 'admin');
    });
  });
});


// Answers that depend on the node (rest-api.md §8, §7, §1.4): while SystemInfo says OUT_OF_SERVICE every other API
// answers 503 and changes nothing; on the secondary node of a pair (its engine standby, CTI served by the peer's
// master) configuration writes answer 403 Forbidden, while reads and the users' own writes are served; the primary
// takes the same writes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { isEngineService } from '../../../src/engine/index.ts';
import { ADMIN, AGENT, apiErrorOf, demoTeamIds, expectRefused, startWebNode, type WebFixture } from '../../support/web.ts';

const SECRET = 'node-guards-secret-0123456789';
const REASON_CODE = (code: number) => `<ReasonCode><category>NOT_READY</category><code>${code}</code><label>Guard ${code}</label><forAll>true</forAll></ReasonCode>`;
const statusOf = async (fx: WebFixture) => (await fx.call('GET', '/SystemInfo', { as: null })).xml?.getChildText('status');

describe('OUT_OF_SERVICE: 503 from every API but SystemInfo', () => {
  let fx: WebFixture;
  before(async () => { fx = await startWebNode({ POISE_WEB_CTI_ENGINES: '127.0.0.1:9' }); }); // nothing listens there
  after(async () => { await fx?.close(); });

  test('SystemInfo answers; reads, writes and anonymous requests get 503 Service Unavailable; nothing changes', async () => {
    assert.equal(await statusOf(fx), 'OUT_OF_SERVICE');
    const before = await fx.dumpWebTables();
    const requests: [string, string, { as?: string | null; body?: string }][] = [
      ['GET', '/ReasonCode/1', { as: ADMIN }], ['GET', `/User/${AGENT}`, { as: AGENT }], ['GET', '/Teams', { as: ADMIN }],
      ['POST', '/ReasonCode', { as: ADMIN, body: REASON_CODE(821) }], ['DELETE', '/ReasonCode/1', { as: ADMIN }],
      ['PUT', `/User/${AGENT}`, { as: AGENT, body: '<User><state>LOGIN</state><extension>1001</extension></User>' }],
      ['POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: '<ClientLog><logData>x</logData></ClientLog>' }],
      ['GET', '/ReasonCode/1', { as: null }],
    ];
    for (const [method, path, options] of requests) {
      const res = await fx.call(method, path, options);
      assert.equal(res.status, 503, `${method} ${path}: ${res.text}`);
      assert.deepEqual(apiErrorOf(res), {
        order: ['ErrorType', 'ErrorData', 'ErrorMessage'], ErrorType: 'Service Unavailable', ErrorData: '', ErrorMessage: 'SERVER_OUT_OF_SERVICE',
      });
    }
    assert.ok(isDeepStrictEqual(await fx.dumpWebTables(), before), 'nothing stored');
    assert.equal(fx.web.publisher.updates.filter((u) => u.node.endsWith('/ClientLog')).length, 0, 'nothing published');
  });
});

describe('a pair: configuration is written on the primary node only', () => {
  let a: WebFixture;   // primary: its engine is master
  let b: WebFixture;   // secondary: its engine standby, its web served by A's engine
  before(async () => {
    a = await startWebNode({ POISE_PEER_HOST: '127.0.0.2', POISE_CLUSTER_SECRET: SECRET });
    const engineA = a.node.services.find(isEngineService);
    assert.ok(engineA);
    b = await startWebNode({
      POISE_ENGINE_ROLE: 'standby', POISE_PUBLIC_HOST: '127.0.0.2', POISE_PEER_HOST: '127.0.0.1', POISE_CLUSTER_SECRET: SECRET,
      POISE_PEER_REPLICATION_PORT: String(engineA.failover.replicationPort), POISE_WEB_CTI_RETRY_MS: '100',
      POISE_WEB_CTI_ENGINES: `local,127.0.0.1:${engineA.ctiPort}`,
    });
    await b.web.cti?.whenOpen();
    await b.web.teams.whenBuilt();
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  test('the secondary is IN_SERVICE and refuses configuration writes with 403 Forbidden, changing nothing', async () => {
    assert.equal(await statusOf(b), 'IN_SERVICE');
    const { sales } = demoTeamIds(b);
    assert.ok(sales > 0);
    const refusals: [string, string, string | undefined][] = [
      ['POST', '/ReasonCode', REASON_CODE(822)],
      ['PUT', '/ReasonCode/1', '<ReasonCode><label>Renamed</label></ReasonCode>'],
      ['DELETE', '/ReasonCode/1', undefined],
      ['POST', '/WrapUpReason', '<WrapUpReason><label>On B</label><forAll>true</forAll></WrapUpReason>'],
      ['POST', '/PhoneBook', '<PhoneBook><name>On B</name><type>GLOBAL</type></PhoneBook>'],
      ['PUT', '/LayoutConfig/default', '<LayoutConfig><layoutxml>x</layoutxml></LayoutConfig>'],
      ['PUT', `/Team/${sales}/ReasonCodes?category=NOT_READY`, '<ReasonCodes/>'],
      ['PUT', `/Team/${sales}/Workflows`, '<Workflows/>'],
      ['PUT', `/Team/${sales}/LayoutConfig`, '<TeamLayoutConfig><useDefault>true</useDefault></TeamLayoutConfig>'],
    ];
    for (const [method, path, body] of refusals) {
      await expectRefused(b, method, path, { as: ADMIN, ...(body === undefined ? {} : { body }) }, { status: 403, errorType: 'Forbidden', errorData: `/finesse/api${path.split('?')[0]}` });
    }
    // Authentication still comes first.
    await expectRefused(b, 'POST', '/ReasonCode', { as: null, body: REASON_CODE(823) }, { status: 401, errorType: 'Authorization Failure' });
  });

  test('the secondary serves reads and the users\' own writes', async () => {
    for (const path of ['/ReasonCodes?category=ALL', '/Teams', '/LayoutConfig/default', `/User/${AGENT}/ReasonCodes?category=NOT_READY`]) {
      assert.equal((await b.call('GET', path, { as: path.startsWith('/User') ? AGENT : ADMIN })).status, 200, path);
    }
    const upload = await b.call('POST', `/User/${AGENT}/ClientLog`, { as: AGENT, body: '<ClientLog><logData>x</logData></ClientLog>' });
    assert.equal(upload.status, 202, upload.text);
  });

  test('the primary takes the same configuration write', async () => {
    const created = await a.call('POST', '/ReasonCode', { as: ADMIN, body: REASON_CODE(822) });
    assert.equal(created.status, 200, created.text);
  });
});

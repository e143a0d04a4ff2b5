import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNTS, basic, CCM_VERSION, envelope, faultOf, returnOf, startAxl, type AxlFixture, type CallOptions } from '../../support/axl.ts';
import { dumpTables } from '../../support/directory.ts';
import { storeBackends } from '../../support/stores.ts';

const VERSION_TEXT = 'Incorrect axl version. Supported axl versions: 11.0, 11.5, 12.0, 12.5, 14.0, 15.0';
const MAX_BODY = 64 * 1024;

for (const backend of storeBackends) {
  describe(`${backend.name}: AXL transport, access and refusals`, () => {
    let axl: AxlFixture;
    before(async () => { axl = await startAxl(backend, { maxBodyBytes: MAX_BODY }); });
    after(() => axl.close());

    const version = async (opts: CallOptions = {}) => {
      const res = await axl.call('<ns:getCCMVersion/>', opts);
      return returnOf(res).getChild('componentVersion')?.getChildText('version');
    };

    test('GET /axl/ says it is running; ?wsdl describes the operations', async () => {
      const page = await fetch(axl.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /AXL service is running/);
      const wsdl = await fetch(`${axl.url}?wsdl`);
      assert.match(wsdl.headers.get('content-type') ?? '', /^text\/xml/);
      const text = await wsdl.text();
      for (const op of ['getCCMVersion', 'addUser', 'listPhone', 'executeSQLQuery', 'doAuthenticateUser']) {
        assert.ok(text.includes(`soapAction="CUCM:DB ver=12.5 ${op}"`), op);
      }
      assert.ok(text.includes(`location="${axl.url}"`));
    });

    test('getCCMVersion: response form, namespace and sequence echoed', async () => {
      const res = await axl.call('<ns:getCCMVersion sequence="42"><processNodeName/></ns:getCCMVersion>');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/xml;charset=UTF-8');
      assert.match(res.text, /^<\?xml version="1.0" encoding="UTF-8"\?><soapenv:Envelope xmlns:soapenv="http:\/\/schemas.xmlsoap.org\/soap\/envelope\/">/);
      assert.ok(res.text.includes('<ns:getCCMVersionResponse xmlns:ns="http://www.cisco.com/AXL/API/12.5" sequence="42">'));
      assert.equal(returnOf(res).getChild('componentVersion')?.getChildText('version'), CCM_VERSION);
    });

    test('every supported version is served in its own namespace; 1.0 without SOAPAction is the oldest', async () => {
      for (const v of ['11.0', '11.5', '12.0', '12.5', '14.0', '15.0']) {
        const res = await axl.call('<ns:getCCMVersion/>', { version: v });
        assert.equal(res.status, 200, v);
        assert.equal(res.body?.getNS(), `http://www.cisco.com/AXL/API/${v}`);
      }
      const versionless = await axl.call('<ns:getCCMVersion/>', { version: '1.0', soapAction: null });
      assert.equal(versionless.status, 200);
      assert.equal(versionless.body?.getNS(), 'http://www.cisco.com/AXL/API/1.0');
      assert.equal(await version({ soapAction: '"CUCM:DB ver=14.0"' }), CCM_VERSION); // differing but supported
    });

    test('unsupported versions get HTTP 599 with Cisco\'s text', async () => {
      for (const opts of [{ version: '10.5' }, { version: '16.0', soapAction: null }, { soapAction: '"CUCM:DB ver=9.1 getCCMVersion"' }]) {
        const res = await axl.call('<ns:getCCMVersion/>', opts);
        assert.equal(res.status, 599, JSON.stringify(opts));
        assert.equal(res.text, VERSION_TEXT);
      }
    });

    test('401 with the Basic challenge: no credentials, wrong password, unknown user, no AXL role', async () => {
      const cases: CallOptions[] = [
        { as: null }, { as: { userid: 'admin', password: 'wrong' } }, { as: { userid: 'ghost', password: 'x' } },
        { as: 'agent' }, { headers: { authorization: 'Bearer abc' } }, { headers: { authorization: 'Basic !!!' } },
      ];
      for (const opts of cases) {
        const res = await axl.call('<ns:getCCMVersion/>', opts);
        assert.equal(res.status, 401, JSON.stringify(opts));
        assert.equal(res.headers.get('www-authenticate'), 'Basic realm="Cisco AXL"');
        assert.equal(res.text, '');
      }
    });

    test('read-only users read, query and authenticate; writes get the read-only fault', async () => {
      assert.equal(await version({ as: 'reader' }), CCM_VERSION);
      assert.equal((await axl.call('<ns:listUser><searchCriteria><userid>%</userid></searchCriteria><returnedTags><userid/></returnedTags></ns:listUser>', { as: 'reader' })).status, 200);
      assert.equal((await axl.call('<ns:executeSQLQuery><sql>select name from device</sql></ns:executeSQLQuery>', { as: 'reader' })).status, 200);
      const auth = await axl.call('<ns:doAuthenticateUser><userid>agent</userid><password>agent-pw</password></ns:doAuthenticateUser>', { as: 'reader' });
      assert.equal(returnOf(auth).getChildText('userAuthenticated'), 'true');
      const before = await dumpTables(axl.store);
      for (const op of ['<ns:addUser><user><userid>x</userid><lastName>X</lastName></user></ns:addUser>',
        '<ns:updateUser><userid>agent</userid><firstName>Y</firstName></ns:updateUser>', '<ns:removeUser><userid>agent</userid></ns:removeUser>',
        '<ns:addLine><line><pattern>1</pattern></line></ns:addLine>']) {
        const fault = faultOf(await axl.call(op, { as: 'reader' }));
        assert.deepEqual([fault.status, fault.faultcode, fault.axlcode, fault.faultstring],
          [500, 'soapenv:Client', 5003, 'Access denied: read-only AXL user']);
      }
      assert.deepEqual(await dumpTables(axl.store), before);
    });

    test('Standard CCM Super Users (an end user here) may write', async () => {
      const res = await axl.call('<ns:addLine><line><pattern>9000</pattern></line></ns:addLine>', { as: 'boss' });
      assert.match(returnOf(res).getText(), /^\{[0-9A-F-]{36}\}$/);
      await axl.call('<ns:removeLine><pattern>9000</pattern></ns:removeLine>', { as: 'boss' });
    });

    const malformed: Array<[string, CallOptions, RegExp]> = [
      ['not XML', { raw: 'hello' }, /^Malformed SOAP request: /],
      ['empty body', { raw: '' }, /the request body is empty/],
      ['billion laughs', { raw: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>' }, /DOCTYPE/],
      ['external entity', { raw: `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${envelope('<ns:getUser><userid>&xxe;</userid></ns:getUser>')}` }, /DOCTYPE/],
      ['processing instruction', { raw: envelope('<?evil x?><ns:getCCMVersion/>') }, /processing instruction/],
      ['deep nesting', { raw: envelope(`<ns:getCCMVersion>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</ns:getCCMVersion>`) }, /nested deeper/],
      ['bad UTF-8', { raw: Buffer.concat([Buffer.from(envelope('<ns:getUser><userid>')), Buffer.from([0xc3, 0x28]), Buffer.from('</userid></ns:getUser>')]) }, /UTF-8/],
      ['undeclared entity', { raw: envelope('<ns:getUser><userid>&nbsp;</userid></ns:getUser>') }, /entity/],
      ['no Body', { raw: '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"/>' }, /exactly one Body/],
      ['empty Body', { raw: envelope('') }, /no operation in the SOAP Body/],
      ['two operations', { raw: envelope('<ns:getCCMVersion/><ns:getCCMVersion/>') }, /exactly one operation/],
      ['SOAP 1.2 envelope', { raw: '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>' }, /SOAP 1.1/],
      ['not an AXL namespace', { raw: envelope('<x:getCCMVersion xmlns:x="urn:other"/>') }, /AXL namespace/],
      ['bad sequence', { raw: envelope('<ns:getCCMVersion sequence="-1"/>') }, /sequence/],
      ['JSON', { raw: '{"op":"getUser"}', headers: { 'content-type': 'application/json' } }, /Malformed/],
      ['oversized body', { raw: envelope(`<ns:getCCMVersion>${'x'.repeat(MAX_BODY)}</ns:getCCMVersion>`) }, /larger than 65536 bytes/],
    ];
    for (const [name, opts, reason] of malformed) {
      test(`malformed: ${name} → 5003 Client fault; nothing changes; the next request works`, async () => {
        const before = await dumpTables(axl.store);
        const fault = faultOf(await axl.call('', { soapAction: null, ...opts }));
        assert.deepEqual([fault.status, fault.faultcode, fault.axlcode], [500, 'soapenv:Client', 5003]);
        assert.match(fault.faultstring, /^Malformed SOAP request: /);
        assert.match(fault.faultstring, reason);
        assert.deepEqual(await dumpTables(axl.store), before);
        assert.equal(await version(), CCM_VERSION);
      });
    }

    test('a fault raised before the Body is read still names the SOAPAction operation', async () => {
      const fault = faultOf(await axl.call('', { raw: 'garbage', soapAction: '"CUCM:DB ver=12.5 getUser"' }));
      assert.equal(fault.request, 'getUser');
    });

    test('operations Poise does not implement, executeSQLUpdate included', async () => {
      const before = await dumpTables(axl.store);
      for (const op of ['addHuntPilot', 'executeSQLUpdate', 'getRoutePartition', 'toString', 'constructor']) {
        const fault = faultOf(await axl.call(`<ns:${op}><sql>delete from enduser</sql></ns:${op}>`));
        assert.deepEqual([fault.status, fault.faultcode, fault.axlcode, fault.faultstring, fault.request],
          [500, 'soapenv:Client', 5003, `Operation ${op} is not supported by Poise`, op]);
      }
      assert.deepEqual(await dumpTables(axl.store), before);
    });

    test('the JSESSIONIDSSO cookie stands in for the Authorization header', async () => {
      const first = await axl.call('<ns:getCCMVersion/>');
      const cookie = /JSESSIONIDSSO=([0-9A-F]+)/.exec(first.headers.get('set-cookie') ?? '')?.[0];
      assert.ok(cookie);
      assert.equal(await version({ as: null, headers: { cookie } }), CCM_VERSION);
      const again = await axl.call('<ns:getCCMVersion/>', { headers: { cookie } });
      assert.equal(again.headers.get('set-cookie'), null); // the live session is kept
      assert.equal((await axl.call('<ns:getCCMVersion/>', { as: null, headers: { cookie: 'JSESSIONIDSSO=FORGED' } })).status, 401);
      assert.equal((await axl.call('<ns:getCCMVersion/>', { as: 'agent', headers: { cookie } })).status, 401); // credentials win
    });

    test('every request is logged with operation, user, outcome and duration, never a secret', async () => {
      axl.logLines.length = 0;
      await axl.call('<ns:doAuthenticateUser><userid>agent</userid><password>agent-pw</password></ns:doAuthenticateUser>');
      await axl.call('<ns:getUser><userid>nobody</userid></ns:getUser>');
      await axl.call('<ns:getCCMVersion/>', { as: { userid: 'admin', password: 'not-this' } });
      const entries = axl.logLines.map((l): Record<string, unknown> => JSON.parse(l));
      const requests = entries.filter((e) => e.msg === 'AXL request');
      assert.deepEqual(requests.map((e) => [e.operation, e.user, e.outcome, e.status]), [
        ['doAuthenticateUser', 'admin', 'ok', 200], ['getUser', 'admin', 'fault 5007', 500], [undefined, 'admin', 'unauthorized', 401],
      ]);
      assert.ok(requests.every((e) => typeof e.durationMs === 'number'));
      const all = axl.logLines.join('\n');
      for (const secret of ['agent-pw', 'not-this', ACCOUNTS.admin.password, basic('admin', 'not-this')]) assert.ok(!all.includes(secret));
    });

    test('an operation that throws: Server fault, logged, and the server keeps serving', async () => {
      const original = axl.directory.listPhones;
      axl.directory.listPhones = async () => { throw new TypeError('a bug'); };
      try {
        const fault = faultOf(await axl.call('<ns:listPhone><searchCriteria><name>%</name></searchCriteria><returnedTags/></ns:listPhone>'));
        assert.deepEqual([fault.status, fault.faultcode, fault.axlcode, fault.request], [500, 'soapenv:Server', 5003, 'listPhone']);
        assert.ok(axl.logLines.some((l) => l.includes('"level":50') && l.includes('a bug')));
      } finally {
        axl.directory.listPhones = original;
      }
      assert.equal((await axl.call('<ns:listPhone><searchCriteria><name>%</name></searchCriteria><returnedTags/></ns:listPhone>')).status, 200);
    });

    test('a failure while authenticating: Server fault, not Fastify JSON', async () => {
      const original = axl.directory.authenticate;
      axl.directory.authenticate = async () => { throw new Error('store unavailable'); };
      try {
        const res = await axl.call('<ns:getCCMVersion/>');
        assert.equal(res.headers.get('content-type'), 'text/xml;charset=UTF-8');
        assert.deepEqual([faultOf(res).status, faultOf(res).faultcode, faultOf(res).request], [500, 'soapenv:Server', 'getCCMVersion']);
      } finally {
        axl.directory.authenticate = original;
      }
    });
  });
}

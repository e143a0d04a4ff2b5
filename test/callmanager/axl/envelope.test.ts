import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRequest } from '../../../src/callmanager/axl/envelope.ts';

const env = (body: string, ns = 'xmlns:ns="http://www.cisco.com/AXL/API/12.5"') =>
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ${ns}><soapenv:Header/><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

test('decodes version, namespace, operation, element and sequence', () => {
  const decoded = decodeRequest(Buffer.from(env('<ns:getUser sequence="9"><userid>a</userid></ns:getUser>')), '"CUCM:DB ver=12.5 getUser"');
  assert.ok(decoded.ok);
  const { version, namespace, operation, element, sequence } = decoded.request;
  assert.deepEqual([version, namespace, operation, sequence], ['12.5', 'http://www.cisco.com/AXL/API/12.5', 'getUser', '9']);
  assert.equal(element.getChildText('userid'), 'a');
});

test('a default namespace on the operation works as well as a prefix', () => {
  const decoded = decodeRequest(env('<getCCMVersion xmlns="http://www.cisco.com/AXL/API/15.0"/>', ''), undefined);
  assert.ok(decoded.ok);
  assert.equal(decoded.request.version, '15.0');
});

test('an unsupported version is a version refusal (HTTP 599), not a fault', () => {
  const decoded = decodeRequest(env('<ns:getUser/>', 'xmlns:ns="http://www.cisco.com/AXL/API/10.5"'), undefined);
  assert.deepEqual(decoded, { ok: false, kind: 'version', operation: 'getUser' });
});

const refusals: Array<[string, string, RegExp]> = [
  ['empty', '', /empty/],
  ['not XML', '<<<', /^Malformed SOAP request: /],
  ['DTD', `<!DOCTYPE x>${env('<ns:getUser/>')}`, /DOCTYPE/],
  ['not an envelope', '<a/>', /not a SOAP 1.1 Envelope/],
  ['no body', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/></soapenv:Envelope>', /exactly one Body/],
  ['empty body', env(''), /no operation/],
  ['text only body', env('getUser'), /no operation/],
  ['two operations', env('<ns:a/><ns:b/>'), /exactly one operation/],
  ['no namespace', env('<getUser/>', ''), /AXL namespace/],
  ['bad sequence', env('<ns:getUser sequence="1e3"/>'), /sequence/],
];
for (const [name, body, reason] of refusals) {
  test(`refuses ${name} with the 5003 Client fault`, () => {
    const decoded = decodeRequest(body, '"CUCM:DB ver=12.5 getPhone"');
    assert.equal(decoded.ok, false);
    if (decoded.ok || decoded.kind !== 'fault') return;
    assert.deepEqual([decoded.fault.faultCode, decoded.fault.axlCode], ['Client', 5003]);
    assert.match(decoded.fault.message, reason);
    assert.ok(decoded.operation === 'getPhone' || decoded.operation === 'getUser' || decoded.operation === 'a');
  });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicate, notFound } from '../../../src/callmanager/axl/faults.ts';
import { renderFault, renderResponse } from '../../../src/callmanager/axl/render.ts';
import { el } from '../../../src/callmanager/axl/xml.ts';

test('a response is ns:{operation}Response in the request namespace with the sequence echoed', () => {
  assert.equal(renderResponse({ operation: 'addUser', namespace: 'http://www.cisco.com/AXL/API/14.0', sequence: '5' }, ['{ABC}']),
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>'
    + '<ns:addUserResponse xmlns:ns="http://www.cisco.com/AXL/API/14.0" sequence="5"><return>{ABC}</return></ns:addUserResponse>'
    + '</soapenv:Body></soapenv:Envelope>');
  assert.match(renderResponse({ operation: 'getUser', namespace: 'urn:x' }, [el('user', { uuid: '{A}' }, el('lastName', {}, 'O<Neil'))]),
    /<ns:getUserResponse xmlns:ns="urn:x"><return><user uuid="\{A\}"><lastName>O&lt;Neil<\/lastName><\/user><\/return>/);
});

test('a fault carries an unprefixed axlError detail (axl.md §3 example)', () => {
  assert.equal(renderFault(duplicate(), 'addUser'),
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>'
    + '<faultcode>soapenv:Client</faultcode>'
    + '<faultstring>Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:).</faultstring>'
    + '<detail><axlError><axlcode>-239</axlcode>'
    + '<axlmessage>Could not insert new row - duplicate value in a UNIQUE INDEX column (Unique Index:).</axlmessage>'
    + '<request>addUser</request></axlError></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>');
  assert.match(renderFault(notFound('User'), undefined), /<faultcode>soapenv:Server<\/faultcode>.*<axlcode>5007<\/axlcode>.*<request><\/request>/);
});

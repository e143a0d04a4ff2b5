import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBody, renderBody, terminateBody } from '../../../../src/notify/transports/bosh/body.ts';

const NS = "xmlns='http://jabber.org/protocol/httpbind'";

test('decodes rid, sid and the stanzas inside', () => {
  const decoded = decodeBody(Buffer.from(`<body rid='2913456004' sid='e1b5' ${NS}><presence xmlns='jabber:client'/><iq xmlns='jabber:client' type='get' id='1'/></body>`), 1024);
  assert.ok(decoded.ok);
  assert.equal(decoded.request.rid, 2913456004);
  assert.equal(decoded.request.sid, 'e1b5');
  assert.deepEqual(decoded.request.payloads.map((p) => p.toString()), ['<presence xmlns="jabber:client"/>', '<iq xmlns="jabber:client" type="get" id="1"/>']);
});

const refused: Array<[string, string, string]> = [
  ['another root', `<iq ${NS} rid='1'/>`, 'bad-request'],
  ['a body outside the namespace', "<body rid='1'/>", 'bad-request'],
  ['a negative rid', `<body ${NS} rid='-1'/>`, 'bad-request'],
  ['a rid past 2^53', `<body ${NS} rid='99999999999999999'/>`, 'bad-request'],
  ['a DTD', `<!DOCTYPE body><body ${NS} rid='1'/>`, 'bad-request'],
  ['too many bytes', `<body ${NS} rid='1'>${' '.repeat(2000)}</body>`, 'policy-violation'],
];
for (const [name, xml, condition] of refused) {
  test(`refuses ${name}: ${condition}`, () => assert.deepEqual(decodeBody(Buffer.from(xml), 1024), { ok: false, condition }));
}

test('renders empty, full and terminal bodies (R6: stream: declared for stream errors)', () => {
  assert.equal(renderBody({}), `<body ${NS}/>`);
  assert.equal(renderBody({ ack: 7 }, ['<presence/>']), `<body ${NS} ack='7'><presence/></body>`);
  assert.equal(terminateBody('item-not-found'), `<body ${NS} type='terminate' condition='item-not-found'/>`);
  assert.equal(terminateBody('remote-stream-error', ['<stream:error/>']),
    `<body ${NS} type='terminate' condition='remote-stream-error' xmlns:stream='http://etherx.jabber.org/streams'><stream:error/></body>`);
});

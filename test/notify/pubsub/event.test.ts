import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalisePayload, renderEvent } from '../../../src/notify/pubsub/event.ts';
import { parseXml } from '../../../src/shared/xml/index.ts';

test('the event message is one line, the Update escaped text, & doubly escaped (§4.1, §4.3)', () => {
  const update = '<Update><data><value>ACME &amp; Sons</value></data><event>PUT</event></Update>';
  const event = renderEvent('pubsub.node-a.example.net', { node: '/finesse/api/User/amoss', id: '0c6e', payload: update });
  const wire = event.to('amoss@node-a.example.net', 'Qm3k8q1z');
  assert.equal(wire, "<message xmlns='jabber:client' from='pubsub.node-a.example.net' to='amoss@node-a.example.net' id='Qm3k8q1z'>"
    + "<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='/finesse/api/User/amoss'><item id='0c6e'>"
    + "<notification xmlns='http://jabber.org/protocol/pubsub'>&lt;Update&gt;&lt;data&gt;&lt;value&gt;ACME &amp;amp; Sons&lt;/value&gt;"
    + '&lt;/data&gt;&lt;event&gt;PUT&lt;/event&gt;&lt;/Update&gt;</notification></item></items></event></message>');
  const parsed = parseXml(wire);
  assert.ok(parsed.ok);
  assert.equal(parsed.root.getChild('event')?.getChild('items')?.getChild('item')?.getChildText('notification'), update);
});

test('payloads lose their XML declaration and surrounding whitespace', () => {
  assert.equal(normalisePayload('<?xml version="1.0" encoding="UTF-8"?>\n  <Update/>\n'), '<Update/>');
});

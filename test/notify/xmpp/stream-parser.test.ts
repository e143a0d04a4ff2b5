import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamParser, type StreamErrorCondition, type StreamEvent } from '../../../src/notify/xmpp/index.ts';

const HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='node-a.example.net' version='1.0'>";

/** Events as comparable strings: `open:<to>`, the stanza serialised, `close`. */
function render(events: StreamEvent[]): string[] {
  return events.map((e) => (e.type === 'open' ? `open:${e.attrs.to ?? ''}` : e.type === 'stanza' ? e.element.toString() : 'close'));
}

function feed(chunks: Uint8Array[], parser = new StreamParser()): { events: string[]; error?: StreamErrorCondition } {
  const events: string[] = [];
  for (const chunk of chunks) {
    const result = parser.push(chunk);
    events.push(...render(result.events));
    if (result.error) return { events, error: result.error.condition };
  }
  return { events };
}

const good: Array<{ name: string; input: string; events: string[] }> = [
  {
    name: 'header, auth, whitespace keepalive, close',
    input: `${HEADER}<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFtb3NzAHNlY3JldA==</auth> \n </stream:stream>`,
    events: ['open:node-a.example.net', '<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">AGFtb3NzAHNlY3JldA==</auth>', 'close'],
  },
  {
    name: 'nested children, escapes and non-ASCII text',
    input: `${HEADER}<iq type='set' id='a&amp;b'><query xmlns='jabber:iq:roster'><item name='Zoë &lt;3' jid='x@y'/></query></iq><presence/>`,
    events: ['open:node-a.example.net', '<iq type="set" id="a&amp;b"><query xmlns="jabber:iq:roster"><item name="Zoë &lt;3" jid="x@y"/></query></iq>', '<presence/>'],
  },
  {
    name: 'emoji in text (four-byte UTF-8)',
    input: `${HEADER}<message><body>😀€</body></message>`,
    events: ['open:node-a.example.net', '<message><body>😀€</body></message>'],
  },
];

for (const v of good) {
  test(`parses ${v.name}, split at every byte`, () => {
    const bytes = Buffer.from(v.input);
    for (let i = 0; i <= bytes.length; i++) {
      assert.deepEqual(feed([bytes.subarray(0, i), bytes.subarray(i)]).events, v.events, `split at ${i}`);
    }
    assert.deepEqual(feed([...bytes].map((b) => Uint8Array.of(b))).events, v.events, 'one byte at a time');
  });
}

const bad: Array<{ name: string; input: string | Uint8Array; condition: StreamErrorCondition; before?: number }> = [
  {
    name: 'billion laughs',
    input: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;">]><stream:stream xmlns:stream="http://etherx.jabber.org/streams">&lol1;',
    condition: 'restricted-xml', before: 0,
  },
  { name: 'DOCTYPE', input: '<!DOCTYPE x><stream:stream/>', condition: 'restricted-xml', before: 0 },
  { name: 'processing instruction', input: `${HEADER}<?php x ?>`, condition: 'restricted-xml', before: 1 },
  { name: 'comment', input: `${HEADER}<presence><!-- x --></presence>`, condition: 'restricted-xml', before: 1 },
  { name: 'undeclared entity', input: `${HEADER}<message><body>&nbsp;</body></message>`, condition: 'restricted-xml', before: 1 },
  { name: 'mismatched tag', input: `${HEADER}<presence></message>`, condition: 'not-well-formed', before: 1 },
  { name: 'unbound prefix', input: `${HEADER}<foo:bar/>`, condition: 'bad-namespace-prefix', before: 1 },
  { name: 'wrong stream namespace', input: "<stream:stream xmlns:stream='urn:wrong'>", condition: 'invalid-namespace' },
  { name: 'not XML at all', input: 'GET / HTTP/1.1\r\n', condition: 'not-well-formed' },
  { name: 'invalid UTF-8', input: Buffer.concat([Buffer.from(`${HEADER}<message><body>`), Buffer.from([0xc3, 0x28])]), condition: 'unsupported-encoding' },
  { name: 'overlong UTF-8', input: Buffer.concat([Buffer.from(`${HEADER}<presence>`), Buffer.from([0xc0, 0xbc])]), condition: 'unsupported-encoding' },
  { name: 'stanza over 64 KiB', input: `${HEADER}<message><body>${'x'.repeat(70_000)}</body></message>`, condition: 'policy-violation', before: 1 },
  { name: 'nesting over 32', input: `${HEADER}${'<a>'.repeat(40)}`, condition: 'policy-violation', before: 1 },
  { name: 'too many attributes', input: `${HEADER}<presence ${Array.from({ length: 70 }, (_, i) => `a${i}='1'`).join(' ')}/>`, condition: 'policy-violation', before: 1 },
];

for (const v of bad) {
  test(`refuses ${v.name} with <${v.condition}/>, at every split`, () => {
    const bytes = typeof v.input === 'string' ? Buffer.from(v.input) : Buffer.from(v.input);
    const step = bytes.length > 2000 ? 997 : 1;
    for (let i = 0; i <= bytes.length; i += step) {
      const result = feed([bytes.subarray(0, i), bytes.subarray(i)]);
      assert.equal(result.error, v.condition, `split at ${i}`);
      if (v.before !== undefined) assert.equal(result.events.length, v.before, `split at ${i}`);
    }
  });
}

test('a stanza of exactly the limit passes; after an error the parser stays silent', () => {
  const parser = new StreamParser({ maxStanzaChars: 100, maxDepth: 4, maxAttributes: 4 });
  const ok = parser.push(`${HEADER}<message><body>${'x'.repeat(70)}</body></message>`);
  assert.equal(ok.error, undefined);
  assert.equal(ok.events.length, 2);
  const refused = parser.push(`<message><body>${'x'.repeat(100)}</body></message>`);
  assert.equal(refused.error?.condition, 'policy-violation');
  assert.deepEqual(parser.push('<presence/>'), { events: [] });
});

test('reset starts a new stream after SASL', () => {
  const parser = new StreamParser();
  assert.deepEqual(render(parser.push(`${HEADER}<auth/>`).events), ['open:node-a.example.net', '<auth/>']);
  parser.reset();
  assert.deepEqual(render(parser.push(`${HEADER}<iq/>`).events), ['open:node-a.example.net', '<iq/>']);
});

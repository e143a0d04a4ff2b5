import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentForView, localeFor, parseGadgetSpec, parseMessageBundle } from '../../../src/web/container/gadget-spec.ts';

const SPEC = `<?xml version="1.0" encoding="UTF-8"?>
<Module>
  <ModulePrefs title="Sample" description="A sample" height="200" scrolling="true">
    <Require feature="pubsub-2"/>
    <Require feature="setprefs"/>
    <Require feature="loadingindicator">
      <Param name="manual-dismiss">false</Param>
      <Param name="loading-timeout">10</Param>
    </Require>
    <Optional feature="content-rewrite"><Param name="exclude-url">*</Param></Optional>
    <Locale lang="en" messages="messages/en.xml"><msg name="hi">Hi</msg></Locale>
    <Locale lang="fr" country="FR"><msg name="hi">Salut</msg></Locale>
  </ModulePrefs>
  <UserPref name="scheme" datatype="hidden" default_value="https"/>
  <UserPref name="host" display_name="Host"/>
  <Content type="html" view="default"><![CDATA[<p>a & <b>b</b></p>]]></Content>
  <Content type="html" view="default,canvas"><![CDATA[<i>both</i>]]></Content>
  <Content type="html" view="canvas">only canvas</Content>
</Module>`;

test('a full spec parses', () => {
  const result = parseGadgetSpec(SPEC);
  assert.ok(result.ok, result.ok ? '' : result.message);
  const { spec } = result;
  assert.equal(spec.title, 'Sample');
  assert.equal(spec.height, 200);
  assert.equal(spec.scrolling, true);
  assert.deepEqual(spec.required.map((f) => f.name), ['pubsub-2', 'setprefs', 'loadingindicator']);
  assert.deepEqual(spec.required[2]?.params, { 'manual-dismiss': 'false', 'loading-timeout': '10' });
  assert.deepEqual(spec.optional, [{ name: 'content-rewrite', params: { 'exclude-url': '*' } }]);
  assert.deepEqual(spec.userPrefs.map((p) => [p.name, p.defaultValue, p.datatype, p.displayName]),
    [['scheme', 'https', 'hidden', 'scheme'], ['host', '', 'string', 'Host']]);
  assert.deepEqual(contentForView(spec, 'default'), { type: 'html', views: ['default'], html: '<p>a & <b>b</b></p><i>both</i>' });
  assert.equal(contentForView(spec, 'canvas')?.type === 'html' && contentForView(spec, 'canvas')?.views.join(), 'default,canvas');
  assert.deepEqual(contentForView(spec, 'home'), contentForView(spec, 'default'));
  assert.equal(localeFor(spec, 'en', 'US')?.messagesUrl, 'messages/en.xml');
  assert.deepEqual(localeFor(spec, 'fr', 'FR')?.messages, { hi: 'Salut' });
  assert.equal(localeFor(spec, 'de', 'DE'), undefined);
});

test('a url Content and a spec without ModulePrefs', () => {
  const result = parseGadgetSpec('<Module><Content type="url" href="https://crm.example.com/g?a=1"/></Module>');
  assert.ok(result.ok);
  assert.deepEqual(result.spec.contents, [{ type: 'url', views: ['default'], href: 'https://crm.example.com/g?a=1' }]);
  assert.equal(result.spec.title, '');
  assert.deepEqual(result.spec.required, []);
});

const bad: Array<[string, string, RegExp]> = [
  ['not XML', '<Module><Content>', /not well-formed XML/],
  ['another root', '<Gadget/>', /root is <Gadget>, not <Module>/],
  ['no Content', '<Module><ModulePrefs title="x"/></Module>', /no <Content>/],
  ['a url Content without href', '<Module><Content type="url"/></Module>', /no href/],
  ['an unknown Content type', '<Module><Content type="flash"/></Module>', /"flash" is not supported/],
  ['a UserPref without name', '<Module><UserPref/><Content/></Module>', /UserPref> has no name/],
  ['a DOCTYPE', '<!DOCTYPE Module [<!ENTITY a "b">]><Module><Content/></Module>', /not well-formed XML/],
];
for (const [name, xml, message] of bad) {
  test(`refused: ${name}`, () => {
    const result = parseGadgetSpec(xml);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, message);
  });
}

test('message bundles', () => {
  assert.deepEqual(parseMessageBundle('<messagebundle><msg name="a">A</msg><msg name="b"> B </msg></messagebundle>'), { a: 'A', b: 'B' });
  assert.deepEqual(parseMessageBundle('<broken'), {});
});

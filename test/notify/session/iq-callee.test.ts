import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Element } from 'ltx';
import { answerIq, type IqHandler } from '../../../src/notify/session/iq-callee.ts';
import { StanzaError } from '../../../src/notify/xmpp/stanza-error.ts';
import { silentLogger } from '../../../src/shared/logger.ts';

const iq = (attrs: Record<string, string>, ...children: Element[]) => {
  const e = new Element('iq', attrs);
  for (const c of children) e.cnode(c);
  return e;
};
const ping = () => new Element('ping', { xmlns: 'urn:xmpp:ping' });
const condition = (reply: Element | undefined) => reply?.getChild('error')?.getChildElements()[0]?.getName();

const cases: Array<[string, Element, IqHandler, string | undefined]> = [
  ['two payloads', iq({ type: 'get', id: '1' }, ping(), ping()), () => undefined, 'bad-request'],
  ['no payload', iq({ type: 'set', id: '1' }), () => undefined, 'bad-request'],
  ['no id', iq({ type: 'get' }, ping()), () => undefined, 'bad-request'],
  ['an unknown type', iq({ type: 'fetch', id: '1' }, ping()), () => undefined, 'bad-request'],
  ['no handler', iq({ type: 'get', id: '1' }, ping()), () => null, 'service-unavailable'],
  ['a handler that throws', iq({ type: 'get', id: '1' }, ping()), () => { throw new TypeError('bug'); }, 'internal-server-error'],
  ['a StanzaError', iq({ type: 'get', id: '1' }, ping()), () => { throw new StanzaError('auth', 'forbidden'); }, 'forbidden'],
  ['a handled get', iq({ type: 'get', id: '1' }, ping()), () => undefined, undefined],
];
for (const [name, request, handler, expected] of cases) {
  test(`iq with ${name} is answered${expected ? ` ${expected}` : ''}`, async () => {
    const reply = await answerIq(request, handler, 'node-a.example.net', silentLogger);
    assert.equal(reply?.attrs.type, expected ? 'error' : 'result');
    assert.equal(condition(reply), expected);
  });
}

test('results and errors are never answered', async () => {
  for (const type of ['result', 'error']) assert.equal(await answerIq(iq({ type, id: '1' }), () => undefined, undefined, silentLogger), undefined);
});

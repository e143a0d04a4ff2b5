import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAllowEntry, isAllowedTarget, ownEntries, parseAllowEntry } from '../../../src/web/container/allow-list.ts';

const entries: Array<[string, string | undefined]> = [
  ['example.com', 'example.com'], ['Example.COM:443', 'example.com:443'], ['crm.example.com.:8080', 'crm.example.com:8080'],
  ['10.0.0.5:80', '10.0.0.5:80'], ['[::1]:8082', '[::1]:8082'], [' host_1 ', 'host_1'],
  ['', undefined], ['http://example.com', undefined], ['example.com:0', undefined], ['example.com:70000', undefined],
  ['exa mple.com', undefined], ['example.com:80:81', undefined], ['*.example.com', undefined], ['a/b', undefined],
];
for (const [text, normalised] of entries) {
  test(`entry "${text}" ${normalised ? `is ${normalised}` : 'is refused'}`, () => {
    const parsed = parseAllowEntry(text);
    if (normalised === undefined) assert.equal(parsed.ok, false);
    else assert.equal(parsed.ok && formatAllowEntry(parsed.entry), normalised);
  });
}

const own = ownEntries({ publicHost: 'Node.Example', webHttpPort: 8082, webHttpsPort: 8445 });
const admin = ['crm.example.com', 'api.example.com:8443', '[::1]:9000'].map((t) => {
  const parsed = parseAllowEntry(t);
  assert.ok(parsed.ok);
  return parsed.entry;
});
const list = [...own, ...admin];

const targets: Array<[string, boolean]> = [
  ['http://127.0.0.1:8082/finesse/api/User/agent1', true], ['https://localhost:8445/x', true],
  ['http://node.example:8082/x', true], ['https://NODE.example:8445/x', true],
  ['http://127.0.0.1:8083/x', false], ['http://127.0.0.1/x', false], ['http://10.0.0.1:8082/x', false],
  ['https://crm.example.com/x', true], ['http://crm.example.com/x', true], ['http://crm.example.com:8080/x', false],
  ['https://api.example.com:8443/v1', true], ['https://api.example.com/v1', false],
  ['http://[::1]:9000/', true], ['ftp://crm.example.com/', false], ['file:///etc/passwd', false],
  ['https://user:pw@crm.example.com/', false], ['http://crm.example.com.evil.net/', false],
];
for (const [url, allowed] of targets) {
  test(`${url} is ${allowed ? 'allowed' : 'refused'}`, () => assert.equal(isAllowedTarget(new URL(url), list), allowed));
}

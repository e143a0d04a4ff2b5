import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gadgetPrefs, instancePrefs } from '../../../desktop/container/gadget-prefs.ts';

const source = {
  userId: 'agent1', extension: '1001', teamId: '1', teamName: 'Sales', locale: 'en_US',
  page: { scheme: 'https' as const, hostname: 'node-a.example.com', port: '8445' },
  xmppDomain: 'node-a.example.com', pubsubDomain: 'pubsub.node-a.example.com', webHttpPort: 8082,
  systemAuthMode: 'NON_SSO', deploymentType: 'UCCX',
};

test('the prefs of §3.2, without authorization', () => {
  const prefs = gadgetPrefs(source);
  assert.equal(prefs.id, 'agent1');
  assert.equal(prefs.extension, '1001');
  assert.equal(prefs.host, 'node-a.example.com');
  assert.equal(prefs.hostPort, '8445');
  assert.equal(prefs.scheme, 'https');
  assert.equal(prefs.restHost, 'node-a.example.com');
  assert.equal(prefs.localhostFQDN, 'node-a.example.com');
  assert.equal(prefs.localhostPort, '8082');
  assert.equal(prefs.pubsubDomain, 'pubsub.node-a.example.com');
  assert.equal(prefs.language, 'en');
  assert.equal(prefs.country, 'US');
  assert.equal(prefs.teamName, 'Sales');
  assert.equal('authorization' in prefs, false);
});

test('clientDriftInMillis: the drift measured at sign-in, whole ms; 0 when none was measured', () => {
  assert.equal(gadgetPrefs({ ...source, clientDriftMs: -1234.6 }).clientDriftInMillis, '-1235');
  assert.equal(gadgetPrefs(source).clientDriftInMillis, '0');
});

test('the default port of the scheme when the page URL has none', () => {
  assert.equal(gadgetPrefs({ ...source, page: { ...source.page, port: '' } }).hostPort, '443');
});

test('each instance adds its order and layout attributes without touching the shared prefs', () => {
  const shared = gadgetPrefs(source);
  const prefs = instancePrefs(shared, 2, { maxRows: 20, id: 'team-performance' });
  assert.equal(prefs.order, '2');
  assert.equal(prefs.maxRows, '20');
  assert.equal(prefs.gadgetId, 'team-performance');
  assert.equal(shared.order, undefined);
});

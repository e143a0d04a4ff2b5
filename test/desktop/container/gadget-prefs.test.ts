import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gadgetPrefs, instancePrefs, urlPrefsOf } from '../../../desktop/container/gadget-prefs.ts';

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
  const prefs = instancePrefs(shared, 2, { url: '/desktop/scripts/js/teamPerformance.js', maxRows: 20, id: 'team-performance' });
  assert.equal(prefs.order, '2');
  assert.equal(prefs.maxRows, '20');
  assert.equal(prefs.gadgetId, 'team-performance');
  assert.equal(shared.order, undefined);
  assert.equal(shared.urlPrefs, undefined);
  assert.deepEqual(JSON.parse(prefs.urlPrefs ?? ''), { scheme: 'https', hostname: 'node-a.example.com', port: '8445' });
});

test('urlPrefs: the layout URL\'s query parameters, then the scheme, host name and port it is served from (§3.2)', () => {
  const shared = gadgetPrefs(source);
  const liveData = 'https://cuic.example.com:8444/cuic/gadget/LiveData/LiveDataGadget.jsp?gadgetHeight=310' +
    '&viewId=56BC5CCE8C37467EA4D4EFA8371258BC&filterId=agentStateLog.id=CL%20teamName';
  const text = urlPrefsOf(liveData, shared);
  // The order of a real Finesse request: query first, then where the gadget is served from.
  assert.equal(text, JSON.stringify({
    gadgetHeight: '310', viewId: '56BC5CCE8C37467EA4D4EFA8371258BC', filterId: 'agentStateLog.id=CL teamName',
    scheme: 'https', hostname: 'cuic.example.com', port: '8444',
  }));
});

test('urlPrefs: a relative URL is this node\'s as the browser reaches it; a default port is written out', () => {
  const shared = gadgetPrefs({ ...source, page: { scheme: 'http', hostname: 'desk.example.com', port: '' } });
  assert.deepEqual(JSON.parse(urlPrefsOf('/livedata/gadget/LiveDataGadget.xml?report=teamState&type=dynamic', shared)), {
    report: 'teamState', type: 'dynamic', scheme: 'http', hostname: 'desk.example.com', port: '80',
  });
  const v6 = gadgetPrefs({ ...source, page: { scheme: 'https', hostname: '::1', port: '8445' } });
  assert.deepEqual(JSON.parse(urlPrefsOf('/3rdpartygadget/files/crm/Crm.xml', v6)), { scheme: 'https', hostname: '[::1]', port: '8445' });
});

test('messages: the container\'s words for gadgets, as JSON, in every gadget\'s prefs', () => {
  const shared = gadgetPrefs(source);
  assert.deepEqual(JSON.parse(shared.messages ?? ''), { 'select.agent.message': 'Select an Agent from Team Performance Gadget' });
  assert.equal(instancePrefs(shared, 0, { url: '/desktop/scripts/js/callcontrol.js' }).messages, shared.messages);
});

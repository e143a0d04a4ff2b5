import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CUSTOMER, inbound } from '../../support/call-lab.ts';
import { assertError, assertOk, providerLab } from '../../support/provider-lab.ts';

test('openProvider: a session IN_SERVICE for good credentials', async () => {
  const lab = providerLab();
  const reply = await lab.provider.openProvider({ appUser: 'rmcm', password: 'secret' });
  assert.ok(reply.ok);
  assert.equal(reply.value.state, 'IN_SERVICE');
  assert.equal(reply.value.appUserId, 'rmcm');
  assert.deepEqual(lab.attempts, ['rmcm']);
});

const badCredentials = [
  { name: 'a wrong password', appUser: 'rmcm', password: 'guess', error: 'PrivilegeViolation', asked: true },
  { name: 'an unknown user', appUser: 'nobody', password: 'secret', error: 'PrivilegeViolation', asked: true },
  { name: 'no password', appUser: 'rmcm', password: '', error: 'InvalidArgument', asked: false },
  { name: 'no user', appUser: '', password: 'secret', error: 'InvalidArgument', asked: false },
] as const;

for (const c of badCredentials) {
  test(`openProvider with ${c.name} → ${c.error}`, async () => {
    const lab = providerLab();
    const reply = await lab.provider.openProvider({ appUser: c.appUser, password: c.password });
    assertError(reply, c.error);
    assert.equal(lab.attempts.length, c.asked ? 1 : 0);
  });
}

test('registering a CTI port makes it reachable; shutdown unregisters it and closes the session', async () => {
  const lab = providerLab();
  const session = await lab.open();
  assert.equal(lab.model.getCall(inbound(lab, '8002'))?.connections[1]?.ccState, 'FAILED');
  assertOk(session.registerMediaTerminal({ device: 'PORT_2' }));
  assert.equal(lab.dialPlan.device('PORT_2')?.registered, true);
  assert.equal(lab.model.getCall(inbound(lab, '8002'))?.connections[1]?.ccState, 'OFFERED');
  session.shutdown();
  assert.equal(session.state, 'SHUTDOWN');
  assert.equal(lab.dialPlan.device('PORT_2')?.registered, false);
  assertError(session.observe({ addresses: ['7001'] }), 'InvalidState');
  assertError(session.registerMediaTerminal({ device: 'PORT_2' }), 'InvalidState');
  session.shutdown(); // twice is harmless
});

test('a device has one registering application at a time', async () => {
  const lab = providerLab();
  const first = await lab.open('rmcm');
  const second = await lab.open('other');
  assertOk(first.registerMediaTerminal({ device: 'PORT_2' }));
  assertOk(first.registerMediaTerminal({ device: 'PORT_2' })); // again, same session: fine
  assertError(second.registerMediaTerminal({ device: 'PORT_2' }), 'ResourceUnavailable');
  first.shutdown();
  assertOk(second.registerMediaTerminal({ device: 'PORT_2' }));
  assert.equal(lab.dialPlan.device('PORT_2')?.registered, true);
});

const badRegistrations = [
  { name: 'a route point as a media terminal', act: 'registerMediaTerminal', device: 'RP_7001', error: 'InvalidArgument' },
  { name: 'a phone as a route point', act: 'registerRoutePoint', device: 'SEP_A', error: 'InvalidArgument' },
  { name: 'a device of another application user', act: 'registerMediaTerminal', device: 'SEP_C', error: 'PrivilegeViolation' },
  { name: 'a device that does not exist', act: 'registerRoutePoint', device: 'RP_9', error: 'PrivilegeViolation' },
] as const;

for (const c of badRegistrations) {
  test(`registering ${c.name} → ${c.error}`, async () => {
    const lab = providerLab();
    const session = await lab.open();
    assertError(session[c.act]({ device: c.device }), c.error);
  });
}

test('registering a route point observes its calls', async () => {
  const lab = providerLab();
  const session = await lab.open();
  const seen: string[] = [];
  session.onEvent((e) => seen.push(e.type));
  assertOk(session.registerRoutePoint({ device: 'RP_7001' }));
  lab.model.placeInbound({ from: CUSTOMER, to: '7001' });
  assert.deepEqual(seen.slice(-1), ['CallCtlConnOfferedEv']);
  assert.equal(seen.length, 7);
});

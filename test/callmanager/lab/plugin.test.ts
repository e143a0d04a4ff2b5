// The lab API end to end on a real node: HTTP on 127.0.0.1, the real call model and directory behind it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { basicAuth, startTestNode, type TestNode } from '../../support/test-node.ts';

let t: TestNode;
before(async () => { t = await startTestNode(); });
after(async () => { await t.close(); });

async function lab(method: string, path: string, body?: unknown, auth = basicAuth('admin')) {
  const response = await fetch(`${t.cmUrl}${path}`, {
    method,
    headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

test('a customer call to 7001 is offered at the route point, listed, and seen as call events', async () => {
  await lab('POST', '/lab/reset');
  const since = (await lab('GET', '/lab/events?since=0&waitMs=0')).body.lastSeq;
  const placed = await lab('POST', '/lab/calls', {
    from: '+14085550100', to: '7001', callVariables: { callVariable1: 'acct-42' }, ecc: { 'user.lang': 'en' },
  });
  assert.equal(placed.status, 201);
  assert.match(placed.body.callId, /^c-\d+$/);
  assert.equal(placed.body.state, 'ACTIVE');
  assert.deepEqual(placed.body.connections.map((c: { address: string; ccState: string }) => [c.address, c.ccState]),
    [['+14085550100', 'ESTABLISHED'], ['7001', 'OFFERED']]);
  assert.equal(placed.body.callVariables.callVariable1, 'acct-42');

  const list = await lab('GET', '/lab/calls');
  assert.ok(list.body.calls.some((c: { callId: string }) => c.callId === placed.body.callId));

  const events = await lab('GET', `/lab/events?since=${since}`);
  const types = events.body.events.filter((e: { callId: string }) => e.callId === placed.body.callId)
    .map((e: { type: string }) => e.type);
  assert.equal(types[0], 'CallActiveEv');
  assert.ok(types.includes('CallCtlConnOfferedEv'));

  const abandoned = await lab('POST', `/lab/calls/${placed.body.callId}/abandon`, {});
  assert.equal(abandoned.status, 200);
  assert.equal((await lab('POST', `/lab/calls/${placed.body.callId}/abandon`, {})).status, 404);
});

test('a long poll is answered by the next call event', async () => {
  const since = (await lab('GET', '/lab/events?since=0&waitMs=0')).body.lastSeq;
  const polling = lab('GET', `/lab/events?since=${since}&waitMs=10000`);
  await lab('POST', '/lab/calls', { from: '+14085550101', to: '7002' });
  const answered = await polling;
  assert.ok(answered.body.events.length > 0);
  assert.ok(answered.body.events.every((e: { seq: number }) => e.seq > since));
  await lab('POST', '/lab/reset');
});

test('people at desk phones dial, answer and hang up', async () => {
  const dialled = await lab('POST', '/lab/devices/SEP000000001001/dial', { to: '1002' });
  assert.equal(dialled.status, 201);
  const callId = dialled.body.id;
  const answered = await lab('POST', '/lab/devices/SEP000000001002/answer', { callId });
  assert.equal(answered.status, 200);
  assert.deepEqual(answered.body.connections.map((c: { ccState: string }) => c.ccState), ['ESTABLISHED', 'ESTABLISHED']);
  assert.equal((await lab('POST', '/lab/devices/SEP000000001002/answer', {})).status, 409);
  const hungUp = await lab('POST', '/lab/devices/SEP000000001001/hangup', {});
  assert.equal(hungUp.status, 200);
  assert.equal(hungUp.body.state, 'INVALID');
  assert.equal((await lab('GET', `/lab/calls/${callId}`)).status, 404);
  assert.equal((await lab('POST', '/lab/devices/SEP999999999999/answer', {})).status, 404);
});

test('DTMF reaches the far end in order once the call is connected, and is refused before', async () => {
  const placed = await lab('POST', '/lab/calls', { from: '+14085550102', to: '1003' });
  const callId = placed.body.callId;
  assert.equal((await lab('POST', `/lab/calls/${callId}/dtmf`, { digits: '12#' })).status, 409);
  await lab('POST', '/lab/devices/SEP000000001003/answer', { callId });
  const since = (await lab('GET', '/lab/events?since=0&waitMs=0')).body.lastSeq;
  await lab('POST', '/lab/clock', { mode: 'virtual' });
  try {
    assert.equal((await lab('POST', `/lab/calls/${callId}/dtmf`, { digits: '12#', interDigitMs: 100 })).status, 202);
    await lab('POST', '/lab/clock/advance', { ms: 200 });
  } finally {
    await lab('POST', '/lab/clock', { mode: 'real' });
  }
  const digits = (await lab('GET', `/lab/events?since=${since}&waitMs=0`)).body.events
    .filter((e: { type: string }) => e.type === 'MediaTermConnDtmfEv').map((e: { digit: string }) => e.digit);
  assert.deepEqual(digits, ['1', '2', '#']);
  assert.equal((await lab('GET', `/lab/calls/${callId}`)).body.digitsSent, '12#');
  await lab('POST', '/lab/reset');
});

test('an impatient caller hangs up after patienceMs on the virtual clock', async () => {
  await lab('POST', '/lab/clock', { mode: 'virtual' });
  try {
    const placed = await lab('POST', '/lab/calls', { from: '+14085550103', to: '7001', patienceMs: 30_000 });
    await lab('POST', '/lab/clock/advance', { ms: 29_999 });
    assert.equal((await lab('GET', `/lab/calls/${placed.body.callId}`)).status, 200);
    await lab('POST', '/lab/clock/advance', { ms: 1 });
    assert.equal((await lab('GET', `/lab/calls/${placed.body.callId}`)).status, 404);
  } finally {
    await lab('POST', '/lab/clock', { mode: 'real' });
  }
});

test('bad input gets the lab error form and changes nothing', async () => {
  await lab('POST', '/lab/reset');
  const cases: [string, string, unknown, number, string][] = [
    ['POST', '/lab/calls', '{"from": ', 400, 'BAD_REQUEST'],
    ['POST', '/lab/calls', { from: 'not a number', to: '7001' }, 400, 'BAD_REQUEST'],
    ['POST', '/lab/calls', { from: '+14085550100', to: '7001', callVariables: { callVariable11: 'x' } }, 400, 'BAD_REQUEST'],
    ['POST', '/lab/calls', { from: '+14085550100', to: '5559999' }, 400, 'BAD_REQUEST'],
    ['GET', '/lab/calls/c-999999', undefined, 404, 'NOT_FOUND'],
    ['POST', '/lab/clock/advance', { ms: 10 }, 409, 'CONFLICT'],
    ['POST', '/lab/load', { seed: 1 }, 400, 'BAD_REQUEST'],
    ['GET', '/lab/nothing-here', undefined, 404, 'NOT_FOUND'],
  ];
  for (const [method, path, body, status, code] of cases) {
    const response = await lab(method, path, body);
    assert.equal(response.status, status, `${method} ${path} ${JSON.stringify(body)}`);
    assert.equal(response.body.error.code, code);
    assert.equal(typeof response.body.error.message, 'string');
  }
  assert.deepEqual((await lab('GET', '/lab/calls')).body.calls, []);
  assert.equal((await lab('POST', '/lab/calls', { from: '+14085550100', to: '7001' })).status, 201);
  await lab('POST', '/lab/reset');
});

test('only administrators may use the lab', async () => {
  const noAuth = await fetch(`${t.cmUrl}/lab/calls`);
  assert.equal(noAuth.status, 401);
  assert.match(noAuth.headers.get('www-authenticate') ?? '', /^Basic/);
  assert.equal((await lab('GET', '/lab/calls', undefined, basicAuth('admin', 'wrong'))).status, 401);
  const agent = await lab('GET', '/lab/calls', undefined, basicAuth('agent1'));
  assert.equal(agent.status, 403);
  assert.equal(agent.body.error.code, 'FORBIDDEN');
});

test('the load generator with a fixed seed produces the same call sequence twice on the virtual clock', async () => {
  const spec = {
    seed: 7, callsPerSecond: 2, totalCalls: 12, ahtSec: 20, answerDelaySec: 1, abandonProbability: 0.3,
    patienceMeanSec: 5, routePoints: [{ dn: '1004', weight: 1 }, { dn: '1005', weight: 1 }],
  };
  const runOnce = async () => {
    await lab('POST', '/lab/reset');
    await lab('POST', '/lab/clock', { mode: 'virtual', now: 1_000_000 });
    try {
      const since = (await lab('GET', '/lab/events?since=0&waitMs=0')).body.lastSeq;
      const { body: { runId } } = await lab('POST', '/lab/load', spec);
      for (let i = 0; i < 60; i++) await lab('POST', '/lab/clock/advance', { ms: 5000 });
      const progress = (await lab('GET', `/lab/load/${runId}`)).body;
      const events = (await lab('GET', `/lab/events?since=${since}&waitMs=0`)).body.events
        .map((e: { type: string; at: number; address?: string; terminal?: string }) =>
          [e.type, e.at, e.address ?? '', e.terminal ?? ''].join(' '));
      return { progress, events };
    } finally {
      await lab('POST', '/lab/clock', { mode: 'real' });
    }
  };
  const first = await runOnce();
  const second = await runOnce();
  assert.equal(first.progress.state, 'completed');
  assert.equal(first.progress.offered, 12);
  assert.ok(first.progress.answered > 0, 'robots answered the calls to phones');
  assert.ok(first.progress.abandoned > 0, 'impatient callers hung up while the phone rang');
  assert.ok(first.events.length > 100);
  assert.deepEqual(second.events, first.events);
  const { runId: _a, ...p1 } = first.progress;
  const { runId: _b, ...p2 } = second.progress;
  assert.deepEqual(p2, p1);
});

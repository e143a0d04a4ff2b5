// Acceptance with slixmpp (Debian's python3-slixmpp) over c2s TCP: an agent signs in with PLAIN, announces itself,
// and receives the item published to its User node, payload intact (test/support/slixmpp-listener.py).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isNotifyService, type NotifyService } from '../../src/notify/index.ts';
import { startTestNode, TEST_PASSWORD, type TestNode } from '../support/test-node.ts';

// Debian's interpreter, where python3-slixmpp installs; a `python3` earlier on PATH may be another one.
const PYTHON = '/usr/bin/python3';
const LISTENER = fileURLToPath(new URL('../support/slixmpp-listener.py', import.meta.url));
const slixmppMissing = await new Promise<boolean>((resolve) => {
  execFile(PYTHON, ['-c', 'import slixmpp'], (err) => resolve(err !== null));
});

const NODE = '/finesse/api/User/agent1';
const UPDATE = '<Update><data><user><loginId>agent1</loginId><firstName>Ada &amp; Co</firstName><state>READY</state>'
  + `</user></data><event>PUT</event><requestId>slixmpp-1</requestId><source>${NODE}</source></Update>`;

type ListenerLine =
  | { event: 'ready'; jid: string }
  | { event: 'item'; node: string; id: string; publisher: string | null; payload: { tag: string | null; text: string | null } }
  | { event: 'error'; reason: string };

interface Run { exitCode: number | null; stderr: string }

/** Runs the listener; `onLine` sees each line it prints. Resolves when it exits. */
function runListener(args: string[], onLine: (line: ListenerLine) => void): Promise<Run> {
  const child = spawn(PYTHON, [LISTENER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  createInterface({ input: child.stdout }).on('line', (text) => onLine(JSON.parse(text) as ListenerLine));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

describe('notify over TCP with slixmpp', { skip: slixmppMissing ? `${PYTHON} cannot import slixmpp (apt-get install python3-slixmpp)` : false }, () => {
  let tn: TestNode;
  let notify: NotifyService;
  let address: string[];

  before(async () => {
    tn = await startTestNode();
    const found = tn.node.services.find(isNotifyService);
    assert.ok(found, 'the node runs the notification service');
    notify = found;
    notify.publisher.createNode(NODE); // web may have made it already; either way it exists
    address = ['127.0.0.1', String(notify.ports.xmpp)];
  });
  after(async () => { await tn?.close(); });

  test('authenticates with PLAIN, sends presence and receives the item published to its node', async () => {
    const lines: ListenerLine[] = [];
    const run = await runListener([...address, `agent1@${notify.server.domain}/slixmpp`, TEST_PASSWORD], (line) => {
      lines.push(line);
      if (line.event === 'ready') assert.ok(notify.publisher.publish(NODE, UPDATE).ok, 'published');
    });
    assert.equal(run.exitCode, 0, `${JSON.stringify(lines)}\n${run.stderr}`);
    assert.deepEqual(lines.map((l) => l.event), ['ready', 'item']);
    const [ready, item] = lines;
    assert.equal(ready?.event === 'ready' && ready.jid, `agent1@${notify.server.domain}/slixmpp`);
    assert.ok(item?.event === 'item');
    assert.equal(item.node, NODE);
    assert.ok(item.id !== '', 'the item has an id');
    assert.deepEqual(item.payload, { tag: '{http://jabber.org/protocol/pubsub}notification', text: UPDATE });
  });

  test('a wrong password fails authentication', async () => {
    const lines: ListenerLine[] = [];
    const run = await runListener([...address, `agent1@${notify.server.domain}/slixmpp`, 'wrong-password'], (line) => lines.push(line));
    assert.equal(run.exitCode, 1, run.stderr);
    assert.deepEqual(lines, [{ event: 'error', reason: 'failed_auth' }]);
  });
});

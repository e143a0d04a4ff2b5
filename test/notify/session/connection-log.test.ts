import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createRootLogger } from '../../../src/shared/logger.ts';
import { LazyConnectionLog } from '../../../src/notify/session/connection-log.ts';

test('writes with the connection bindings at enabled levels only, and makes its child only when it writes', () => {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } });
  const root = createRootLogger('warn', sink);
  let children = 0;
  const counting = Object.create(root, { child: { value: (b: Record<string, string>) => { children += 1; return root.child(b); } } }) as typeof root;
  const log = new LazyConnectionLog(counting, { conn: 'ws-7', transport: 'websocket' });
  log.debug({ bytes: 3 }, 'frame');
  log.info('signed in');
  assert.equal(children, 0);
  log.warn({ condition: 'bad-format' }, 'client broke the stream; closing');
  log.error('session failed');
  assert.equal(children, 1);
  assert.deepEqual(lines.map((l) => [l.conn, l.transport, l.msg, l.condition]), [
    ['ws-7', 'websocket', 'client broke the stream; closing', 'bad-format'],
    ['ws-7', 'websocket', 'session failed', undefined],
  ]);
});

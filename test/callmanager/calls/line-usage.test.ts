import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineUsage } from '../../../src/callmanager/calls/line-usage.ts';

test('counts calls per device and line, down to zero and no further', () => {
  const usage = new LineUsage();
  usage.acquire(['SEP1', 'SEP2'], '1010');
  usage.acquire(['SEP1'], '1010');
  usage.acquire(['SEP1'], '1001');
  assert.deepEqual([usage.count('SEP1', '1010'), usage.count('SEP2', '1010'), usage.count('SEP1', '1001')], [2, 1, 1]);
  usage.release(['SEP1', 'SEP2'], '1010');
  usage.release(['SEP1'], '1010');
  usage.release(['SEP1'], '1010'); // one release too many is ignored
  assert.deepEqual([usage.count('SEP1', '1010'), usage.count('SEP2', '1010'), usage.count('SEP1', '1001')], [0, 0, 1]);
});

// The web service's CSQ names from the configuration events (cti.md §8.1): an initial block replaces the set whole
// at its END, update blocks change it in place, and an END that reports no data keeps what was known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../../../src/shared/logger.ts';
import { CsqNames } from '../../../src/web/queues/csq-names.ts';
import type { CtiMessage } from '../../../src/engine/cti/codec/index.ts';

const begin = (configType: number): CtiMessage => ({ type: 'CONFIG_BEGIN_EVENT', configType, configurationMask: 0x2 });
const csqs = (...records: [number, number, string][]): CtiMessage =>
  ({ type: 'CONFIG_CSQ_EVENT', records: records.map(([recordType, csqId, name]) => ({ recordType, csqId, name })) });
const end = (status = 0): CtiMessage => ({ type: 'CONFIG_END_EVENT', status });

test('initial block replaces the names at its END; updates add, rename and delete', async () => {
  const names = new CsqNames({ cti: undefined, log: silentLogger });
  for (const m of [begin(1), csqs([0, 1, 'Sales'], [0, 2, 'Support'])]) names.apply(m);
  assert.equal(names.nameOf(1), undefined, 'not before END');
  names.apply(end());
  await names.whenBuilt();
  assert.equal(names.nameOf(1), 'Sales');
  for (const m of [begin(2), csqs([0, 3, 'Loans'], [1, 1, 'Sales EMEA'], [2, 2, 'Support']), end()]) names.apply(m);
  assert.deepEqual([1, 2, 3].map((id) => names.nameOf(id)), ['Sales EMEA', undefined, 'Loans']);
  // a reconnect: the new initial set replaces the old one whole
  for (const m of [begin(1), csqs([0, 3, 'Loans']), end()]) names.apply(m);
  assert.deepEqual([1, 3].map((id) => names.nameOf(id)), [undefined, 'Loans']);
  assert.equal(names.rebuilds, 2);
});

test('an initial block that ends "not requested" keeps the names known', () => {
  const names = new CsqNames({ cti: undefined, log: silentLogger });
  for (const m of [begin(1), csqs([0, 1, 'Sales']), end()]) names.apply(m);
  for (const m of [begin(1), end(1)]) names.apply(m);
  assert.equal(names.nameOf(1), 'Sales');
  assert.equal(names.rebuilds, 1);
});

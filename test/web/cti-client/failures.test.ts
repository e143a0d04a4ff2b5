import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CTI_TIMEOUT, failureDetail } from '../../../src/web/cti-client/failures.ts';
import { renderUpdate } from '../../../src/web/publisher/update.ts';
import { leaf, record } from '../../../src/web/representation/node.ts';

test('CONTROL_FAILURE_CONF: FailureCode and CF_ name (cti-to-finesse.md §3.2)', () => {
  assert.deepEqual(failureDetail({ type: 'CONTROL_FAILURE_CONF', invokeId: 7, failureCode: 265, peripheralErrorCode: 0 }),
    { errorData: '265', errorMessage: 'CF_INVALID_AGENT_WORKMODE' });
  assert.deepEqual(failureDetail({ type: 'CONTROL_FAILURE_CONF', invokeId: 7, failureCode: 4242, peripheralErrorCode: 0 }),
    { errorData: '4242', errorMessage: 'CF_UNKNOWN' });
});

test('FAILURE_CONF: Status and E_CTI_ name; a CONF is no failure', () => {
  assert.deepEqual(failureDetail({ type: 'FAILURE_CONF', invokeId: 7, status: 8 }),
    { errorData: '8', errorMessage: 'E_CTI_INVALID_AGENT_DATA' });
  assert.equal(failureDetail({ type: 'SET_AGENT_STATE_CONF', invokeId: 7 }), undefined);
  assert.deepEqual(CTI_TIMEOUT, { errorData: '', errorMessage: 'CTI_TIMEOUT' });
});

test('the apiErrors Update of rest-api.md §2, children in order', () => {
  const data = record('apiErrors', [record('apiError', [
    leaf('errorData', '265'), leaf('errorMessage', 'CF_INVALID_AGENT_WORKMODE'), leaf('errorType', 'Invalid State'),
  ])]);
  assert.equal(renderUpdate(data, 'PUT', 'r1', '/finesse/api/User/agent1'),
    '<Update><data><apiErrors><apiError><errorData>265</errorData><errorMessage>CF_INVALID_AGENT_WORKMODE</errorMessage>'
    + '<errorType>Invalid State</errorType></apiError></apiErrors></data><event>PUT</event><requestId>r1</requestId>'
    + '<source>/finesse/api/User/agent1</source></Update>');
});

// A failed REST request in plain words: from the ApiErrors object, from the library's rsp.error, or a network failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure } from '../../../../desktop/gadgets/shared/errors.ts';

const cases: { rsp: unknown; expected: string }[] = [
  {
    rsp: { status: 400, object: { ApiErrors: { ApiError: { ErrorType: 'Invalid Destination', ErrorData: '1001', ErrorMessage: 'INVALID_DESTINATION' } } } },
    expected: 'Could not make the call: that number cannot be reached from here.',
  },
  {
    rsp: { status: 400, error: { errorType: 'Parameter Missing', errorMessage: 'The state change requires a valid reason code.' } },
    expected: 'Could not make the call: something required was missing (The state change requires a valid reason code).',
  },
  { rsp: { status: 400, error: { errorType: 'Call Operation Failure', errorMessage: 'CF_INVALID_OBJECT_STATE' } },
    expected: 'Could not make the call: the phone system refused it.' },
  { rsp: { status: 0, error: { errorType: 'Network Error' } }, expected: 'Could not make the call: the server could not be reached.' },
  { rsp: { status: 500 }, expected: 'Could not make the call: the system could not do it.' },
  { rsp: undefined, expected: 'Could not make the call: the server could not be reached.' },
];

for (const { rsp, expected } of cases) {
  test(expected, () => assert.equal(describeFailure('Could not make the call', rsp), expected));
}

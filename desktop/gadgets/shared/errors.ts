// The failure of a REST request (`rsp` of an error handler, §5 RestBase) in plain words.
import { field, text } from './data.ts';

const BY_ERROR_TYPE: Record<string, string> = {
  'Invalid State': 'that is not possible in the current state',
  'Invalid Destination': 'that number cannot be reached from here',
  'Invalid Input': 'the request was not valid',
  'Parameter Missing': 'something required was missing',
  'Call Operation Failure': 'the phone system refused it',
  'Authorization Failure': 'your sign-in is no longer valid',
  'Invalid Authorization User Specified': 'you are not allowed to do that',
  'Invalid Supervisor': 'that agent is not in your team',
  'Not Found': 'it no longer exists',
  'Service Unavailable': 'the system is out of service',
  'Generic Error': 'the system could not do it',
};

/** e.g. "Could not answer the call: that is not possible in the current state." */
export function describeFailure(what: string, rsp: unknown): string {
  const apiError = field(rsp, 'object', 'ApiErrors', 'ApiError');
  const type = text(apiError, 'ErrorType') || text(rsp, 'error', 'errorType');
  const message = text(apiError, 'ErrorMessage') || text(rsp, 'error', 'errorMessage');
  const status = Number(field(rsp, 'status'));
  let reason = BY_ERROR_TYPE[type];
  if (!reason) reason = status === 0 || Number.isNaN(status) ? 'the server could not be reached' : 'the system could not do it';
  // Human sentences from the server add detail; codes such as CF_INVALID_OBJECT_STATE do not.
  const detail = /\s/.test(message) ? ` (${message.replace(/\.$/, '')})` : '';
  return `${what}: ${reason}${detail}.`;
}

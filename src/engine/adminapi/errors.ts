// The Configuration API's error form (adminapi.md §1.4): `apiErrors` with one `apiError` of errorData,
// errorMessage, errorType. Every failure a client can cause is one of these, so the error handler never guesses.

export type AdminHttpStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 500 | 503;

export class AdminApiError extends Error {
  constructor(readonly httpStatus: AdminHttpStatus, readonly errorType: string,
              readonly errorMessage: string, readonly errorData: string) {
    super(errorMessage);
    this.name = 'AdminApiError';
  }
}

export const malformed = () => new AdminApiError(400, '400',
  'The request could not be understood by the server due to malformed syntax', 'Bad Request');
export const invalidInput = (data: string, message: string) => new AdminApiError(400, 'InvalidInput', message, data);
export const invalidLink = (path: string, key: string) => new AdminApiError(400, 'InvalidInput', 'Not a valid link uri',
  `Invalid link ${path}; id qualifier [${key}] is not found`);
export const instanceNotFound = (key: string) => new AdminApiError(404, 'InstanceNotFound', 'No entity found for query', key);
export const duplicateName = (object: string, name: string) =>
  new AdminApiError(409, 'DuplicateName', `${object} name already exists`, name);
export const instanceInUse = (object: string, referrers: readonly string[]) =>
  new AdminApiError(409, 'InstanceInUse', `${object} is in use`, referrers.join(','));
export const methodNotAllowed = (method: string) => new AdminApiError(405, '405', 'Method Not Allowed', method);
export const unauthorized = (userid: string) => new AdminApiError(401, '401', 'Unauthorized', userid);
export const forbidden = (userid: string) => new AdminApiError(403, '403', 'Forbidden', userid);
export const bodyTooLarge = () => new AdminApiError(413, '413', 'Request Entity Too Large', 'body');

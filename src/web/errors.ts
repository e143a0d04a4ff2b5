// The Finesse REST error form (rest-api.md §1.4): every failure a client can cause carries its status and
// ErrorType, so the one error handler renders it without guessing.

/** The statuses of rest-api.md §1.4 (E7 adds 413; TeamResource §5.2 adds 416). */
export type FinesseHttpStatus = 400 | 401 | 403 | 404 | 405 | 413 | 416 | 500 | 501 | 503;

/** ErrorType values of rest-api.md §1.3–§1.4, spelled as Finesse spells them. */
export type FinesseErrorType =
  | 'Bad Request' | 'Parameter Missing' | 'Invalid Input' | 'Invalid State' | 'Invalid Destination'
  | 'Generic Error' | 'Finesse API Error' | 'Maximum Exceeded'
  | 'Authorization Failure' | 'Invalid Authorization User Specified'
  | 'Forbidden' | 'Invalid Supervisor' | 'Not Found' | 'User Not Found' | 'TeamId Not Found' | 'Method Not Allowed'
  | 'finesse.api.team.team_assignment_invalid_team'
  | 'Range Not Satisfiable'
  | 'Internal Server Error' | 'Not Implemented' | 'Service Unavailable';

export class FinesseApiError extends Error {
  constructor(readonly httpStatus: FinesseHttpStatus, readonly errorType: FinesseErrorType,
              readonly errorData: string, readonly errorMessage: string) {
    super(errorMessage);
    this.name = 'FinesseApiError';
  }
}

export const badRequest = (data: string, message: string) => new FinesseApiError(400, 'Bad Request', data, message);
export const parameterMissing = (element: string) =>
  new FinesseApiError(400, 'Parameter Missing', element, `The parameter ${element} is required.`);
export const invalidInput = (data: string, message: string) => new FinesseApiError(400, 'Invalid Input', data, message);
export const notFound = (data: string, message: string) => new FinesseApiError(404, 'Not Found', data, message);
export const finesseApiError = (data: string, message: string) => new FinesseApiError(400, 'Finesse API Error', data, message);
/** Bad or missing credentials: the body of rest-api.md §1.3, ErrorData the claimed id. */
export const authorizationFailure = (userid: string) =>
  new FinesseApiError(401, 'Authorization Failure', userid, 'UNAUTHORIZED');
export const wrongUser = (userid: string) =>
  new FinesseApiError(401, 'Invalid Authorization User Specified', userid, 'The user is not authorized for this operation.');
/** A signed-in user whose role does not allow the operation (configuration writes by agents). */
export const forbidden = (userid: string) =>
  new FinesseApiError(403, 'Forbidden', userid, 'The user does not have the role this operation requires.');
export const methodNotAllowed = (method: string, url: string) =>
  new FinesseApiError(405, 'Method Not Allowed', method, `${method} is not allowed on ${url}`);

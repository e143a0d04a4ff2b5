// doAuthenticateUser (axl.md §5.8). A wrong secret is an answer, not a fault; an unknown userid answers the
// same way so that user names cannot be probed.
import { invalidRequest } from '../faults.ts';
import { secret, text } from '../fields.ts';
import type { OperationTable } from '../operation.ts';
import { leaf } from '../xml.ts';

const SUCCESS = 0; // CUCM's result codes are not published; Poise uses 0 and 1
const FAILURE = 1;

export const authenticateUserOperations: OperationTable = {
  doAuthenticateUser: {
    class: 'authenticate',
    async handle(request, { directory }) {
      const userid = text(request, 'userid');
      if (!userid) throw invalidRequest('doAuthenticateUser requires userid');
      const password = secret(request, 'password');
      const pin = secret(request, 'pin');
      if (password === undefined && pin === undefined) throw invalidRequest('doAuthenticateUser requires password or pin');
      const principal = password !== undefined
        ? await directory.authenticate(userid, { password: password ?? '' })
        : await directory.authenticate(userid, { pin: pin ?? '' });
      // pin sign-in is for end users only; authenticate already refuses it for application users
      const ok = principal !== null;
      return [
        leaf('userAuthenticated', ok), leaf('code', ok ? SUCCESS : FAILURE),
        leaf('daysToExpiry', 0), leaf('isWarningNeeded', false),
      ];
    },
  },
};

// The sign-in form's checks and the words for every way sign-in can fail (desktop-and-gadgets.md §1).

export interface SignInInput { userId: string; password: string; extension: string }

export type SignInProblem =
  | { kind: 'missing-id' } | { kind: 'bad-id' } | { kind: 'missing-password' } | { kind: 'missing-extension' }
  | { kind: 'bad-extension' } | { kind: 'wrong-password' } | { kind: 'extension-refused'; detail?: string }
  | { kind: 'engine-down' } | { kind: 'unreachable' } | { kind: 'layout'; detail: string } | { kind: 'unexpected'; detail: string };

const USER_ID = /^[A-Za-z0-9._@-]{1,64}$/;
const EXTENSION = /^\+?[0-9]{1,15}$/;

/** Field problems, first field first; the form puts focus on the first. */
export function checkSignInInput(input: SignInInput): Array<{ field: keyof SignInInput; problem: SignInProblem }> {
  const problems: Array<{ field: keyof SignInInput; problem: SignInProblem }> = [];
  const userId = input.userId.trim();
  if (!userId) problems.push({ field: 'userId', problem: { kind: 'missing-id' } });
  else if (!USER_ID.test(userId)) problems.push({ field: 'userId', problem: { kind: 'bad-id' } });
  if (!input.password) problems.push({ field: 'password', problem: { kind: 'missing-password' } });
  const extension = input.extension.trim();
  if (!extension) problems.push({ field: 'extension', problem: { kind: 'missing-extension' } });
  else if (!EXTENSION.test(extension)) problems.push({ field: 'extension', problem: { kind: 'bad-extension' } });
  return problems;
}

export function problemWords(problem: SignInProblem): string {
  switch (problem.kind) {
    case 'missing-id': return 'Enter your ID.';
    case 'bad-id': return 'An ID has only letters, digits, dots, dashes, underscores and @.';
    case 'missing-password': return 'Enter your password.';
    case 'missing-extension': return 'Enter your extension.';
    case 'bad-extension': return 'An extension is made of digits only, for example 1001.';
    // The server answers 401 for a locked ID too (five wrong passwords lock it for five minutes, §1), so say both.
    case 'wrong-password':
      return 'The ID or password is wrong. Check them and try again; after five wrong passwords in a row the ID is locked for five minutes.';
    case 'extension-refused':
      return 'This extension cannot be used: it is in use by someone else or it is not yours.' +
        (problem.detail ? ` (${problem.detail})` : '');
    case 'engine-down': return 'The contact center is not available right now. Try again in a moment.';
    case 'unreachable': return 'The server cannot be reached. Check your network and try again.';
    case 'layout': return `Your desktop layout could not be loaded: ${problem.detail}`;
    case 'unexpected': return `Sign-in failed: ${problem.detail}`;
    default: return assertNever(problem);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled sign-in problem ${JSON.stringify(value)}`);
}

// Where a service (web, engine) learns who a user is. UCCX asks CUCM through AXL (the CCX realm); Poise does the same
// through `axl-user-directory.ts`, and tests or another deployment may put something else behind this interface.

export interface DirectoryUser {
  /** Canonical id, as the directory spells it (rest-api.md §1.3: ids match case-insensitively). */
  userid: string;
  firstName: string;
  lastName: string;
  /** Primary extension, '' when none. */
  extension: string;
  /** Every group and role name the directory gives the user. */
  roles: readonly string[];
}

export interface UserDirectory {
  /** true when the password is right; false for a wrong password or an unknown user alike. */
  authenticate(userid: string, password: string): Promise<boolean>;
  /** undefined when the user is unknown (application users have no end-user record). */
  getUser(userid: string): Promise<DirectoryUser | undefined>;
}

/** The directory could not be asked (network, fault): a server problem, never the client's. */
export class UserDirectoryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserDirectoryError';
  }
}

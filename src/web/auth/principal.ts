// Who made a request, and what the roles of rest-api.md §1.3 let them do.
import { forbidden, wrongUser } from '../errors.ts';

export const FINESSE_ROLES = ['Agent', 'Supervisor', 'Administrator'] as const;
export type FinesseRole = (typeof FINESSE_ROLES)[number];

export interface Principal {
  /** Canonical user id (rest-api.md §1.3). */
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly extension: string;
  readonly roles: ReadonlySet<FinesseRole>;
}

export const isAdministrator = (p: Principal): boolean => p.roles.has('Administrator');

/** Configuration writes (rest-api.md §6–§7: administrator writes). */
export function requireAdministrator(p: Principal): void {
  if (!isAdministrator(p)) throw forbidden(p.id);
}

/** A user's own resources; an administrator reads any user's lists (rest-api.md §3.2). */
export function requireSelfOrAdministrator(p: Principal, userid: string): void {
  if (p.id.toLowerCase() !== userid.toLowerCase() && !isAdministrator(p)) throw wrongUser(p.id);
}

/** Strictly one's own (ClientLog, rest-api.md §9). */
export function requireSelf(p: Principal, userid: string): void {
  if (p.id.toLowerCase() !== userid.toLowerCase()) throw wrongUser(p.id);
}

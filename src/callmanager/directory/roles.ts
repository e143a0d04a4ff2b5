// Role names an EndUser or AppUser may carry. The AXL ones are CUCM's own role and group names (axl.md §2);
// the contact-center ones are Poise's (telephony-and-routing.md §3.1: agent / supervisor / administrator).

/** Read and write access to every AXL operation. */
export const AXL_API_ACCESS = 'Standard AXL API Access';
/** With AXL_READ_ONLY_API_ACCESS, read-only AXL (CUCM 11.5 and later). */
export const AXL_API_USERS = 'Standard AXL API Users';
export const AXL_READ_ONLY_API_ACCESS = 'Standard AXL Read Only API Access';
/** Access to the CUCM web services; on its own it grants no AXL access. */
export const CCM_ADMIN_USERS = 'Standard CCM Admin Users';
/** Full administration; the group carries Standard AXL API Access. */
export const CCM_SUPER_USERS = 'Standard CCM Super Users';

export const AGENT = 'Agent';
export const SUPERVISOR = 'Supervisor';
export const ADMINISTRATOR = 'Administrator';

export const AXL_ROLES = [AXL_API_ACCESS, AXL_API_USERS, AXL_READ_ONLY_API_ACCESS, CCM_ADMIN_USERS, CCM_SUPER_USERS] as const;
export const CONTACT_CENTER_ROLES = [AGENT, SUPERVISOR, ADMINISTRATOR] as const;

export type AxlAccess = 'full' | 'read-only';

/** What a caller's roles allow on AXL (axl.md §2); `undefined` means no AXL access at all (HTTP 401). */
export function axlAccess(roles: readonly string[]): AxlAccess | undefined {
  if (roles.includes(AXL_API_ACCESS) || roles.includes(CCM_SUPER_USERS)) return 'full';
  if (roles.includes(AXL_API_USERS) && roles.includes(AXL_READ_ONLY_API_ACCESS)) return 'read-only';
  return undefined;
}

// The JTAPI exceptions, by the names the provider replies with (spec telephony-and-routing.md §3.3). The model
// throws a TelephonyError only before it has changed anything, so a refused request leaves no trace: no
// mutation, no event.
export const TELEPHONY_ERROR_KINDS = [
  'InvalidState', 'InvalidParty', 'InvalidArgument', 'PrivilegeViolation', 'ResourceUnavailable',
  'MethodNotSupported',
] as const;
export type TelephonyErrorKind = (typeof TELEPHONY_ERROR_KINDS)[number];

export class TelephonyError extends Error {
  override readonly name = 'TelephonyError';
  constructor(readonly kind: TelephonyErrorKind, message: string) {
    super(message);
  }
}

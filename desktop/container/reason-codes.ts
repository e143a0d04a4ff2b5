// The user's NOT_READY and LOGOUT reason codes (rest-api.md §3.2: `/User/{id}/ReasonCodes?category=…`), for the
// header's state menu and sign-out.
import type { ReasonCode } from './finesse-api.ts';
import { restCall, textAt } from './rest.ts';

export type ReasonCategory = 'NOT_READY' | 'LOGOUT';

export async function loadReasonCodes(userId: string, auth: string, category: ReasonCategory): Promise<ReasonCode[]> {
  try {
    const answer = await restCall('GET', `/finesse/api/User/${encodeURIComponent(userId)}/ReasonCodes?category=${category}`, auth);
    if (answer.status !== 200 || !answer.xml) return [];
    return [...answer.xml.getElementsByTagName('ReasonCode')].flatMap((element) => {
      const id = textAt(element, 'id') || textAt(element, 'uri').split('/').pop() || '';
      const label = textAt(element, 'label');
      return id && label ? [{ id, label }] : [];
    });
  } catch {
    return []; // the menu then offers the plain state; the server says if a reason is required
  }
}

/** The words of a failed request as the Finesse library reports it: `{status, object: {ApiErrors: …}}`. */
export function requestErrorWords(response: unknown): string {
  const record = (value: unknown): Record<string, unknown> | undefined =>
    typeof value === 'object' && value !== null ? value as Record<string, unknown> : undefined;
  const error = record(record(record(record(response)?.object)?.ApiErrors)?.ApiError);
  const first = record(Array.isArray(error) ? error[0] : error);
  const message = first?.ErrorMessage ?? first?.ErrorType;
  if (typeof message === 'string' && message) return message;
  const status = record(response)?.status;
  return typeof status === 'number' && status > 0 ? `the server answered ${status}` : 'the server did not answer';
}

// The failover ticket as the container holds it (docs/failover.md, "The desktop moves"): asked of this node at
// sign-in and again at half its life, kept in this page's memory only (never in storage, never in a URL until the
// move), and put in the URL fragment of the peer's desktop, which redeems it once.
import { escapeXml, restCall, textAt } from './rest.ts';
import type { SignInInput } from './sign-in-input.ts';

export const TICKET_PATH = '/desktop/api/FailoverTicket';
const FRAGMENT_KEY = 'failover';
const RETRY_MS = 15_000;
const MIN_RENEW_MS = 5_000;

export interface TicketKeeper {
  /** The latest ticket still valid, if any. */
  current(): string | undefined;
  stop(): void;
}

/** Keeps a fresh ticket for the signed-in user; a node that issues none (no cluster secret) is asked no more. */
export function keepFailoverTicket(auth: string, extension: string): TicketKeeper {
  let ticket: { value: string; expiresAt: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const fetchTicket = async (): Promise<void> => {
    if (stopped) return;
    let wait = RETRY_MS;
    try {
      const answer = await restCall('POST', TICKET_PATH, auth,
        { body: `<FailoverTicket><extension>${escapeXml(extension)}</extension></FailoverTicket>` });
      if (answer.status === 404) return; // this node has no peer or no cluster secret: nothing to keep
      const value = textAt(answer.xml, 'ticket');
      // Its lifetime, not its expiry time: this page's clock may differ from the node's.
      const validMs = Number(textAt(answer.xml, 'validForSeconds')) * 1000;
      if (answer.status === 200 && value && validMs > 0) {
        ticket = { value, expiresAt: Date.now() + validMs };
        wait = Math.max(MIN_RENEW_MS, validMs / 2); // renewed at half its life
      }
    } catch { /* the node is away: keep the last ticket while it lasts */ }
    if (!stopped) timer = setTimeout(() => void fetchTicket(), wait);
  };
  void fetchTicket();
  return {
    current: () => (ticket && ticket.expiresAt > Date.now() ? ticket.value : undefined),
    stop: () => { stopped = true; clearTimeout(timer); },
  };
}

/** The peer's desktop with the ticket in the fragment: never sent to any server, dropped by the peer at once. */
export function desktopUrlWithTicket(origin: string, locale: string, ticket: string | undefined): string {
  const url = new URL('/desktop/container/', origin);
  url.searchParams.set('locale', locale);
  if (ticket) url.hash = `${FRAGMENT_KEY}=${encodeURIComponent(ticket)}`;
  return url.href;
}

/** The ticket of a desktop that moved here, taken out of the address bar and history before anything else runs. */
export function takeTicketFromLocation(): string | undefined {
  const match = new RegExp(`(?:^#|&)${FRAGMENT_KEY}=([^&]*)`).exec(location.hash);
  if (!match) return undefined;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  try { return decodeURIComponent(match[1] ?? ''); } catch { return ''; }
}

export type Redeemed = { ok: true; input: SignInInput } | { ok: false; message: string };

/** Redeems a ticket on this node: the credentials to sign in with, or the node's words for why not. */
export async function redeemTicket(ticket: string): Promise<Redeemed> {
  try {
    const answer = await restCall('POST', `${TICKET_PATH}/Redeem`, undefined,
      { body: `<FailoverTicket><ticket>${escapeXml(ticket)}</ticket></FailoverTicket>` });
    if (answer.status === 200) {
      return { ok: true, input: {
        userId: textAt(answer.xml, 'id'), password: answer.xml?.getElementsByTagName('password')[0]?.textContent ?? '', extension: textAt(answer.xml, 'extension'),
      } };
    }
    return { ok: false, message: textAt(answer.xml, 'ErrorMessage') || `The node answered ${answer.status}.` };
  } catch {
    return { ok: false, message: 'This node could not be reached.' };
  }
}

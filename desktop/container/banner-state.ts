// What the desktop's banner says (desktop-and-gadgets.md §7), as a pure model of two inputs: the master's
// connection status and the contact center's SystemInfo status. A lost connection says more than the status (no
// SystemInfo event can arrive meanwhile); with the connection up, OUT_OF_SERVICE means the web service lost the
// engine (notifications.md §12) and the desktop stays signed in until IN_SERVICE.
import { isConnectedStatus } from './master.ts';
import type { SystemStatus } from './notification.ts';

type Connection = 'up' | 'lost' | 'failing';

const LOST = new Set(['reconnecting', 'disconnected', 'connecting']);

const WORDS: Record<Connection | SystemStatus, string> = {
  failing: 'Reconnecting… This node is not answering; your desktop moves to the other node as soon as it is in service.',
  lost: 'Reconnecting… Your desktop will update again once the connection is back.',
  OUT_OF_SERVICE: 'The contact center is not available right now. You are still signed in; calls and state changes '
    + 'work again as soon as it is back.',
  up: '',
  IN_SERVICE: '',
};

export interface BannerView {
  /** '' when all is well: the banner hides. */
  words: string;
  /** `lost`, `failing`, `out-of-service` or '' (a hook for tests and styles). */
  reason: string;
}

export class BannerState {
  #connection: Connection = 'up';
  #system: SystemStatus = 'IN_SERVICE'; // the desktop signs in only while it is (§1 step 5)

  /**
   * A `finesse.info.connection` status. True when the connection is back after a loss: SystemInfo events may have
   * been missed meanwhile, so the caller reads the status again.
   */
  connection(status: string): boolean {
    const wasDown = this.#connection !== 'up';
    if (isConnectedStatus(status)) this.#connection = 'up';
    else if (status === 'failing') this.#connection = 'failing';
    else if (LOST.has(status) && this.#connection === 'up') this.#connection = 'lost'; // failing stays failing
    return wasDown && this.#connection === 'up';
  }

  system(status: SystemStatus): void { this.#system = status; }

  view(): BannerView {
    if (this.#connection !== 'up') return { words: WORDS[this.#connection], reason: this.#connection };
    return { words: WORDS[this.#system], reason: this.#system === 'OUT_OF_SERVICE' ? 'out-of-service' : '' };
  }
}

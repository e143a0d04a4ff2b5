// How far this browser's clock is from the server's (desktop-and-gadgets.md §5 currentServerTimeMillis), as
// Finesse's `clientDriftInMillis`: client time minus server time. Measured from server times seen on REST answers
// (SystemInfo `currentTimestamp`, in ms; the HTTP `Date` header, in whole seconds), keeping the most precise one.

export interface ServerTimeSample {
  /** The server's time in the answer, epoch ms. */
  serverMs: number;
  /** The browser's clock when the request left and when the answer came. */
  sentAt: number;
  receivedAt: number;
  /** How coarse `serverMs` is: 0 for a timestamp in ms, 1000 for a `Date` header. */
  resolutionMs: number;
}

/** Client minus server at the middle of the round trip, and how uncertain that is. */
export function driftOf(sample: ServerTimeSample): { driftMs: number; uncertaintyMs: number } {
  // A truncated time lies anywhere in [serverMs, serverMs + resolution): take the middle.
  const server = sample.serverMs + sample.resolutionMs / 2;
  const roundTrip = Math.max(0, sample.receivedAt - sample.sentAt);
  return { driftMs: Math.round(sample.sentAt + roundTrip / 2 - server), uncertaintyMs: roundTrip / 2 + sample.resolutionMs / 2 };
}

export class ServerClock {
  #best: { driftMs: number; uncertaintyMs: number } | undefined;

  /** Keeps the sample when it is at least as precise as the best so far. */
  observe(sample: ServerTimeSample): void {
    if (![sample.serverMs, sample.sentAt, sample.receivedAt].every(Number.isFinite)) return;
    const measured = driftOf(sample);
    if (!this.#best || measured.uncertaintyMs <= this.#best.uncertaintyMs) this.#best = measured;
  }

  /** The measured drift, if any answer carried a server time. */
  measuredDriftMs(): number | undefined { return this.#best?.driftMs; }

  forget(): void { this.#best = undefined; }
}

/** The server time of an answer: its SystemInfo `currentTimestamp`, else its `Date` header. */
export function serverTimeOf(currentTimestamp: string | undefined, dateHeader: string | undefined): { serverMs: number; resolutionMs: number } | undefined {
  const stamp = currentTimestamp ? Date.parse(currentTimestamp) : NaN;
  if (Number.isFinite(stamp)) return { serverMs: stamp, resolutionMs: 0 };
  const date = dateHeader ? Date.parse(dateHeader) : NaN;
  if (Number.isFinite(date)) return { serverMs: date, resolutionMs: 1000 };
  return undefined;
}

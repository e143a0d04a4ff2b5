// Times shown by the built-in gadgets: durations (shared with the rest of the desktop), ISO times. Pure.

export { formatDuration } from '../../shared/duration.ts';

/** Epoch ms of an ISO time, or undefined when it is empty or not a time. */
export function parseTime(value: string): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

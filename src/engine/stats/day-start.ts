// "Today" starts at Settings.dayStartsAt, "HH:MM" local to the engine (telephony-and-routing.md §3.8).

/** The last moment at or before `now` when the day started, and the next one. */
export function dayBounds(now: number, dayStartsAt: string): { readonly startsAt: number; readonly nextAt: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(dayStartsAt);
  const hours = match ? Math.min(23, Number(match[1])) : 0;
  const minutes = match ? Math.min(59, Number(match[2])) : 0;
  const start = new Date(now);
  start.setHours(hours, minutes, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return { startsAt: start.getTime(), nextAt: next.getTime() };
}

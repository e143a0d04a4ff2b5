// Running durations: elements carrying `data-since` show the time elapsed, updated every second.
import { formatDuration } from './time.ts';

/**
 * Every second, writes the time elapsed since `data-since` (epoch ms) into each such element under `root`.
 * `now` is the server's clock when the library offers it. Returns the stop function.
 */
export function tickDurations(root: HTMLElement, now: () => number): () => void {
  const tick = () => {
    for (const element of root.querySelectorAll<HTMLElement>('[data-since]')) {
      const since = Number(element.dataset.since);
      if (Number.isFinite(since) && since > 0) element.textContent = formatDuration(now() - since);
    }
  };
  tick();
  const timer = window.setInterval(tick, 1000);
  return () => window.clearInterval(timer);
}

// One whole node for the web benchmarks, as the tests start it: every listener on 127.0.0.1 port 0, PGlite in
// memory, the demo password, quiet logs; POISE_DEMO_AGENTS seeds load1..loadN. Adds the node's CPU use.
import { performance } from 'node:perf_hooks';
import { startWebNode, type WebFixture } from '../../test/support/web.ts';
import { TEST_PASSWORD } from '../../test/support/test-node.ts';

export { TEST_PASSWORD };

/**
 * The first request of each user is checked over AXL (a password hash, about 0.3 s of CPU here), then cached for
 * POISE_WEB_AUTH_CACHE_SECONDS; the benchmarks keep it for their whole run and sign everyone in before measuring.
 */
export async function startBenchNode(agents: number): Promise<WebFixture> {
  return startWebNode({ POISE_DEMO_AGENTS: String(agents), POISE_WEB_AUTH_CACHE_SECONDS: '3600' });
}

/** CPU of this process (the node) over a span, as % of one core. */
export function cpuMeter(): () => { cpuPct: number; wallMs: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  return () => {
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - wall0;
    return { cpuPct: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 1000) / 10, wallMs: Math.round(wallMs) };
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

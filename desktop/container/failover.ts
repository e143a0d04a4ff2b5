// The hook for failover (desktop-and-gadgets.md §7 step 3), not wired yet: when this node is lost, poll the
// alternate node's SystemInfo and hand over its address once it is in service. Loading the desktop there and
// signing in again without asking is left to the failover work.

export interface AlternatePoll { stop(): void }

export const FAILOVER_POLL_MS = 1000; // Poise polls every 1 s so desktops re-attach within 5 s (§7)

/** The alternate node's origin as DesktopConfig's `alternateHost` (`fqdn:8445`) names it. */
export const alternateOrigin = (alternateHost: string): string => `https://${alternateHost}`;

export function pollAlternateHost(origin: string, onInService: (origin: string) => void,
                                  intervalMs = FAILOVER_POLL_MS): AlternatePoll {
  let stopped = false;
  const poll = async (): Promise<void> => {
    if (stopped) return;
    try {
      const response = await fetch(`${origin}/finesse/api/SystemInfo`, { cache: 'no-store', signal: AbortSignal.timeout(intervalMs * 3) });
      const text = await response.text();
      if (!stopped && /<status>\s*IN_SERVICE\s*<\/status>/.test(text)) { stopped = true; onInService(origin); return; }
    } catch { /* the peer is down too: keep polling */ }
    if (!stopped) setTimeout(() => void poll(), intervalMs);
  };
  void poll();
  return { stop: () => { stopped = true; } };
}

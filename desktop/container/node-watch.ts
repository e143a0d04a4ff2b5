// Decides that the desktop's node is lost (desktop-and-gadgets.md §7): the XMPP connection is down (the tunnel says
// reconnecting or disconnected) and the node's own SystemInfo has been unreachable or OUT_OF_SERVICE for a short
// while. Then `failing` goes to the gadgets (they suspend REST events and run their disconnect handler) and the
// desktop looks for the other node; if the connection comes back first, `recovered` (they read their objects again).
import { CONNECTION_TOPIC, isConnectedStatus, statusOf } from './master.ts';
import type { NodeHealth } from './failover.ts';
import type { PageHub } from './hub-types.ts';

export interface NodeWatchOptions {
  hub: PageHub;
  /** One look at this node's SystemInfo. */
  checkOwnNode: () => Promise<NodeHealth>;
  /** The library's ClientServices.setFailoverMode: publishes `failing` or `recovered` (§7 step 2). */
  setFailoverMode: (failing: boolean) => void;
  /** Once per loss: the node is lost, look for the other one. */
  onLost: () => void;
  /** The connection came back after onLost: stop looking. */
  onRecovered: () => void;
  checkEveryMs?: number;
  /** How long SystemInfo must stay bad, with the connection down, before the node counts as lost. */
  lostAfterMs?: number;
  now?: () => number;
}

export interface NodeWatch { stop(): void; readonly failing: boolean }

const DOWN = new Set(['reconnecting', 'disconnected']);
export const CHECK_EVERY_MS = 1000;
export const LOST_AFTER_MS = 3000;

export function watchNode(options: NodeWatchOptions): NodeWatch {
  const every = options.checkEveryMs ?? CHECK_EVERY_MS;
  const lostAfter = options.lostAfterMs ?? LOST_AFTER_MS;
  const now = options.now ?? Date.now;
  let connectionDown = false;
  let badSince: number | undefined;
  let failing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let checking = false; // one chain of checks at a time, however often the connection flaps

  const check = async (): Promise<void> => {
    timer = undefined;
    if (stopped || !connectionDown || checking) return;
    checking = true;
    const health = await options.checkOwnNode().finally(() => { checking = false; });
    if (stopped || !connectionDown) return;
    if (health === 'in-service') badSince = undefined;
    else badSince ??= now();
    if (!failing && badSince !== undefined && now() - badSince >= lostAfter) {
      failing = true;
      options.setFailoverMode(true);
      options.onLost();
    }
    timer = setTimeout(() => void check(), every);
  };

  const subscription = options.hub.subscribe(CONNECTION_TOPIC, (_topic, data) => {
    const status = statusOf(data);
    if (DOWN.has(status) && !connectionDown) {
      connectionDown = true;
      badSince = undefined;
      if (!timer) void check();
    } else if (isConnectedStatus(status) && connectionDown) {
      connectionDown = false;
      clearTimeout(timer);
      timer = undefined;
      if (failing && status === 'connected') {
        failing = false;
        options.setFailoverMode(false); // `recovered`: gadgets read their objects again
        options.onRecovered();
      }
    }
    // `failing` and `recovered` are this watch's own; `connecting` comes before the first connection only.
  });

  return {
    get failing() { return failing; },
    stop() {
      stopped = true;
      clearTimeout(timer);
      try { options.hub.unsubscribe(subscription); } catch { /* gone with the hub */ }
    },
  };
}

// One node, no broker: messages go straight from the engine to Live Data in the same process. Each message is
// still encoded and decoded so the embedded path behaves like the brokered one (no shared mutable objects).
import type { StatisticsBroker, Subscription } from './broker.ts';
import { decodeStatisticsMessage, encodeStatisticsMessage, type StatisticsMessage } from './messages.ts';
import { StatusListeners } from './status-listeners.ts';

export function inProcessBroker(): StatisticsBroker {
  const subscribers = new Set<(message: StatisticsMessage) => void>();
  const status = new StatusListeners('up');
  let rejected = 0;
  return {
    kind: 'memory',
    get status() { return status.status; },
    get rejectedMessages() { return rejected; },
    publish(message) {
      const bytes = encodeStatisticsMessage(message);
      // Delivered on a later tick, as a broker would: a subscriber never runs inside the publisher's call.
      queueMicrotask(() => {
        const decoded = decodeStatisticsMessage(bytes);
        if (!decoded.ok) { rejected++; return; }
        for (const subscriber of [...subscribers]) subscriber(decoded.message);
      });
    },
    async subscribe(onMessage): Promise<Subscription> {
      subscribers.add(onMessage);
      return { unsubscribe: async () => { subscribers.delete(onMessage); } };
    },
    onStatus: (listener) => status.add(listener),
    async close() { subscribers.clear(); },
  };
}

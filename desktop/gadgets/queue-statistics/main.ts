// Queue statistics (desktop-and-gadgets.md §6.3, /desktop/scripts/js/queueStatistics.js): the user's queues
// from user.getQueues() with Queue.getStatistics() (rest-api.md §10), kept current from each queue's node: every
// item of the collection subscribes to it and fires `change` on its notifications (at most every 10 s).
import '../shared/gadget.css';
import './queue-statistics.css';
import { text } from '../shared/data.ts';
import { h, replaceContent } from '../shared/dom.ts';
import { describeFailure } from '../shared/errors.ts';
import type { Queue, RestCollection } from '../shared/finesse-api.ts';
import { bootGadget, type GadgetSession } from '../shared/gadget-boot.ts';
import { formatDuration, parseTime } from '../shared/time.ts';
import { tickDurations } from '../shared/ticker.ts';

/** -1 means "not available" (rest-api.md §10: an unassigned queue, or Finesse with UCCX). */
const count = (stats: unknown, name: string): string => {
  const value = text(stats, name);
  return value === '' || value === '-1' ? '—' : value;
};

const sum = (stats: unknown, names: readonly string[]): string => {
  const values = names.map((n) => Number(text(stats, n))).filter((n) => Number.isFinite(n) && n >= 0);
  return values.length === 0 ? '—' : String(values.reduce((a, b) => a + b, 0));
};

class QueueStatistics {
  readonly #session: GadgetSession;
  readonly #watched = new WeakSet<Queue>();
  #queues: RestCollection<Queue> | undefined;
  #message = '';

  constructor(session: GadgetSession) {
    this.#session = session;
    this.#queues = session.user.getQueues({
      onLoad: (queues) => { this.#queues = queues; this.render(); },
      onCollectionAdd: () => this.render(),
      onCollectionDelete: () => this.render(),
      onChange: () => this.render(),
      onError: (rsp) => { this.#message = describeFailure('Could not load your queues', rsp); this.render(); },
    });
    tickDurations(session.root, session.serverNow);
    this.render();
  }

  render(): void {
    const queues = Object.values(this.#queues?.getCollection() ?? {});
    for (const queue of queues) {
      if (this.#watched.has(queue)) continue;
      this.#watched.add(queue);
      queue.addHandler('change', () => this.render());
    }
    queues.sort((a, b) => a.getName().localeCompare(b.getName()));
    const now = this.#session.serverNow();
    const loaded = this.#queues?.isLoaded() ?? false;
    const table = h('table', { class: 'poise-table queue-table' },
      h('caption', { class: 'poise-sr-only' }, 'Queue statistics'),
      h('thead', {}, h('tr', {}, ...['Queue', 'Calls waiting', 'Longest wait', 'Ready', 'Talking', 'Not Ready', 'Signed in']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...queues.map((queue) => {
        const stats = queue.getStatistics();
        const oldest = parseTime(text(stats, 'startTimeOfLongestCallInQueue'));
        const waiting = count(stats, 'callsInQueue');
        return h('tr', { 'data-queue-id': queue.getId(), 'data-waiting': waiting },
          h('th', { scope: 'row' }, queue.getName()),
          h('td', { class: waiting !== '—' && waiting !== '0' ? 'waiting' : '' }, waiting),
          h('td', { class: 'duration' }, oldest !== undefined && waiting !== '0' ? h('span', { 'data-since': oldest }, formatDuration(now - oldest)) : '—'),
          h('td', {}, count(stats, 'agentsReady')),
          h('td', {}, sum(stats, ['agentsTalkingInbound', 'agentsTalkingOutbound', 'agentsTalkingInternal'])),
          h('td', {}, count(stats, 'agentsNotReady')),
          h('td', {}, count(stats, 'agentsLoggedOn')));
      })));
    replaceContent(this.#session.root, [
      this.#message ? h('p', { class: 'poise-error', role: 'alert' }, this.#message) : undefined,
      queues.length > 0 ? table : h('p', { class: 'poise-muted' }, loaded ? 'You are in no queue.' : 'Loading the queues…'),
    ]);
    this.#session.resize();
  }
}

let gadget: QueueStatistics | undefined;
bootGadget({
  onUserLoad: (session) => { gadget = new QueueStatistics(session); },
  onUserChange: () => gadget?.render(),
});

// Recent State History (desktop-and-gadgets.md §6.2 HistoryRow): the last state changes of each agent, as Live Data
// saw them on the stream. Bounded per agent; the newest row's duration is null (running, the client ticks it).
import type { AgentRecord } from '../broker/messages.ts';
import type { HistoryRow } from '../reports/rows.ts';

const KEEP_PER_AGENT = 50;

interface Entry { start: number; state: AgentRecord['state']; reasonCode: number | undefined }

export class StateHistory {
  readonly #entries = new Map<string, Entry[]>();

  record(agent: AgentRecord): void {
    let entries = this.#entries.get(agent.agentId);
    if (!entries) this.#entries.set(agent.agentId, (entries = []));
    const last = entries.at(-1);
    if (last && last.start === agent.stateSince && last.state === agent.state) return;   // a republish, not a change
    entries.push({ start: agent.stateSince, state: agent.state, reasonCode: agent.reasonCode });
    if (entries.length > KEEP_PER_AGENT) entries.shift();
  }

  forget(agentId: string): void { this.#entries.delete(agentId); }

  rowsOf(agentId: string, now: number): HistoryRow[] {
    const entries = this.#entries.get(agentId) ?? [];
    return entries.map((e, i) => row(agentId, e, entries[i + 1]?.start, now));
  }

  /** The rows a new change touches: the one it ended and the one it started. */
  latestRowsOf(agentId: string, now: number): HistoryRow[] {
    return this.rowsOf(agentId, now).slice(-2);
  }
}

function row(agentId: string, e: Entry, end: number | undefined, _now: number): HistoryRow {
  return {
    key: `${agentId}:${e.start}`, agentId, start: e.start, state: e.state,
    ...(e.reasonCode === undefined || e.reasonCode === 0 ? {} : { reasonCode: e.reasonCode }),
    durationMs: end === undefined ? null : end - e.start,
  };
}

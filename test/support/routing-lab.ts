// A router over a virtual clock with agents and CSQs built from short tables, for routing tests.
import { VirtualClock } from '../../src/shared/clock.ts';
import { AgentStates } from '../../src/engine/resources/agent-states.ts';
import { DEFAULT_SETTINGS, type Csq, type Resource, type Settings } from '../../src/engine/resources/types.ts';
import { Router, type Reservation } from '../../src/engine/routing/router.ts';

export interface AgentRow {
  userId: string;
  skills?: Record<number, number>;
  group?: number;
  order?: number;
  automaticAvailable?: boolean;
}

export function csq(id: number, fields: Partial<Csq> = {}): Csq {
  return {
    id, name: `CSQ ${id}`, queueType: 'VOICE', autoWork: false, wrapupTime: 0, selectionCriteria: 'Longest Available',
    serviceLevel: 5, serviceLevelPercentage: 70, ronaTimeoutSec: 0, ronaRequeue: 'HEAD',
    pool: { type: 'SKILL_GROUP', skills: [{ skillId: 1, minimumCompetence: 1, weight: 1, order: 1 }] },
    ...fields,
  };
}

export function resource(row: AgentRow): Resource {
  return {
    userId: row.userId, extension: `10${row.userId}`, type: 'AGENT', resourceGroupId: row.group, groupOrder: row.order,
    skills: new Map(Object.entries(row.skills ?? {}).map(([k, v]) => [Number(k), v])),
    automaticAvailable: row.automaticAvailable ?? true, teamId: undefined,
  };
}

export function routingLab(settings: Partial<Settings> = {}) {
  const clock = new VirtualClock(1_000_000);
  const agents = new AgentStates(clock);
  const reserved: Reservation[] = [];
  const ronas: Reservation[] = [];
  const router = new Router({
    clock, agents, settings: () => ({ ...DEFAULT_SETTINGS, ...settings }),
    events: { onReserved: (r) => reserved.push(r), onRona: (r) => ronas.push(r) },
  });
  return {
    clock, agents, router, reserved, ronas,
    /** Logs the agent in and makes it READY. */
    ready(userId: string) {
      agents.request(userId, 'LOGIN');
      const reply = agents.request(userId, 'READY');
      if (!reply.ok) throw new Error(reply.reason);
    },
    lastReserved(): string | undefined { return reserved[reserved.length - 1]?.userId; },
  };
}

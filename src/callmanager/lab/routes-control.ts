// /lab/events, /lab/reset, /lab/clock and /lab/load: watching and steering the simulated world.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SwitchableClock } from '../../shared/clock.ts';
import type { CallEvent } from '../calls/types.ts';
import { LabError, parseInput } from './lab-error.ts';
import type { LabTelephony } from './lab-telephony.ts';
import type { EventLog } from './event-log.ts';
import { LoadSpec } from './load-plan.ts';
import { LoadRun } from './load-runner.ts';

const Since = z.object({ since: z.coerce.number().int().min(0).default(0), waitMs: z.coerce.number().int().min(0).optional() });
const ClockMode = z.object({ mode: z.enum(['real', 'virtual']), now: z.number().int().min(0).optional() });
const Advance = z.object({ ms: z.number().int().min(0).max(31 * 86_400_000) });
const RunId = z.object({ runId: z.string().min(1).max(64) });

export interface ControlRouteDeps {
  telephony: LabTelephony;
  clock: SwitchableClock;
  events: EventLog<CallEvent>;
  longPollMs: number;
  isRobotPhone: (device: string) => boolean;
  runs: Map<string, LoadRun>;
  /** Clears what the lab remembers of calls (notes, patience timers). */
  onReset: () => void;
}

export function registerControlRoutes(app: FastifyInstance, deps: ControlRouteDeps): void {
  const { telephony, clock, events, runs } = deps;

  app.get('/lab/events', async (request) => {
    const query = parseInput(Since, request.query);
    const abort = new AbortController();
    request.raw.once('close', () => abort.abort());
    const found = await events.wait(query.since, Math.min(query.waitMs ?? deps.longPollMs, deps.longPollMs), abort.signal);
    return { events: found, lastSeq: found.at(-1)?.seq ?? Math.max(query.since, 0) };
  });

  app.post('/lab/reset', async () => {
    for (const run of runs.values()) run.stop();
    runs.clear();
    deps.onReset();
    telephony.dropAll();
    return { reset: true };
  });

  app.get('/lab/clock', async () => ({ mode: clock.mode, now: clock.now() }));

  app.post('/lab/clock', async (request) => {
    const body = parseInput(ClockMode, request.body);
    if (body.mode === 'virtual') clock.useVirtual(body.now ?? clock.now());
    else clock.useReal();
    return { mode: clock.mode, now: clock.now() };
  });

  app.post('/lab/clock/advance', async (request) => {
    const body = parseInput(Advance, request.body);
    const virtual = clock.virtual;
    if (!virtual) throw new LabError('CONFLICT', 'the clock is real; POST /lab/clock {"mode":"virtual"} first');
    const fired = virtual.advance(body.ms);
    return { mode: clock.mode, now: clock.now(), timersFired: fired };
  });

  app.post('/lab/load', async (request, reply) => {
    const spec = parseInput(LoadSpec, request.body);
    if (spec.agentControl === 'cti') {
      throw new LabError('UNAVAILABLE', 'agentControl "cti" needs the contact-center engine, which this node does not run');
    }
    const robots = spec.agents ? new Set(spec.agents) : undefined;
    const runId = randomUUID();
    const isRobot = robots ? (device: string) => robots.has(device) : deps.isRobotPhone;
    runs.set(runId, new LoadRun(runId, spec, telephony, clock, isRobot));
    return reply.code(201).send({ runId });
  });

  app.get('/lab/load/:runId', async (request) => {
    const run = runs.get(parseInput(RunId, request.params).runId);
    if (!run) throw new LabError('NOT_FOUND', 'no such load run');
    return run.progress();
  });

  app.delete('/lab/load/:runId', async (request) => {
    const run = runs.get(parseInput(RunId, request.params).runId);
    if (!run) throw new LabError('NOT_FOUND', 'no such load run');
    run.stop();
    return run.progress();
  });
}

// A contact center for benchmarks, built directly on the call model and the engine (no store, no HTTP): N agents
// over C CSQs (agent i serves CSQ i mod C with one skill), one route point per CSQ, teams of 50 agents each with a
// supervisor `benchsup<k>`, and the seeded load generator with robot phones that answer after a second.
import { CallModel } from '../../src/callmanager/calls/call-model.ts';
import { MemoryDialPlan } from '../../src/callmanager/calls/memory-dial-plan.ts';
import { labTelephonyOver } from '../../src/callmanager/lab/call-model-telephony.ts';
import { LoadSpec } from '../../src/callmanager/lab/load-plan.ts';
import { LoadRun } from '../../src/callmanager/lab/load-runner.ts';
import { TelephonyProvider } from '../../src/callmanager/provider/provider.ts';
import type { EngineConfig } from '../../src/engine/config/engine-config.ts';
import { openEngine, type Engine } from '../../src/engine/engine.ts';
import { inProcessProvider } from '../../src/engine/provider-link/in-process-session.ts';
import { DEFAULT_SETTINGS, type Csq } from '../../src/engine/resources/types.ts';
import { RealClock } from '../../src/shared/clock.ts';
import { silentLogger } from '../../src/shared/logger.ts';

export const TEAM_SIZE = 50;

export interface BenchAgent { userId: string; extension: string; phone: string; csq: number; team: number }

export interface BenchContactCenter {
  engine: Engine;
  clock: RealClock;
  agents: readonly BenchAgent[];
  routePoints: readonly { dn: string; device: string }[];
  /** Every agent signed in and READY. */
  signInAll(): void;
  /** The seeded load generator: `callsPerSecond` for `seconds`, 15 s average talk. */
  startLoad(callsPerSecond: number, seconds: number): LoadRun;
  close(): Promise<void>;
}

export async function openBenchContactCenter(size: { agents: number; csqs: number }): Promise<BenchContactCenter> {
  const dialPlan = new MemoryDialPlan();
  const routePoints = Array.from({ length: size.csqs }, (_, i) => ({ dn: String(7201 + i), device: `RP_${7201 + i}` }));
  for (const rp of routePoints) dialPlan.addDevice({ name: rp.device, kind: 'CTI_ROUTE_POINT', lines: [{ pattern: rp.dn }] });
  const agents: BenchAgent[] = Array.from({ length: size.agents }, (_, i) => ({
    userId: `bench${i + 1}`, extension: String(30001 + i), phone: `SEP${String(30001 + i).padStart(12, '0')}`,
    csq: (i % size.csqs) + 1, team: Math.floor(i / TEAM_SIZE) + 1,
  }));
  for (const a of agents) dialPlan.addDevice({ name: a.phone, kind: 'PHONE', registered: true, lines: [{ pattern: a.extension }] });
  const model = new CallModel({ dialPlan });
  const provider = new TelephonyProvider({
    model, devices: dialPlan,
    authenticateAppUser: async () => ({ userid: 'bench', associatedDevices: [...routePoints.map((r) => r.device), ...agents.map((a) => a.phone)] }),
  });
  // CSQ n serves skill n; its trigger is route point 720n.
  const csqs: Csq[] = Array.from({ length: size.csqs }, (_, i) => ({
    id: i + 1, name: `Bench CSQ ${i + 1}`, queueType: 'VOICE', autoWork: false, wrapupTime: 0,
    pool: { type: 'SKILL_GROUP', skills: [{ skillId: i + 1, minimumCompetence: 1, weight: 1, order: 1 }] },
    selectionCriteria: 'Longest Available', serviceLevel: 5, serviceLevelPercentage: 80, ronaTimeoutSec: 0, ronaRequeue: 'HEAD',
  }));
  const teamCount = Math.ceil(size.agents / TEAM_SIZE);
  const config: EngineConfig = {
    skills: csqs.map((c) => ({ id: c.id, name: c.name })), resourceGroups: [],
    teams: Array.from({ length: teamCount }, (_, i) => ({
      id: i + 1, name: `Bench team ${i + 1}`, agents: agents.filter((a) => a.team === i + 1).map((a) => a.userId),
      csqs: [], primarySupervisor: `benchsup${i + 1}`, secondarySupervisors: [],
    })),
    resources: agents.map((a) => ({ userId: a.userId, automaticAvailable: true, skills: new Map([[a.csq, 5]]), teamId: a.team })),
    csqs,
    applications: csqs.map((c) => ({ id: c.id, name: c.name, maxSessions: 1000, script: 'icd', parameters: { CSQ: c.name } })),
    callControlGroups: [],
    triggers: routePoints.map((rp, i) => ({
      directoryNumber: rp.dn, routePartitionName: '', deviceName: rp.device, applicationId: i + 1, enabled: true,
      maxSessions: 1000, idleTimeoutMs: 5000,
    })),
    settings: DEFAULT_SETTINGS,
  };
  const clock = new RealClock();
  const engine = await openEngine({
    provider: inProcessProvider(provider), credentials: { appUser: 'bench', password: 'bench' }, clock, log: silentLogger,
    repository: { load: async () => config },
    directory: { listAgents: async () => agents.map((a) => ({ userId: a.userId, extension: a.extension, type: 'AGENT' as const, devices: [a.phone] })) },
  });
  return {
    engine, clock, agents, routePoints,
    signInAll() {
      for (const a of agents) {
        engine.agents.request(a.userId, 'LOGIN');
        engine.agents.request(a.userId, 'READY');
      }
    },
    startLoad(callsPerSecond, seconds) {
      const spec = LoadSpec.parse({
        seed: 20_260_525, callsPerSecond, durationSec: seconds,
        routePoints: routePoints.map((r) => ({ dn: r.dn, weight: 1 })), ahtSec: 15, answerDelaySec: 1,
      });
      return new LoadRun('bench', spec, labTelephonyOver(model, dialPlan), clock, (device) => device.startsWith('SEP'));
    },
    async close() {
      await engine.close();
      clock.close();
    },
  };
}

// Seeds the engine's part of the demo contact center on first start (src/shared/demo-contact-center.ts): one
// skill, CSQ, application and trigger per demo team, the teams with their supervisors and CSQs, and every demo
// agent's skill and team. Load teams are added when POISE_DEMO_AGENTS asks for more than were seeded.
import type { Logger } from '../../shared/logger.ts';
import { DEMO_AGENTS, DEMO_CTI_PORTS, DEMO_TEAMS, LOAD_ROUTE_POINTS, loadAgents, type DemoAgent, type DemoTeam } from '../../shared/demo-contact-center.ts';
import type { EngineRepository } from './repository.ts';

const SEEDED = 'demo.seeded';
const LOAD_AGENTS = 'demo.loadAgents';
/** Competence the demo gives an agent in its team's skill (1–10, §2.3). */
const DEMO_COMPETENCE = 5;
/** Wrap-up after each demo call (adminapi.md §2.4 Automatic Work), long enough to see on a desktop. */
const DEMO_WRAPUP_SECONDS = 30;
export const DEMO_CALL_CONTROL_GROUP = 'Poise IVR ports';

export async function seedEngineDemo(repo: EngineRepository, options: { loadAgents: number; log: Logger }): Promise<void> {
  if ((await repo.readSetting(SEEDED)) === undefined) {
    const ccg = await repo.addCallControlGroup({ name: DEMO_CALL_CONTROL_GROUP, ctiPorts: DEMO_CTI_PORTS.map((p) => p.name) });
    await seedTeams(repo, DEMO_TEAMS, DEMO_AGENTS, ccg, (team) => `RP_${team.name}`);
    await repo.writeSetting(SEEDED, new Date().toISOString());
    options.log.info({ teams: DEMO_TEAMS.length }, 'engine demo configuration seeded');
  }
  const seededLoad = Number((await repo.readSetting(LOAD_AGENTS)) ?? 0);
  if (options.loadAgents > seededLoad) {
    const config = await repo.load();
    const ccg = config.callControlGroups.find((g) => g.name === DEMO_CALL_CONTROL_GROUP)?.id;
    const { agents, teams } = loadAgents(options.loadAgents);
    const known = new Set(config.teams.map((t) => t.name));
    const newTeams = teams.filter((t) => !known.has(t.name));
    const newAgents = agents.filter((a) => newTeams.some((t) => t.name === a.team));
    await seedTeams(repo, newTeams, newAgents, ccg, (team) => `RP_Load_${LOAD_ROUTE_POINTS.indexOf(team.routePoint) + 1}`);
    await repo.writeSetting(LOAD_AGENTS, String(options.loadAgents));
    options.log.info({ teams: newTeams.length }, 'engine load teams seeded');
  }
}

/** Teams sharing a CSQ (load teams share four) get one skill, CSQ, application and trigger between them. */
async function seedTeams(
  repo: EngineRepository, teams: readonly DemoTeam[], agents: readonly DemoAgent[], ccg: number | undefined,
  routePointName: (team: DemoTeam) => string,
): Promise<void> {
  const config = await repo.load();
  const csqIds = new Map(config.csqs.map((c) => [c.name, c.id]));
  const skillIds = new Map(config.skills.map((s) => [s.name, s.id]));
  for (const team of teams) {
    if (!csqIds.has(team.csq)) {
      const skillId = await repo.addSkill(team.csq);
      skillIds.set(team.csq, skillId);
      const csqId = await repo.addCsq({
        name: team.csq, queueType: 'VOICE', autoWork: true, wrapupTime: DEMO_WRAPUP_SECONDS,
        pool: { type: 'SKILL_GROUP', skills: [{ skillId, minimumCompetence: 1, weight: 1, order: 1 }] },
        selectionCriteria: 'Longest Available', serviceLevel: 5, serviceLevelPercentage: 70, ronaTimeoutSec: 0,
        ronaRequeue: 'HEAD',
      });
      csqIds.set(team.csq, csqId);
      const applicationId = await repo.addApplication({
        name: team.csq, maxSessions: 20, script: 'icd', parameters: { CSQ: team.csq },
      });
      await repo.addTrigger({
        directoryNumber: team.routePoint, routePartitionName: '', deviceName: routePointName(team), applicationId,
        callControlGroupId: ccg, enabled: true, maxSessions: 20, idleTimeoutMs: 5000,
      });
    }
    const teamId = await repo.addTeam({
      name: team.name, primarySupervisor: team.supervisor, secondarySupervisors: [], csqs: [csqIds.get(team.csq)!],
    });
    const skillId = skillIds.get(team.csq)!;
    for (const agent of agents.filter((a) => a.team === team.name)) {
      await repo.setResource({
        userId: agent.userid, teamId, automaticAvailable: true,
        skills: agent.role === 'Agent' ? new Map([[skillId, DEMO_COMPETENCE]]) : new Map(),
      });
    }
  }
}

// The engine's configuration in its own tables (src/engine/schema.ts). Reads return the whole EngineConfig;
// writes take the §3.2 entities. Each write runs in one transaction so a refused reference stores nothing.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import {
  applications, callControlGroups, csqSkills, csqs, resourceGroups, resourceSkills, resources, settings, skills,
  teamCsqs, teams, triggers,
} from '../schema.ts';
import {
  DEFAULT_SETTINGS, type Application, type CallControlGroup, type Csq, type SelectionCriterion, type Settings,
  type Team, type Trigger,
} from '../resources/types.ts';
import type { EngineConfig, ResourceConfig } from './engine-config.ts';

type New<T> = Omit<T, 'id'>;
const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export class EngineRepository {
  constructor(private readonly db: Database) {}

  async load(): Promise<EngineConfig> {
    const db = this.db;
    const [skillRows, groupRows, teamRows, teamCsqRows, resourceRows, resourceSkillRows, csqRows, csqSkillRows,
      appRows, ccgRows, triggerRows] = await Promise.all([
      db.select().from(skills).orderBy(asc(skills.id)),
      db.select().from(resourceGroups).orderBy(asc(resourceGroups.id)),
      db.select().from(teams).orderBy(asc(teams.id)),
      db.select().from(teamCsqs),
      db.select().from(resources).orderBy(asc(resources.userId)),
      db.select().from(resourceSkills),
      db.select().from(csqs).orderBy(asc(csqs.id)),
      db.select().from(csqSkills).orderBy(asc(csqSkills.skillOrder), asc(csqSkills.skillId)),
      db.select().from(applications).orderBy(asc(applications.id)),
      db.select().from(callControlGroups).orderBy(asc(callControlGroups.id)),
      db.select().from(triggers).orderBy(asc(triggers.directoryNumber)),
    ]);
    const resourceList: ResourceConfig[] = resourceRows.map((r) => ({
      userId: r.userId, resourceGroupId: opt(r.resourceGroupId), groupOrder: opt(r.groupOrder), teamId: opt(r.teamId),
      automaticAvailable: r.automaticAvailable,
      skills: new Map(resourceSkillRows.filter((s) => s.userId === r.userId).map((s) => [s.skillId, s.competence])),
    }));
    const teamList: Team[] = teamRows.map((t) => ({
      id: t.id, name: t.name, primarySupervisor: opt(t.primarySupervisor), secondarySupervisors: t.secondarySupervisors,
      agents: resourceList.filter((r) => r.teamId === t.id).map((r) => r.userId),
      csqs: teamCsqRows.filter((c) => c.teamId === t.id).map((c) => c.csqId).sort((a, b) => a - b),
    }));
    const csqList: Csq[] = csqRows.map((c) => ({
      id: c.id, name: c.name, queueType: c.queueType, autoWork: c.autoWork, wrapupTime: c.wrapupTime,
      selectionCriteria: c.selectionCriteria as SelectionCriterion, serviceLevel: c.serviceLevel,
      serviceLevelPercentage: c.serviceLevelPercentage, ronaTimeoutSec: c.ronaTimeoutSec, ronaRequeue: c.ronaRequeue,
      pool: c.poolType === 'RESOURCE_GROUP'
        ? { type: 'RESOURCE_GROUP', resourceGroupId: c.resourceGroupId ?? 0 }
        : {
          type: 'SKILL_GROUP',
          skills: csqSkillRows.filter((s) => s.csqId === c.id).map((s) => ({
            skillId: s.skillId, minimumCompetence: s.minimumCompetence, weight: s.weight, order: s.skillOrder,
          })),
        },
    }));
    return {
      skills: skillRows, resourceGroups: groupRows, teams: teamList, resources: resourceList, csqs: csqList,
      applications: appRows.map((a): Application => ({ ...a })),
      callControlGroups: ccgRows.map((g): CallControlGroup => ({ ...g })),
      triggers: triggerRows.map((t): Trigger => ({ ...t, callControlGroupId: opt(t.callControlGroupId) })),
      settings: await this.settings(),
    };
  }

  async addSkill(name: string): Promise<number> {
    const [row] = await this.db.insert(skills).values({ name }).returning({ id: skills.id });
    return row!.id;
  }

  async addResourceGroup(name: string): Promise<number> {
    const [row] = await this.db.insert(resourceGroups).values({ name }).returning({ id: resourceGroups.id });
    return row!.id;
  }

  async addCsq(csq: New<Csq>): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(csqs).values({
        name: csq.name, queueType: csq.queueType, autoWork: csq.autoWork, wrapupTime: csq.wrapupTime,
        poolType: csq.pool.type, resourceGroupId: csq.pool.type === 'RESOURCE_GROUP' ? csq.pool.resourceGroupId : null,
        selectionCriteria: csq.selectionCriteria, serviceLevel: csq.serviceLevel,
        serviceLevelPercentage: csq.serviceLevelPercentage, ronaTimeoutSec: csq.ronaTimeoutSec,
        ronaRequeue: csq.ronaRequeue,
      }).returning({ id: csqs.id });
      const id = row!.id;
      if (csq.pool.type === 'SKILL_GROUP' && csq.pool.skills.length > 0) {
        await tx.insert(csqSkills).values(csq.pool.skills.map((s) => ({
          csqId: id, skillId: s.skillId, minimumCompetence: s.minimumCompetence, weight: s.weight, skillOrder: s.order,
        })));
      }
      return id;
    });
  }

  /** A team with its CSQs; its agents are the resources whose teamId names it. */
  async addTeam(team: Omit<Team, 'id' | 'agents'>): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(teams).values({
        name: team.name, primarySupervisor: team.primarySupervisor ?? null,
        secondarySupervisors: [...team.secondarySupervisors],
      }).returning({ id: teams.id });
      const id = row!.id;
      if (team.csqs.length > 0) await tx.insert(teamCsqs).values(team.csqs.map((csqId) => ({ teamId: id, csqId })));
      return id;
    });
  }

  /** Adds or replaces a resource's engine attributes and skills. */
  async setResource(resource: ResourceConfig): Promise<void> {
    await this.db.transaction(async (tx) => {
      const values = {
        resourceGroupId: resource.resourceGroupId ?? null, groupOrder: resource.groupOrder ?? null,
        teamId: resource.teamId ?? null, automaticAvailable: resource.automaticAvailable,
      };
      await tx.insert(resources).values({ userId: resource.userId, ...values })
        .onConflictDoUpdate({ target: resources.userId, set: values });
      await tx.delete(resourceSkills).where(eq(resourceSkills.userId, resource.userId));
      const rows = [...resource.skills].map(([skillId, competence]) => ({ userId: resource.userId, skillId, competence }));
      if (rows.length > 0) await tx.insert(resourceSkills).values(rows);
    });
  }

  async addApplication(app: New<Application>): Promise<number> {
    const [row] = await this.db.insert(applications).values({
      name: app.name, maxSessions: app.maxSessions, script: app.script, parameters: { ...app.parameters },
    }).returning({ id: applications.id });
    return row!.id;
  }

  async addCallControlGroup(group: New<CallControlGroup>): Promise<number> {
    const [row] = await this.db.insert(callControlGroups).values({ name: group.name, ctiPorts: [...group.ctiPorts] })
      .returning({ id: callControlGroups.id });
    return row!.id;
  }

  async addTrigger(trigger: Trigger): Promise<void> {
    await this.db.insert(triggers).values({ ...trigger, callControlGroupId: trigger.callControlGroupId ?? null });
  }

  async settings(): Promise<Settings> {
    const rows = await this.db.select().from(settings);
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    const rna = value('agentStateAfterRna');
    const seconds = Number(value('ringNoAnswerSeconds'));
    return {
      agentStateAfterRna: rna === 'READY' || rna === 'NOT_READY' ? rna : DEFAULT_SETTINGS.agentStateAfterRna,
      ringNoAnswerSeconds: Number.isInteger(seconds) && seconds > 0 ? seconds : DEFAULT_SETTINGS.ringNoAnswerSeconds,
      dayStartsAt: value('dayStartsAt') ?? DEFAULT_SETTINGS.dayStartsAt,
    };
  }

  async readSetting(key: string): Promise<string | undefined> {
    const [row] = await this.db.select().from(settings).where(eq(settings.key, key));
    return row?.value;
  }

  async writeSetting(key: string, value: string): Promise<void> {
    await this.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
  }
}

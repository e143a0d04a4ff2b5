// The engine's tables as the Configuration API reads them: one consistent snapshot per request, rows as stored
// (the API shows fields routing does not use), and writes in one transaction so a refused request stores nothing.
import { asc } from 'drizzle-orm';
import type { Database } from '../../store/database.ts';
import {
  applications, callControlGroups, csqSkills, csqs, resourceGroups, resourceSkills, resources, skills, teamCsqs,
  teams, triggers,
} from '../schema.ts';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface Snapshot {
  skills: (typeof skills.$inferSelect)[];
  resourceGroups: (typeof resourceGroups.$inferSelect)[];
  teams: (typeof teams.$inferSelect)[];
  teamCsqs: (typeof teamCsqs.$inferSelect)[];
  resources: (typeof resources.$inferSelect)[];
  resourceSkills: (typeof resourceSkills.$inferSelect)[];
  csqs: (typeof csqs.$inferSelect)[];
  csqSkills: (typeof csqSkills.$inferSelect)[];
  applications: (typeof applications.$inferSelect)[];
  callControlGroups: (typeof callControlGroups.$inferSelect)[];
  triggers: (typeof triggers.$inferSelect)[];
}

export async function readSnapshot(db: Database | Tx): Promise<Snapshot> {
  const [s, g, t, tc, r, rs, c, cs, a, ccg, tr] = await Promise.all([
    db.select().from(skills).orderBy(asc(skills.id)),
    db.select().from(resourceGroups).orderBy(asc(resourceGroups.id)),
    db.select().from(teams).orderBy(asc(teams.id)),
    db.select().from(teamCsqs).orderBy(asc(teamCsqs.csqId)),
    db.select().from(resources).orderBy(asc(resources.userId)),
    db.select().from(resourceSkills).orderBy(asc(resourceSkills.skillId)),
    db.select().from(csqs).orderBy(asc(csqs.id)),
    db.select().from(csqSkills).orderBy(asc(csqSkills.skillOrder), asc(csqSkills.skillId)),
    db.select().from(applications).orderBy(asc(applications.id)),
    db.select().from(callControlGroups).orderBy(asc(callControlGroups.id)),
    db.select().from(triggers).orderBy(asc(triggers.directoryNumber)),
  ]);
  return {
    skills: s, resourceGroups: g, teams: t, teamCsqs: tc, resources: r, resourceSkills: rs, csqs: c, csqSkills: cs,
    applications: a, callControlGroups: ccg, triggers: tr,
  };
}

/** Names compare without case (adminapi.md §1.4, inference). */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

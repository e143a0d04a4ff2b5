// The teams a web service in another node sends the notification service over its publisher link (docs/notify.md):
// `<query xmlns='urn:poise:teams:0'><team id='2'><agent>agent1</agent><supervisor>supervisor1</supervisor></team>…`.
// Pure: a team map to the query's XML and back. Sizes are bounded so a malformed or hostile query is refused whole.
import { escapeXML, type Element } from 'ltx';

export const TEAMS_NS = 'urn:poise:teams:0';

/** Team id (as in the REST API) → its members' user ids, lower-case. */
export type TeamMemberships = ReadonlyMap<string, { readonly agents: readonly string[]; readonly supervisors: readonly string[] }>;

export const MAX_TEAMS = 2_000;
export const MAX_MEMBERS_PER_TEAM = 5_000;
const TEAM_ID = /^[0-9]{1,10}$/;
const USER_ID = /^[^\s@/<>&"'\\]{1,128}$/u;

export function renderTeamsQuery(teams: TeamMemberships): string {
  let xml = `<query xmlns='${TEAMS_NS}'>`;
  for (const [id, team] of teams) {
    xml += `<team id='${escapeXML(id)}'>`;
    for (const agent of team.agents) xml += `<agent>${escapeXML(agent)}</agent>`;
    for (const supervisor of team.supervisors) xml += `<supervisor>${escapeXML(supervisor)}</supervisor>`;
    xml += '</team>';
  }
  return `${xml}</query>`;
}

/** The team map a query carries, or `undefined` if a part of it is malformed or past a bound. */
export function parseTeamsQuery(query: Element): TeamMemberships | undefined {
  if (query.getName() !== 'query' || query.attrs.xmlns !== TEAMS_NS) return undefined;
  const children = query.getChildElements();
  if (children.length > MAX_TEAMS) return undefined;
  const teams = new Map<string, { agents: string[]; supervisors: string[] }>();
  for (const child of children) {
    const id = child.attrs.id;
    if (child.getName() !== 'team' || typeof id !== 'string' || !TEAM_ID.test(id) || teams.has(id)) return undefined;
    const members = child.getChildElements();
    if (members.length > MAX_MEMBERS_PER_TEAM) return undefined;
    const team = { agents: [] as string[], supervisors: [] as string[] };
    for (const member of members) {
      const userid = member.getText();
      if (member.getChildElements().length > 0 || !USER_ID.test(userid)) return undefined;
      if (member.getName() === 'agent') team.agents.push(userid.toLowerCase());
      else if (member.getName() === 'supervisor') team.supervisors.push(userid.toLowerCase());
      else return undefined;
    }
    teams.set(id, team);
  }
  return teams;
}

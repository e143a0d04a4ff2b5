// The demo contact center every node seeds on first start, as data. Each service seeds its own part of it
// (the call manager: users, phones, lines, route points; later the engine: teams, CSQs; the web service:
// reason codes), so they all tell one story.

export interface DemoAgent {
  userid: string; firstName: string; lastName: string; extension: string; team: string;
  role: 'Agent' | 'Supervisor';
}
export interface DemoTeam { name: string; routePoint: string; csq: string; supervisor: string }
export interface DemoReasonCode { category: 'NOT_READY' | 'LOGOUT'; code: number; label: string }

const AGENT_NAMES: readonly (readonly [string, string])[] = [
  ['Ada', 'Moss'], ['Ben', 'Okafor'], ['Chloe', 'Martin'], ['Dev', 'Patel'], ['Elena', 'Rossi'],
  ['Farid', 'Haddad'], ['Grace', 'Lee'], ['Hugo', 'Silva'], ['Ines', 'Novak'], ['Jonas', 'Berg'],
];

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { name: 'Sales', routePoint: '7001', csq: 'Sales', supervisor: 'supervisor1' },
  { name: 'Support', routePoint: '7002', csq: 'Support', supervisor: 'supervisor2' },
];

export const DEMO_AGENTS: readonly DemoAgent[] = [
  ...AGENT_NAMES.map(([firstName, lastName], i): DemoAgent => ({
    userid: `agent${i + 1}`, firstName, lastName, extension: String(1001 + i),
    team: i < 5 ? 'Sales' : 'Support', role: 'Agent',
  })),
  { userid: 'supervisor1', firstName: 'Sam', lastName: 'Reyes', extension: '1101', team: 'Sales', role: 'Supervisor' },
  { userid: 'supervisor2', firstName: 'Tara', lastName: 'Quinn', extension: '1102', team: 'Support', role: 'Supervisor' },
];

export const DEMO_ADMINISTRATOR = { userid: 'admin', firstName: 'Poise', lastName: 'Administrator' } as const;

/** Application users the node's own services sign in with (axl.md §2). */
export const SERVICE_ACCOUNTS = {
  axlReadOnly: 'poise_axl',      // engine, web, livedata and notify authenticate users through AXL with it
  axlReadWrite: 'axladmin',      // provisioning scripts
  provider: 'poise_jtapi',       // the engine opens the telephony provider as this user
} as const;

/** IVR ports of the triggers' call control group: CTI ports with DNs 8001… */
export const DEMO_CTI_PORTS = Array.from({ length: 20 }, (_, i) => ({
  name: `POISE_PORT_${String(i + 1).padStart(2, '0')}`, extension: String(8001 + i),
}));

export const DEMO_REASON_CODES: readonly DemoReasonCode[] = [
  { category: 'NOT_READY', code: 1, label: 'Break' },
  { category: 'NOT_READY', code: 2, label: 'Lunch' },
  { category: 'NOT_READY', code: 3, label: 'Meeting' },
  { category: 'NOT_READY', code: 4, label: 'Training' },
  { category: 'LOGOUT', code: 10, label: 'End of shift' },
  { category: 'LOGOUT', code: 11, label: 'Personal' },
];

export const DEMO_WRAP_UP_REASONS: readonly string[] = ['Sale made', 'Follow-up needed', 'Resolved', 'Escalated'];

/** Load-work agents (POISE_DEMO_AGENTS=N): load1…loadN from 20001, teams of 50 with loadsupK, over four CSQs. */
export const LOAD_TEAM_SIZE = 50;
export const LOAD_ROUTE_POINTS: readonly string[] = ['7101', '7102', '7103', '7104'];

export function loadAgents(count: number): { agents: DemoAgent[]; teams: DemoTeam[] } {
  const agents: DemoAgent[] = [];
  const teams: DemoTeam[] = [];
  const teamCount = Math.ceil(count / LOAD_TEAM_SIZE);
  for (let t = 1; t <= teamCount; t++) {
    const routePoint = LOAD_ROUTE_POINTS[(t - 1) % LOAD_ROUTE_POINTS.length]!;
    teams.push({ name: `Load ${t}`, routePoint, csq: `Load CSQ ${routePoint}`, supervisor: `loadsup${t}` });
    agents.push({
      userid: `loadsup${t}`, firstName: 'Load', lastName: `Supervisor ${t}`,
      extension: `9${String(t).padStart(5, '0')}`, // 900001…: clear of the agents' range
      team: `Load ${t}`, role: 'Supervisor',
    });
  }
  for (let i = 1; i <= count; i++) {
    agents.push({
      userid: `load${i}`, firstName: 'Load', lastName: `Agent ${i}`, extension: String(20000 + i),
      team: `Load ${Math.ceil(i / LOAD_TEAM_SIZE)}`, role: 'Agent',
    });
  }
  return { agents, teams };
}

/** Agents' desk phones are named like Cisco's: SEP and twelve hex digits, here the extension zero-padded. */
export const phoneNameFor = (extension: string): string => `SEP${extension.padStart(12, '0')}`;

// Seeds the call manager's part of the demo contact center (users, phones, lines, route points, IVR ports and
// the application users the node's services sign in with) on first start, and the load agents when asked.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../store/database.ts';
import type { Logger } from '../shared/logger.ts';
import {
  DEMO_ADMINISTRATOR, DEMO_AGENTS, DEMO_CTI_PORTS, DEMO_TEAMS, LOAD_ROUTE_POINTS, LOAD_TEAM_SIZE, SERVICE_ACCOUNTS, loadAgents,
  phoneNameFor, type DemoAgent,
} from '../shared/demo-contact-center.ts';
import { settings } from './schema.ts';
import { DEFAULT_DEVICE_POOL, Directory } from './directory/directory.ts';
import {
  ADMINISTRATOR, AGENT, AXL_API_ACCESS, AXL_API_USERS, AXL_READ_ONLY_API_ACCESS, CCM_ADMIN_USERS, CCM_SUPER_USERS,
  SUPERVISOR,
} from './directory/roles.ts';

/** CUCM's group for applications that open JTAPI providers. */
const CTI_ENABLED = 'Standard CTI Enabled';

const SEEDED = 'demo.seeded';
const PASSWORD = 'demo.password';
const LOAD_AGENTS = 'demo.loadAgents';
export const DEMO_PIN = '12345';

export interface DemoSeedResult { password: string; seededNow: boolean; loadAgents: number }

export async function seedDemoContactCenter(
  db: Database, options: { password: string | undefined; loadAgents: number; log: Logger },
): Promise<DemoSeedResult> {
  const stored = await readSetting(db, PASSWORD);
  const password = options.password ?? stored ?? generatePassword();
  const directory = new Directory(db, { log: options.log, sharedSecret: password });
  const seeded = (await readSetting(db, SEEDED)) !== undefined;
  if (!seeded) {
    await seedBase(directory, password);
    await writeSetting(db, SEEDED, new Date().toISOString());
    options.log.info({ agents: DEMO_AGENTS.length }, 'demo contact center seeded');
  }
  const loadSeeded = Number(await readSetting(db, LOAD_AGENTS) ?? 0);
  if (seeded && stored !== undefined && password !== stored) {
    await resetPasswords(directory, password, loadSeeded);
    options.log.info('demo password changed from POISE_DEMO_PASSWORD');
  }
  if (stored !== password) await writeSetting(db, PASSWORD, password);

  if (options.loadAgents > loadSeeded) {
    await seedLoadAgents(directory, password, loadSeeded, options.loadAgents);
    await writeSetting(db, LOAD_AGENTS, String(options.loadAgents));
    options.log.info({ from: loadSeeded + 1, to: options.loadAgents }, 'load agents seeded');
  }
  return { password, seededNow: !seeded, loadAgents: Math.max(loadSeeded, options.loadAgents) };
}

async function seedBase(directory: Directory, password: string): Promise<void> {
  for (const team of DEMO_TEAMS) await addRoutePoint(directory, `RP_${team.name}`, team.routePoint, `${team.name} trigger`);
  for (const port of DEMO_CTI_PORTS) {
    await directory.addPhone({
      name: port.name, product: 'CTI Port', class: 'Phone', protocol: 'SCCP', devicePoolName: DEFAULT_DEVICE_POOL,
      description: `IVR port ${port.extension}`, lines: [{ pattern: port.extension }],
    });
  }
  for (const agent of DEMO_AGENTS) await addAgent(directory, agent, password, DEMO_PIN);
  await directory.addEndUser({
    ...DEMO_ADMINISTRATOR, password,
    roles: [ADMINISTRATOR, CCM_SUPER_USERS, CCM_ADMIN_USERS],
  });
  const contactCenterDevices = [
    ...DEMO_TEAMS.map((t) => `RP_${t.name}`), ...DEMO_CTI_PORTS.map((p) => p.name),
    ...DEMO_AGENTS.map((a) => phoneNameFor(a.extension)),
  ];
  await directory.addAppUser({ userid: SERVICE_ACCOUNTS.axlReadWrite, password, roles: [AXL_API_ACCESS] });
  await directory.addAppUser({
    userid: SERVICE_ACCOUNTS.axlReadOnly, password, roles: [AXL_API_USERS, AXL_READ_ONLY_API_ACCESS],
  });
  await directory.addAppUser({
    userid: SERVICE_ACCOUNTS.provider, password, roles: [CTI_ENABLED], associatedDevices: contactCenterDevices,
  });
}

async function seedLoadAgents(directory: Directory, password: string, from: number, to: number): Promise<void> {
  const all = loadAgents(to);
  const isNew = (a: DemoAgent) =>
    a.role === 'Agent' ? Number(a.userid.slice('load'.length)) > from : Number(a.userid.slice('loadsup'.length)) > Math.ceil(from / LOAD_TEAM_SIZE);
  if (from === 0) {
    for (const [i, dn] of LOAD_ROUTE_POINTS.entries()) await addRoutePoint(directory, `RP_Load_${i + 1}`, dn, 'Load trigger');
  }
  const created = all.agents.filter(isNew);
  // Two at a time: each password hash is a scrypt derivation, and the directory runs two of them at once.
  for (let i = 0; i < created.length; i += 2) {
    await Promise.all(created.slice(i, i + 2).map((agent) => addAgent(directory, agent, password)));
  }
  const provider = await directory.getAppUser({ userid: SERVICE_ACCOUNTS.provider });
  await directory.updateAppUser({ userid: SERVICE_ACCOUNTS.provider }, {
    associatedDevices: [
      ...provider.associatedDevices,
      ...(from === 0 ? LOAD_ROUTE_POINTS.map((_, i) => `RP_Load_${i + 1}`) : []),
      ...created.map((a) => phoneNameFor(a.extension)),
    ],
  });
}

async function addAgent(directory: Directory, agent: DemoAgent, password: string, pin?: string): Promise<void> {
  const phone = phoneNameFor(agent.extension);
  await directory.addPhone({
    name: phone, product: 'Cisco 8845', class: 'Phone', protocol: 'SIP', devicePoolName: DEFAULT_DEVICE_POOL,
    description: `${agent.firstName} ${agent.lastName} ${agent.extension}`,
    lines: [{ pattern: agent.extension, label: `${agent.firstName} ${agent.lastName}` }],
  });
  await directory.addEndUser({
    userid: agent.userid, firstName: agent.firstName, lastName: agent.lastName, password, pin,
    telephoneNumber: agent.extension, mailid: `${agent.userid}@poise.example`, department: agent.team,
    primaryExtension: { pattern: agent.extension }, associatedDevices: [phone],
    roles: agent.role === 'Supervisor' ? [AGENT, SUPERVISOR] : [AGENT],
  });
  // The owner must exist before a phone names it, and the phone before the user lists it: owner comes last.
  await directory.updatePhone({ name: phone }, { ownerUserName: agent.userid });
}

async function addRoutePoint(directory: Directory, name: string, dn: string, description: string): Promise<void> {
  await directory.addCtiRoutePoint({ name, description, devicePoolName: DEFAULT_DEVICE_POOL, lines: [{ pattern: dn }] });
}

async function resetPasswords(directory: Directory, password: string, loadAgentCount: number): Promise<void> {
  for (const agent of [...DEMO_AGENTS, ...loadAgents(loadAgentCount).agents]) {
    await directory.updateEndUser({ userid: agent.userid }, { password });
  }
  await directory.updateEndUser({ userid: DEMO_ADMINISTRATOR.userid }, { password });
  for (const userid of Object.values(SERVICE_ACCOUNTS)) await directory.updateAppUser({ userid }, { password });
}

/** Four groups of four letters and digits: easy to type from a terminal, about 80 bits. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

async function readSetting(db: Database, key: string): Promise<string | undefined> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

async function writeSetting(db: Database, key: string, value: string): Promise<void> {
  await db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

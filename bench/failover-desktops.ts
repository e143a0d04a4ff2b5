// Failover time as desktops see it: a pair of real processes (call manager, nodes A and B; PostgreSQL and Redis as in
// production), N agents signed in, each with a desktop's XMPP session (WebSocket) on the master's node. The master's
// node is killed (SIGKILL), K times, alternating; each desktop, on losing its session, polls the peer's SystemInfo
// every second as the container does, then signs its XMPP session in there and reads its User, which must show the
// same state and reason code: that is the moment it is re-attached. The killed node is started again and rejoins
// as standby before the next kill. Prints, per kill and over all kills, the engine take-over time and the
// re-attach times (p50, p99, max), and one JSON line at the end.
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test TEST_REDIS_URL=redis://127.0.0.1:6379 \
//     npx tsx bench/failover-desktops.ts [--agents=1000] [--kills=20]
import type { XmppClient } from '@xmpp/client';
import { startPair, type PairFixture, type PairNodeName } from '../test/support/pair.ts';
import { TEST_PASSWORD } from '../test/support/test-node.ts';
import { connectClient, xml } from '../test/support/xmpp.ts';
import { agentView, setState, signIn, systemStatus, until, type AgentView } from '../test/e2e/failover/pair-rest.ts';
import { percentile, round } from './support/web-bench-node.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const AGENTS = arg('agents', 1000);
const KILLS = arg('kills', 20);
const POLL_MS = 1000;                 // the container polls the alternate node's SystemInfo every second

interface Desktop { userid: string; extension: string; xmpp: XmppClient | undefined; expected: AgentView }

const fx: PairFixture = await startPair({ extraAgents: AGENTS });
const other = (n: PairNodeName): PairNodeName => n === 'A' ? 'B' : 'A';
const domainOf = (n: PairNodeName) => (n === 'A' ? fx.plan.a : fx.plan.b).host;
const wsUrl = (n: PairNodeName) => `ws://${domainOf(n)}:${fx.plan.nodePorts.bosh}/ws/`;

const attach = async (desktop: Desktop, n: PairNodeName) => {
  desktop.xmpp = await connectClient({ service: wsUrl(n), domain: domainOf(n), username: desktop.userid, password: TEST_PASSWORD });
  await desktop.xmpp.send(xml('presence'));
};

try {
  await until('node A\'s engine is master', () => fx.master() === 'A', 30_000);
  await until('node A is IN_SERVICE', async () => await systemStatus(fx.webUrl('A')) === 'IN_SERVICE', 30_000);
  const desktops: Desktop[] = Array.from({ length: AGENTS }, (_, i) => ({
    userid: `load${i + 1}`, extension: String(20001 + i), xmpp: undefined, expected: { state: '', reasonCodeId: '', stateChangeTime: '' },
  }));
  const inBatches = async (work: (d: Desktop) => Promise<void>) => {
    for (let i = 0; i < desktops.length; i += 50) await Promise.all(desktops.slice(i, i + 50).map(work));
  };
  const setUpStart = performance.now();
  await inBatches(async (d) => {
    await signIn(fx.webUrl('A'), d.userid, d.extension);
    await until(`${d.userid} is signed in`, async () => (await agentView(fx.webUrl('A'), d.userid)).state !== 'LOGOUT');
    if (Number(d.extension) % 2 === 0) await setState(fx.webUrl('A'), d.userid, 'READY');
    await attach(d, 'A');
    d.expected = await agentView(fx.webUrl('A'), d.userid);
  });
  console.log(`${AGENTS} agents signed in with a desktop session each on node A in ${round((performance.now() - setUpStart) / 1000, 1)} s`);

  const takeOvers: number[] = [];
  const reattach: number[] = [];
  const allReattached: number[] = [];
  let master: PairNodeName = 'A';
  for (let kill = 1; kill <= KILLS; kill++) {
    const survivor = other(master);
    const killedAt = Date.now();
    const times: number[] = [];
    const phases = { inService: [] as number[], xmpp: [] as number[], rest: [] as number[] };
    let wrongState = 0;
    let failed = 0;
    const moves = desktops.map(async (d) => {
      const xmpp = d.xmpp!;
      await new Promise<void>((resolve) => { xmpp.on('offline', () => resolve()); xmpp.on('disconnect', () => resolve()); });
      try {
        // As the container: poll the peer's SystemInfo every second until it is IN_SERVICE, then move there.
        while (await systemStatus(fx.webUrl(survivor)) !== 'IN_SERVICE') await new Promise((r) => setTimeout(r, POLL_MS));
        phases.inService.push(Date.now() - killedAt);
        const xmppStart = Date.now();
        await attach(d, survivor);
        phases.xmpp.push(Date.now() - xmppStart);
        const restStart = Date.now();
        const now = await agentView(fx.webUrl(survivor), d.userid);
        phases.rest.push(Date.now() - restStart);
        if (now.state !== d.expected.state || now.reasonCodeId !== d.expected.reasonCodeId) wrongState++;
        times.push(Date.now() - killedAt);
      } catch (err) {
        failed++;
        console.error(`${d.userid} did not re-attach: ${(err as Error).message}`);
      }
    });
    await fx.kill(master);
    await Promise.all(moves);
    const becameMaster = fx.roleChanges.filter((c) => c.node === survivor && c.role === 'master' && c.at >= killedAt).at(-1);
    const takeOver = becameMaster ? becameMaster.at - killedAt : NaN;
    const sorted = [...times].sort((x, y) => x - y);
    takeOvers.push(takeOver);
    reattach.push(...times);
    allReattached.push(sorted.at(-1) ?? NaN);
    const p50 = (xs: number[]) => percentile([...xs].sort((x, y) => x - y), 50);
    console.log(`kill ${kill}: node ${master} → ${survivor}; engine take-over ${takeOver} ms; desktops re-attached p50 ${percentile(sorted, 50)} ms, p99 ${percentile(sorted, 99)} ms, all ${sorted.at(-1)} ms; state differs for ${wrongState}; not re-attached ${failed}`);
    console.log(`  p50 of: peer seen IN_SERVICE ${p50(phases.inService)} ms after the kill, XMPP sign-in ${p50(phases.xmpp)} ms, GET User ${p50(phases.rest)} ms`);
    for (const d of desktops) d.xmpp?.removeAllListeners('offline');
    await fx.restart(master);              // back as standby, catching up from the new master
    await new Promise((r) => setTimeout(r, 3000));
    master = survivor;
  }
  const sortedAll = [...reattach].sort((x, y) => x - y);
  const sortedTake = [...takeOvers].sort((x, y) => x - y);
  const sortedKill = [...allReattached].sort((x, y) => x - y);
  console.log(JSON.stringify({
    bench: 'failover-desktops', agents: AGENTS, kills: KILLS,
    takeover_p50_ms: percentile(sortedTake, 50), takeover_p99_ms: percentile(sortedTake, 99),
    reattach_p50_ms: percentile(sortedAll, 50), reattach_p99_ms: percentile(sortedAll, 99),
    all_reattached_p50_ms: percentile(sortedKill, 50), all_reattached_p99_ms: percentile(sortedKill, 99), all_reattached_max_ms: sortedKill.at(-1),
  }));
  for (const d of desktops) await d.xmpp?.stop().catch(() => {});
} finally {
  await fx.close();
}

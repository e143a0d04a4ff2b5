// Call-model figures: call state changes (events) per second and inbound calls set up and torn down per second
// on one core, with 10,000 calls in progress; and heap per call in progress. The call is the contact center's
// typical one: offered at a route point → redirected to an agent phone → ringing → answered → the customer
// hangs up. A subscriber counts every event, as the provider and the lab do.
//   node --expose-gc --import tsx bench/call-model.ts [concurrent=10000] [churnCalls=200000]
import { CallModel } from '../src/callmanager/calls/call-model.ts';
import { MemoryDialPlan } from '../src/callmanager/calls/memory-dial-plan.ts';

const COMMAND = 'node --expose-gc --import tsx bench/call-model.ts';
const concurrent = Number(process.argv[2] ?? 10_000);
const churnCalls = Number(process.argv[3] ?? 200_000);
const gc = (globalThis as { gc?: () => void }).gc;

const dialPlan = new MemoryDialPlan();
dialPlan.addDevice({ name: 'RP_7001', kind: 'CTI_ROUTE_POINT', registered: true, lines: [{ pattern: '7001' }] });
const phones: string[] = [];
const lines: string[] = [];
for (let i = 0; i < concurrent; i++) {
  phones.push(`SEP${String(i).padStart(12, '0')}`);
  lines.push(String(20_000 + i));
  dialPlan.addDevice({ name: phones[i] ?? '', kind: 'PHONE', registered: true, lines: [{ pattern: lines[i] ?? '' }] });
}

let events = 0;
const model = new CallModel({ dialPlan });
model.subscribe(() => { events++; });

let callers = 0;
/** One inbound call to phone `i`, up to TALKING; returns its id. */
function setUp(i: number): string {
  const customer = `+1408555${String(callers++ % 10_000).padStart(4, '0')}`;
  const id = model.placeInbound({ from: customer, to: '7001' }).id;
  model.redirect(id, '7001', lines[i] ?? '');
  model.answer(id, phones[i] ?? '');
  return id;
}

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

// Memory: heap growth from no calls to `concurrent` calls talking.
const baseline = heapUsed();
const active: string[] = [];
for (let i = 0; i < concurrent; i++) active.push(setUp(i));
const loaded = heapUsed();
const bytesPerCall = (loaded - baseline) / concurrent;

// Throughput at steady state: the oldest call ends (the customer hangs up) and a new one takes its phone.
const customerOf = (id: string) => model.getCall(id)?.calling ?? '';
const callersById = new Map(active.map((id) => [id, customerOf(id)] as const));
function churn(n: number, offset: number): void {
  for (let k = 0; k < n; k++) {
    const slot = (offset + k) % concurrent;
    const id = active[slot] ?? '';
    model.disconnect(id, callersById.get(id) ?? '');
    callersById.delete(id);
    const next = setUp(slot);
    active[slot] = next;
    callersById.set(next, `+1408555${String((callers - 1) % 10_000).padStart(4, '0')}`);
  }
}
churn(Math.min(20_000, churnCalls), 0); // warm-up
const eventsBefore = events;
const started = process.hrtime.bigint();
churn(churnCalls, 0);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const changes = events - eventsBefore;

const figures = {
  command: COMMAND,
  node: process.version,
  gcExposed: gc !== undefined,
  concurrentCalls: model.size,
  bytesPerActiveCall: Math.round(bytesPerCall),
  churnCalls,
  eventsPerCall: changes / churnCalls,
  callStateChangesPerSecond: Math.round(changes / seconds),
  callsSetUpAndTornDownPerSecond: Math.round(churnCalls / seconds),
  modelOperationsPerSecond: Math.round((churnCalls * 4) / seconds),
  seconds: Number(seconds.toFixed(3)),
};
console.log(JSON.stringify(figures, null, 2));
if (!gc) console.log(`heap figures are rough without --expose-gc; run: ${COMMAND}`);
else console.log(`reproduce with: ${COMMAND}`);

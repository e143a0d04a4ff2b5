// Keeps the call model's in-memory dial plan equal to the directory's devices and lines, without losing what
// only the dial plan knows: which devices are registered right now.
import type { MemoryDialPlan } from './calls/memory-dial-plan.ts';
import type { DialPlanDevice as DirectoryDevice } from './directory/types.ts';

export function syncDialPlan(plan: MemoryDialPlan, wanted: readonly DirectoryDevice[], known: Set<string>): void {
  const wantedNames = new Set(wanted.map((d) => d.name));
  for (const name of known) {
    if (!wantedNames.has(name)) {
      plan.removeDevice(name);
      known.delete(name);
    }
  }
  for (const device of wanted) {
    const lines = device.lines.map(({ pattern, maxNumCalls, busyTrigger }) => ({ pattern, maxNumCalls, busyTrigger }));
    const current = plan.device(device.name);
    if (!current) {
      plan.addDevice({ name: device.name, kind: device.kind, registered: device.registeredByDefault, lines });
      known.add(device.name);
      continue;
    }
    if (current.kind !== device.kind) plan.updateDevice(device.name, { kind: device.kind });
    const want = new Map(lines.map((l) => [l.pattern, l]));
    for (const line of current.lines) if (!want.has(line.pattern)) plan.removeLine(device.name, line.pattern);
    for (const line of lines) {
      const had = plan.device(device.name)?.lines.find((l) => l.pattern === line.pattern);
      if (!had) plan.addLine(device.name, line);
      else if (had.maxNumCalls !== line.maxNumCalls || had.busyTrigger !== line.busyTrigger) {
        plan.updateLine(device.name, line.pattern, { maxNumCalls: line.maxNumCalls, busyTrigger: line.busyTrigger });
      }
    }
  }
}

// Transfer and conference as the engine reports them (cti.md §6.1, §6.3; cti-to-finesse.md §2.3, §2.4). The call
// model brackets each move with CiscoTransfer/ConferenceStartEv … EndEv and shows it as parties leaving one call
// and appearing in the other [J3]; none of that is a CTI event of its own. At the end of the bracket the engine
// reports CALL_TRANSFERRED or CALL_CONFERENCED with the surviving call's parties, the new CallType as
// CALL_DATA_UPDATE, END_CALL for the call merged away, then the agents' states.
import type { CallEvent } from '../../callmanager/calls/types.ts';
import type { AsyncProviderSession } from '../provider-link/async-session.ts';
import type { ResourceManager } from '../resources/resource-manager.ts';
import type { AgentCalls } from './agent-calls.ts';
import type { CallFact, DeviceRole, Party, TrackedCall } from './call-facts.ts';

export interface MergeHost {
  readonly session: AsyncProviderSession;
  readonly agentCalls: AgentCalls;
  readonly resources: ResourceManager;
  call(callId: string): TrackedCall | undefined;
  role(device: string): DeviceRole;
  emit(fact: CallFact): void;
  /** Drops a call the engine tracks and reports its END_CALL. */
  forget(call: TrackedCall): void;
}

interface Merge {
  readonly kind: 'TRANSFERRED' | 'CONFERENCED';
  readonly primary: string;
  readonly secondary: string;
  readonly controller: string;
  /** Parties that appeared in the surviving call, in order. */
  readonly arrivals: string[];
}

export class MergeTracker {
  #merge: Merge | undefined;

  constructor(private readonly host: MergeHost) {}

  /** Takes the events of a merge in progress; false for every other event. */
  claims(e: CallEvent): boolean {
    if ((e.type === 'CiscoTransferStartEv' || e.type === 'CiscoConferenceStartEv') && e.otherCallId !== null) {
      this.#merge = {
        kind: e.type === 'CiscoTransferStartEv' ? 'TRANSFERRED' : 'CONFERENCED', primary: e.callId,
        secondary: e.otherCallId, controller: e.address, arrivals: [],
      };
      return true;
    }
    const merge = this.#merge;
    if (!merge || (e.callId !== merge.primary && e.callId !== merge.secondary)) return false;
    switch (e.type) {
      case 'CiscoTransferEndEv':
      case 'CiscoConferenceEndEv':
        this.#merge = undefined;
        this.#finish(merge);
        return true;
      case 'ConnCreatedEv':
        if (e.callId === merge.primary && !merge.arrivals.includes(e.address)) merge.arrivals.push(e.address);
        return true;
      default:
        return true; // moves, not CTI events: the outcome is reported at the end
    }
  }

  #finish(merge: Merge): void {
    const { host } = this;
    const call = host.call(merge.primary);
    const secondary = host.call(merge.secondary);
    const snapshot = host.session.knownCall({ callId: merge.primary });
    if (!call || !secondary || !snapshot.ok) {
      if (secondary) host.forget(secondary);
      return;
    }
    const live = snapshot.value.connections.filter((c) => c.state !== 'DISCONNECTED' && c.state !== 'FAILED');
    const parties: Party[] = live.map((c) => ({ device: c.address, role: host.role(c.address) }));
    call.parties.clear();
    call.held.clear();
    for (const c of live) {
      call.parties.add(c.address);
      if (c.terminalConnections.some((tc) => tc.ccState === 'HELD')) call.held.add(c.address);
    }
    const addedDevice = merge.arrivals[0] ?? parties.find((p) => p.device !== merge.controller)?.device ?? '';
    host.emit({
      kind: merge.kind, call, secondary, controller: merge.controller,
      added: { device: addedDevice, role: host.role(addedDevice) }, parties,
    });
    // a transferred or conferenced call takes the CallType of what happened to it (cti.md §6.5)
    call.kind = merge.kind === 'TRANSFERRED' ? 'TRANSFER_IN' : 'CONFERENCE';
    host.emit({ kind: 'DATA_UPDATE', call, changed: {} });
    host.forget(secondary);

    for (const c of live) {
      const agent = host.resources.byExtension(c.address);
      if (agent && c.ccState === 'ESTABLISHED') host.agentCalls.joined(agent.resource.userId, call);
      else if (agent && c.ccState === 'ALERTING') host.agentCalls.ringingMoved(agent.resource.userId, secondary, call);
    }
    const controller = host.resources.byExtension(merge.controller);
    if (controller && !call.parties.has(merge.controller)) host.agentCalls.left(controller.resource.userId, call);
    for (const device of secondary.parties) {
      const agent = host.resources.byExtension(device);
      if (agent) host.agentCalls.left(agent.resource.userId, secondary);
    }
    host.agentCalls.settle();
  }
}

// The lab's view of the call model: people at phones and customers on the network, acting by device and call.
import type { CallModel } from '../calls/call-model.ts';
import type { CallSnapshot, DialPlan } from '../calls/types.ts';
import { TelephonyError } from '../calls/errors.ts';
import { LabError } from './lab-error.ts';
import type { LabTelephony } from './lab-telephony.ts';

export function labTelephonyOver(model: CallModel, dialPlan: DialPlan): LabTelephony {
  const require = (callId: string): CallSnapshot => {
    const call = model.getCall(callId);
    if (!call) throw new LabError('NOT_FOUND', `no call ${callId}`);
    return call;
  };
  /** Calls with a terminal connection at `device` in one of `states`, oldest first. */
  const callsAt = (device: string, states: ReadonlySet<string>, callId?: string) =>
    model.listCalls()
      .filter((call) => callId === undefined || call.id === callId)
      .flatMap((call) => call.connections
        .filter((c) => c.terminalConnections.some((tc) => tc.terminal === device && states.has(tc.ccState)))
        .map((connection) => ({ call, address: connection.address })))
      .sort((a, b) => a.call.createdAt - b.call.createdAt);

  return {
    placeInbound: (request) => model.placeInbound(request),
    getCall: (callId) => model.getCall(callId),
    listCalls: () => model.listCalls(),
    subscribe: (listener) => model.subscribe(listener),
    hangUpCaller(callId) {
      model.disconnect(callId, require(callId).calling);
    },
    tryAnswer(callId, device) {
      try {
        model.answer(callId, device);
        return true;
      } catch (err) {
        if (err instanceof TelephonyError) return false; // no longer ringing there: taken back or hung up
        throw err;
      }
    },
    sendDigits(callId, digits) {
      model.sendDtmf(callId, require(callId).calling, digits);
    },
    deviceExists: (device) => dialPlan.device(device) !== undefined,
    answerAt(device, callId) {
      const ringing = callsAt(device, RINGING, callId)[0];
      if (!ringing) throw new LabError('CONFLICT', `nothing is ringing at ${device}`);
      model.answer(ringing.call.id, device);
      return require(ringing.call.id);
    },
    hangUpAt(device, callId) {
      const party = callsAt(device, OFF_HOOK, callId)[0] ?? callsAt(device, RINGING, callId)[0];
      if (!party) throw new LabError('CONFLICT', `${device} is not on a call`);
      model.disconnect(party.call.id, party.address);
      return model.getCall(party.call.id) ?? { ...party.call, state: 'INVALID' };
    },
    dial: (device, to) => model.originate({ fromTerminal: device, to }),
    dropAll() {
      for (const call of model.listCalls()) model.drop(call.id);
    },
  };
}

const RINGING: ReadonlySet<string> = new Set(['RINGING']);
const OFF_HOOK: ReadonlySet<string> = new Set(['TALKING', 'HELD']);

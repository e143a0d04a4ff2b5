// A supervisor's state change of an agent (rest-api.md §3.4): NOT_READY, READY or LOGOUT only, never with a reason
// code; NOT_READY only from READY, WORK or WORK_READY, LOGOUT from any signed-in state. The agent gets the system
// reason code UCCX gives: 33 for NOT_READY, 22 for LOGOUT.
import { FinesseApiError, invalidInput } from '../errors.ts';
import type { StateChange } from './agent-state-requests.ts';
import type { FinesseUser } from './user.ts';

export const SUPERVISOR_NOT_READY_CODE = 33;
export const SUPERVISOR_LOGOUT_CODE = 22;

export function supervisorChange(agent: FinesseUser, change: StateChange): StateChange {
  if (change.state !== 'NOT_READY' && change.state !== 'READY' && change.state !== 'LOGOUT') {
    throw invalidInput(change.state, 'A supervisor may set NOT_READY, READY or LOGOUT only.');
  }
  if (change.reasonCodeId !== undefined) {
    throw invalidInput(String(change.reasonCodeId), 'A supervisor may not give a reason code.');
  }
  const refuse = (): never => {
    throw new FinesseApiError(400, 'Invalid State', change.state, `Cannot change state from ${agent.state} to ${change.state}.`);
  };
  switch (change.state) {
    case 'NOT_READY':
      if (agent.state !== 'READY' && agent.state !== 'WORK' && agent.state !== 'WORK_READY') refuse();
      return { ...change, systemReasonCode: SUPERVISOR_NOT_READY_CODE };
    case 'LOGOUT':
      if (agent.state === 'LOGOUT') refuse();
      return { ...change, systemReasonCode: SUPERVISOR_LOGOUT_CODE };
    case 'READY':
      return change; // the agent's own rules apply (transitions.ts)
  }
}

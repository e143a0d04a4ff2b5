export type * from './types.ts';
export { CallModel, sequentialCallIds, type CallModelOptions } from './call-model.ts';
export { TelephonyError, TELEPHONY_ERROR_KINDS } from './errors.ts';
export {
  EVENT_CAUSE_VALUES, CONNECTION_EVENT, CALL_CONTROL_CONNECTION_EVENT, TERMINAL_CONNECTION_EVENT,
  CALL_CONTROL_TERMINAL_CONNECTION_EVENT,
} from './events.ts';
export {
  PROVIDER_STATE_VALUES, CALL_STATE_VALUES, CONNECTION_STATE_VALUES, CALL_CONTROL_CONNECTION_STATE_VALUES,
  TERMINAL_CONNECTION_STATE_VALUES, CALL_CONTROL_TERMINAL_CONNECTION_STATE_VALUES, connectionStateOf,
  terminalConnectionStateOf,
} from './states.ts';
export { LINE_DEFAULTS, MAX_CALLS_PER_LINE } from './dial-plan.ts';
export { MemoryDialPlan, type DeviceInput, type DeviceLineInput } from './memory-dial-plan.ts';
export type { ListenerErrorHandler } from './event-bus.ts';

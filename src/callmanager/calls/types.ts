// The call model's public types in one place, for code outside the model (the provider, the lab API).
export type {
  CallState, ConnectionState, CallControlConnectionState, TerminalConnectionState,
  CallControlTerminalConnectionState, ProviderState,
} from './states.ts';
export type {
  CallEvent, CallEventType, CallEventListener, CallStateEvent, ConnectionEvent, TerminalConnectionEvent, DtmfEvent,
  CallDataEvent, FeatureEvent, EventCause, DtmfDigit,
} from './events.ts';
export type { CallSnapshot, ConnectionSnapshot, TerminalConnectionSnapshot } from './snapshot.ts';
export type { InboundCallRequest, OriginateRequest } from './setup.ts';
export type { TransferTarget } from './transfer.ts';
export type { TelephonyErrorKind } from './errors.ts';
export type { DeviceKind, DialPlan, DeviceRegistry, DialPlanDevice, DeviceLine, LineAppearance } from './dial-plan.ts';

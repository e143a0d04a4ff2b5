// What happened to a call, in the engine's words and free of the CTI wire form: the contact manager reports
// these, the CTI server renders them as call events (cti.md §6; order: cti-to-finesse.md §1.5).

/** How a device takes part in a call, for the CTI DeviceType fields (cti.md §6.5). */
export type DeviceRole = 'AGENT_DEVICE' | 'ROUTE_POINT' | 'CTI_PORT' | 'OTHER';

export type CallKind = 'CCX_IN' | 'AGENT_INSIDE' | 'OTHER_IN';

/** A call as the engine knows it; `ctiCallId` is the CTI ConnectionCallID (cti.md §6.1). */
export interface TrackedCall {
  readonly id: string;
  readonly ctiCallId: number;
  readonly kind: CallKind;
  calling: string;
  called: string;
  lastRedirected: string | null;
  /** The trigger's directory number, for contacts (DNIS). */
  readonly dnis: string | undefined;
  csqId: number | undefined;
  applicationId: number | undefined;
  callVariables: Readonly<Record<string, string>>;
  /** Devices whose terminal connection is HELD. */
  readonly held: Set<string>;
}

export type CallFact =
  | { readonly kind: 'BEGIN'; readonly call: TrackedCall; readonly device: string }
  | { readonly kind: 'DELIVERED'; readonly call: TrackedCall; readonly device: string; readonly role: DeviceRole }
  | { readonly kind: 'ESTABLISHED'; readonly call: TrackedCall; readonly device: string; readonly role: DeviceRole }
  | { readonly kind: 'HELD' | 'RETRIEVED'; readonly call: TrackedCall; readonly device: string }
  | { readonly kind: 'CONNECTION_CLEARED'; readonly call: TrackedCall; readonly device: string; readonly role: DeviceRole }
  | { readonly kind: 'CLEARED' | 'END'; readonly call: TrackedCall };

export type CallFactListener = (fact: CallFact) => void;

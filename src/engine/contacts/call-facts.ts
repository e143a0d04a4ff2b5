// What happened to a call, in the engine's words and free of the CTI wire form: the contact manager reports
// these, the CTI server renders them as call events (cti.md §6; order: cti-to-finesse.md §1.5).

/** How a device takes part in a call, for the CTI DeviceType fields (cti.md §6.5). */
export type DeviceRole = 'AGENT_DEVICE' | 'ROUTE_POINT' | 'CTI_PORT' | 'OTHER';

/** The CTI CallType values the engine gives a call (cti.md §6.5); the kind changes as the call does. */
export type CallKind = 'CCX_IN' | 'AGENT_INSIDE' | 'OTHER_IN' | 'OUT' | 'CONSULT' | 'TRANSFER_IN' | 'CONFERENCE';

/** A call as the engine knows it; `ctiCallId` is the CTI ConnectionCallID (cti.md §6.1). */
export interface TrackedCall {
  readonly id: string;
  readonly ctiCallId: number;
  kind: CallKind;
  calling: string;
  called: string;
  lastRedirected: string | null;
  /** The trigger's directory number, for contacts (DNIS). */
  readonly dnis: string | undefined;
  csqId: number | undefined;
  applicationId: number | undefined;
  /** callVariable1…10, ECC scalars by name, ECC array elements as `name[index]`, callWrapupData. */
  callVariables: Readonly<Record<string, string>>;
  /** Devices whose terminal connection is HELD. */
  readonly held: Set<string>;
  /** The agent line that placed the call (MAKE_CALL, consult), until its CALL_ORIGINATED is reported. */
  originator: string | undefined;
  /** Devices with a connection to the call now, in arrival order: who an agent-mode session follows (§9.3). */
  readonly parties: Set<string>;
  /** Every device that has been a party, for the events that close the call. */
  readonly seen: Set<string>;
}

export interface Party { readonly device: string; readonly role: DeviceRole }

/** A transfer or conference: `secondary`'s parties joined `call`, which survives (cti.md §6.1). */
export interface MergeFact {
  readonly kind: 'TRANSFERRED' | 'CONFERENCED';
  readonly call: TrackedCall;
  readonly secondary: TrackedCall;
  /** The transferring agent, or the conference controller. */
  readonly controller: string;
  /** The transferred party, or the party added to the conference. */
  readonly added: Party;
  /** Everyone on the surviving call afterwards. */
  readonly parties: readonly Party[];
}

export type CallFact =
  | { readonly kind: 'BEGIN'; readonly call: TrackedCall; readonly device: string }
  | { readonly kind: 'SERVICE_INITIATED' | 'ORIGINATED'; readonly call: TrackedCall; readonly device: string }
  | { readonly kind: 'DELIVERED'; readonly call: TrackedCall; readonly device: string; readonly role: DeviceRole }
  | { readonly kind: 'ESTABLISHED'; readonly call: TrackedCall; readonly device: string; readonly role: DeviceRole }
  | { readonly kind: 'FAILED'; readonly call: TrackedCall; readonly device: string; readonly failing: Party; readonly busy: boolean }
  | { readonly kind: 'HELD' | 'RETRIEVED'; readonly call: TrackedCall; readonly device: string }
  | {
    readonly kind: 'CONNECTION_CLEARED'; readonly call: TrackedCall; readonly device: string; readonly role: DeviceRole;
    /** Why a ringing line stopped: the caller hung up, or nobody answered (RONA) (cti-to-finesse.md §2.5, §2.6). */
    readonly cause?: 'CALL_CANCELLED' | 'CALL_NOT_ANSWERED';
  }
  | MergeFact
  /** CallType or call data changed; `changed` holds only the variables that did (cti.md §6.4). */
  | { readonly kind: 'DATA_UPDATE'; readonly call: TrackedCall; readonly changed: Readonly<Record<string, string>> }
  | { readonly kind: 'CLEARED' | 'END'; readonly call: TrackedCall };

export type CallFactListener = (fact: CallFact) => void;

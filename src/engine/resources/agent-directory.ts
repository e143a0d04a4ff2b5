// Where the engine learns its agents: the call manager's end users with an agent role and a primary extension
// (telephony-and-routing.md §3.2 "userId (an EndUser)"). The engine reads them through this interface, never
// the call manager's tables. In one process the node passes an adapter over the call manager's directory
// (src/engine/index.ts); a split engine would implement it over AXL (listUser) without touching the engine.

export interface DirectoryAgent {
  readonly userId: string;
  /** The ICD extension: the agent's primary extension (§3.2 `extension`). */
  readonly extension: string;
  readonly type: 'AGENT' | 'SUPERVISOR';
  /** Phones associated with the user: the terminals the engine observes and answers on. */
  readonly devices: readonly string[];
  /** The user's names, when the directory has them (CONFIG_AGENT_EVENT, cti.md §8.1). */
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
}

export interface AgentDirectory {
  listAgents(): Promise<readonly DirectoryAgent[]>;
  /** Called after any change to users or devices; returns the unsubscribe function. */
  onChange?(listener: () => void): () => void;
}

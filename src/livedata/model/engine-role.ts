// Which engine the statistics come from, as its announcements say (desktop-and-gadgets.md §6.2 `status`, `reset`;
// §7 "livedata emits status and reset"): an active engine is followed; a standby one alone means Live Data has no
// figures to show; a different active node (failover), a new day or a new configuration makes every report stale.
import type { EngineAnnouncement } from '../broker/messages.ts';

export type ResetReason = 'midnight' | 'admin' | 'config' | 'failover';

interface Active { node: string; dayStartsAt: number; configVersion: number }

export class EngineRole {
  #active: Active | undefined;
  #standby = false;

  /** The node whose engine is active, when one has said so. */
  get activeNode(): string | undefined { return this.#active?.node; }
  /** True when the engine heard last is standby and no active one is known. */
  get standby(): boolean { return this.#standby; }

  /** Takes one announcement; the reason reports must start again, if it gives one. */
  announce(message: EngineAnnouncement): ResetReason | undefined {
    const before = this.#active;
    if (message.role === 'standby') {
      // Another node's standby engine says nothing about the active one (both announce on a shared broker).
      if (before === undefined || before.node === message.node) { this.#active = undefined; this.#standby = true; }
      return undefined;
    }
    const wasStandby = this.#standby;
    this.#active = { node: message.node, dayStartsAt: message.dayStartsAt, configVersion: message.configVersion };
    this.#standby = false;
    if (wasStandby || (before !== undefined && before.node !== message.node)) return 'failover';
    if (before === undefined) return undefined;
    if (message.dayStartsAt !== before.dayStartsAt) return 'midnight';
    if (message.configVersion !== before.configVersion) return 'config';
    return undefined;
  }
}

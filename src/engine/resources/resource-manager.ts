// The resource manager (issue §1; telephony-and-routing.md §3.2): joins the call manager's agents with the
// engine's configuration into Resources, and keeps the router's CSQs and resources equal to that join.
import type { EngineConfig } from '../config/engine-config.ts';
import type { Router } from '../routing/router.ts';
import type { DirectoryAgent } from './agent-directory.ts';
import type { Csq, Resource } from './types.ts';

export interface KnownAgent {
  readonly resource: Resource;
  readonly devices: readonly string[];
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
}

export class ResourceManager {
  #byUser = new Map<string, KnownAgent>();
  #byExtension = new Map<string, KnownAgent>();
  #csqs = new Map<number, Csq>();

  constructor(private readonly router: Router) {}

  /** Applies a new configuration and agent list; the router keeps sessions of agents it already knows. */
  apply(config: EngineConfig, agents: readonly DirectoryAgent[]): void {
    this.#csqs = new Map(config.csqs.map((c) => [c.id, c]));
    for (const csq of config.csqs) this.router.setCsq(csq);
    const engineParts = new Map(config.resources.map((r) => [r.userId, r]));
    const byUser = new Map<string, KnownAgent>();
    const byExtension = new Map<string, KnownAgent>();
    for (const agent of agents) {
      const part = engineParts.get(agent.userId);
      const resource: Resource = {
        userId: agent.userId, extension: agent.extension, type: agent.type,
        resourceGroupId: part?.resourceGroupId, groupOrder: part?.groupOrder, teamId: part?.teamId,
        skills: part?.skills ?? new Map(), automaticAvailable: part?.automaticAvailable ?? true,
      };
      const known = { resource, devices: agent.devices, firstName: agent.firstName, lastName: agent.lastName };
      byUser.set(agent.userId, known);
      byExtension.set(agent.extension, known);
      this.router.setResource(resource);
    }
    this.#byUser = byUser;
    this.#byExtension = byExtension;
  }

  byUserId(userId: string): KnownAgent | undefined { return this.#byUser.get(userId); }
  byExtension(extension: string): KnownAgent | undefined { return this.#byExtension.get(extension); }
  csq(id: number): Csq | undefined { return this.#csqs.get(id); }
  agents(): IterableIterator<KnownAgent> { return this.#byUser.values(); }
}

// The engine's live core, without sockets: the provider session opened as the engine's application user, the
// agent state machine, the router and the contact manager, fed from the engine's configuration and the call
// manager's agents. The CTI server (src/engine/cti/server.ts) is one view onto it.
import type { AsyncProviderSession, SessionOpener } from './provider-link/async-session.ts';
import type { Clock } from '../shared/clock.ts';
import type { Logger } from '../shared/logger.ts';
import { csqOfTrigger, type EngineConfig } from './config/engine-config.ts';
import type { EngineRepository } from './config/repository.ts';
import { ContactManager, type RoutedTrigger } from './contacts/contact-manager.ts';
import type { AgentDirectory, DirectoryAgent } from './resources/agent-directory.ts';
import { AgentStates } from './resources/agent-states.ts';
import { ResourceManager } from './resources/resource-manager.ts';
import { Router, type RouterEvents } from './routing/router.ts';
import { EngineStatistics } from './stats/engine-statistics.ts';
import { SessionHandle } from './replication/session-handle.ts';

export interface EngineDeps {
  /** The call manager in this process (inProcessProvider) or over the provider link. */
  readonly provider: SessionOpener;
  readonly credentials: { readonly appUser: string; readonly password: string };
  readonly directory: AgentDirectory;
  /** Only `load` is used: the configuration is read whole (a benchmark may hand a fixed one). */
  readonly repository: Pick<EngineRepository, 'load'>;
  readonly clock: Clock;
  readonly log: Logger;
  /** Default true. False: a standby engine, which registers no route point or CTI port and observes no line until
   *  `activate` (two engines share one call manager, where only one application may register a device). */
  readonly active?: boolean;
  /** Default true: `deactivate` shuts the provider session, which frees the devices at once, and `activate` opens a
   *  new one. False where a session cannot be opened again (the provider link's client is the link itself): the
   *  session stays, and its devices are freed when its link closes. */
  readonly releaseOnStandby?: boolean;
}

export interface Engine {
  readonly agents: AgentStates;
  readonly router: Router;
  readonly resources: ResourceManager;
  readonly contacts: ContactManager;
  readonly statistics: EngineStatistics;
  readonly session: AsyncProviderSession;
  config(): EngineConfig;
  /** Re-reads configuration and agents; changes reach routing at once. */
  reload(): Promise<void>;
  /** Called after each reload has been applied (the CTI server sends team changes from it). */
  onReload(listener: () => void): () => void;
  /** Registers the route points and CTI ports and observes the agents' lines: the engine acts on calls. */
  activate(): Promise<void>;
  /** Stops acting on calls: shuts the provider session, which frees the devices for the other engine (see
   *  `releaseOnStandby`). */
  deactivate(): void;
  readonly active: boolean;
  close(): Promise<void>;
}

export class ProviderOpenError extends Error {}

export async function openEngine(deps: EngineDeps): Promise<Engine> {
  const { log, clock } = deps;
  const opened = await deps.provider.openProvider(deps.credentials);
  if (!opened.ok) throw new ProviderOpenError(`telephony provider refused ${deps.credentials.appUser}: ${opened.error} ${opened.message}`);
  const handle = new SessionHandle(opened.value);
  const session = handle.session;
  let active = deps.active ?? true;
  let people: readonly DirectoryAgent[] = [];
  let config = await deps.repository.load();
  let routed = new Map<string, RoutedTrigger>();

  const agents = new AgentStates(clock);
  let contacts: ContactManager | undefined;
  const events: RouterEvents = {
    onReserved: (r) => contacts?.routerEvents.onReserved(r),
    onRona: (r) => contacts?.routerEvents.onRona(r),
  };
  const router = new Router({ clock, agents, settings: () => config.settings, events });
  const resources = new ResourceManager(router);
  const statistics = new EngineStatistics({ clock, router, agents, settings: () => config.settings });
  contacts = new ContactManager({
    session, router, agents, resources, log: log.child({ component: 'contacts' }),
    triggerAt: (dn) => routed.get(dn),
    // no call reaches a CTI port while the IVR stage is simplified (contact-manager.ts)
    isCtiPort: () => false,
  });

  const registered = new Set<string>();
  const observed = new Set<string>();
  const apply = async (next: EngineConfig, agentsNow: readonly DirectoryAgent[]) => {
    config = next;
    people = agentsNow;
    routed = new Map();
    for (const trigger of next.triggers) {
      const csq = csqOfTrigger(next, trigger);
      if (!trigger.enabled || !csq) continue;
      routed.set(trigger.directoryNumber, { trigger, csqId: csq.id });
    }
    resources.apply(next, people);
    statistics.recount(); // CSQ membership may have changed
    if (active) await claimDevices();
  };
  const claimDevices = async () => {
    const pending: Promise<void>[] = [];
    for (const { trigger } of routed.values()) pending.push(register(trigger.deviceName, 'routePoint'));
    for (const group of config.callControlGroups) for (const port of group.ctiPorts) pending.push(register(port, 'port'));
    for (const agent of people) {
      for (const terminal of agent.devices) pending.push(observe({ terminals: [terminal] }, terminal));
      pending.push(observe({ addresses: [agent.extension] }, agent.extension));
    }
    await Promise.all(pending);
  };
  // A device counts as done while its request is out, so a second look at it does not ask again.
  const register = async (device: string, kind: 'routePoint' | 'port') => {
    if (registered.has(device)) return;
    registered.add(device);
    const reply = kind === 'routePoint' ? await session.registerRoutePoint({ device }) : await session.registerMediaTerminal({ device });
    if (reply.ok) return;
    registered.delete(device);
    log.warn({ device, error: reply.error, reason: reply.message }, 'device registration refused');
  };
  const observe = async (request: { addresses?: string[]; terminals?: string[] }, key: string) => {
    if (observed.has(key)) return;
    observed.add(key);
    const reply = await session.observe(request);
    if (reply.ok) return;
    observed.delete(key);
    log.warn({ device: key, error: reply.error }, 'observation refused');
  };
  await apply(config, await deps.directory.listAgents());

  let reloading = Promise.resolve();
  const reloaded = new Set<() => void>();
  const reload = () => {
    reloading = reloading.then(async () => {
      await apply(await deps.repository.load(), await deps.directory.listAgents());
      for (const listener of reloaded) listener();
    })
      .catch((err: unknown) => log.error({ err }, 'engine reload failed'));
    return reloading;
  };
  const unwatch = deps.directory.onChange?.(() => { void reload(); });

  return {
    agents, router, resources, contacts, statistics, session,
    config: () => config,
    reload,
    onReload(listener) {
      reloaded.add(listener);
      return () => reloaded.delete(listener);
    },
    get active() { return active; },
    async activate() {
      if (active) return;
      if (handle.current.state === 'SHUTDOWN') {
        const reopened = await deps.provider.openProvider(deps.credentials);
        if (!reopened.ok) throw new ProviderOpenError(`telephony provider refused ${deps.credentials.appUser}: ${reopened.error} ${reopened.message}`);
        handle.replace(reopened.value);
      }
      active = true;
      await claimDevices();
    },
    deactivate() {
      if (!active) return;
      active = false;
      if (deps.releaseOnStandby === false) return;
      handle.current.shutdown();
      registered.clear();
      observed.clear();
    },
    async close() {
      unwatch?.();
      await reloading;
      contacts?.close();
      statistics.close();
      router.close();
      agents.close();
      session.shutdown();
    },
  };
}

// The engine's configuration as one value, read whole at start and after each change: the resource manager and
// the router rebuild from it (telephony-and-routing.md §3.2).
import type {
  Application, CallControlGroup, Csq, ResourceGroup, Settings, Skill, Team, Trigger,
} from '../resources/types.ts';

/** What the engine adds to a call-manager end user to make it a resource (§3.2). */
export interface ResourceConfig {
  readonly userId: string;
  readonly resourceGroupId?: number | undefined;
  readonly groupOrder?: number | undefined;
  readonly teamId?: number | undefined;
  readonly automaticAvailable: boolean;
  /** Competence 1–10 per skill id. */
  readonly skills: ReadonlyMap<number, number>;
}

export interface EngineConfig {
  readonly skills: readonly Skill[];
  readonly resourceGroups: readonly ResourceGroup[];
  readonly teams: readonly Team[];
  readonly resources: readonly ResourceConfig[];
  readonly csqs: readonly Csq[];
  readonly applications: readonly Application[];
  readonly callControlGroups: readonly CallControlGroup[];
  readonly triggers: readonly Trigger[];
  readonly settings: Settings;
}

/** The CSQ a trigger's application queues in: its `CSQ` parameter, by name or id (§2.1 icd.aef). */
export function csqOfTrigger(config: EngineConfig, trigger: Trigger): Csq | undefined {
  const app = config.applications.find((a) => a.id === trigger.applicationId);
  const wanted = app?.parameters.CSQ;
  if (wanted === undefined) return undefined;
  return config.csqs.find((c) => c.name === wanted || String(c.id) === wanted);
}

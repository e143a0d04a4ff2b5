// The desktop's workflows (rest-api.md §7; desktop-and-gadgets.md §4.2): the signed-in agent's workflows, read
// from `/User/{id}/Workflows` as finesse.js `User.loadWorkflows` reads them, run on the Dialog notifications the
// master already publishes on the hub (no connection of its own). Each action is published on
// `finesse.containerservices.workflowActionEvent`; the desktop itself opens FINESSE_DESKTOP browser pops and sends
// their HTTP requests, and leaves OTHER actions to the gadgets.
import { topicOfNode } from '../../tunnel/protocol.ts';
import { xml2js } from '../../finesse/utilities/xml2js.ts';
import type { PageHub } from '../hub-types.ts';
import { expandAction, type WorkflowActionEventData } from './action-event.ts';
import { dialogsOfNotification } from './dialog-update.ts';
import { browserPop, httpRequest, type ActionOutcome } from './workflow-actions.ts';
import { dialogMoment, firingKey, workflowMatches, type DialogMoment } from './workflow-match.ts';
import {
  readWorkflowAction, readWorkflows, type DesktopWorkflow, type DesktopWorkflowAction,
} from './workflow-model.ts';

export const WORKFLOW_ACTION_TOPIC = 'finesse.containerservices.workflowActionEvent';

export interface WorkflowRunnerOptions {
  hub: PageHub;
  userId: string;
  extension: string;
  /** Basic credentials of the agent, for REST and same-origin requests. */
  auth: string;
}

interface Loaded { workflows: DesktopWorkflow[]; actions: Map<string, DesktopWorkflowAction> }

async function getXml(path: string, auth: string): Promise<unknown> {
  const response = await fetch(path, {
    headers: { accept: 'application/xml', authorization: `Basic ${auth}` }, cache: 'no-store', credentials: 'omit',
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return xml2js(await response.text());
}

const pathOf = (uri: string): string => {
  try { return new URL(uri, location.origin).pathname; } catch { return uri; }
};

export class WorkflowRunner {
  readonly #fired = new Set<string>();
  readonly #subscription: string;
  #loaded: Promise<Loaded>;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(private readonly options: WorkflowRunnerOptions) {
    this.#loaded = this.#load();
    const topic = topicOfNode(`/finesse/api/User/${options.userId}/Dialogs`);
    this.#subscription = options.hub.subscribe(topic, (_topic, data) => {
      const update = dialogsOfNotification(data);
      if (!update) return;
      // A new call reads the workflows again, so an administrator's change applies from the next call.
      if (update.event === 'POST') this.#loaded = this.#load();
      const moments = update.dialogs.map((d) => dialogMoment(update.event, d, options.extension));
      // One notification at a time, in order: the once-per-Dialog bookkeeping depends on it.
      this.#queue = this.#queue.then(() => this.#run(moments)).catch((err: unknown) => console.warn('workflows: a Dialog was not handled', err));
    });
  }

  async #load(): Promise<Loaded> {
    const { userId, auth } = this.options;
    try {
      const workflows = readWorkflows(await getXml(`/finesse/api/User/${encodeURIComponent(userId)}/Workflows`, auth));
      const uris = [...new Set(workflows.flatMap((w) => w.actionUris))];
      const actions = new Map<string, DesktopWorkflowAction>();
      await Promise.all(uris.map(async (uri) => {
        const action = readWorkflowAction(await getXml(pathOf(uri), auth).catch(() => undefined));
        if (action) actions.set(uri, action);
      }));
      return { workflows, actions };
    } catch (err) {
      console.warn('workflows: could not be read', err);
      return { workflows: [], actions: new Map() };
    }
  }

  async #run(moments: DialogMoment[]): Promise<void> {
    const { workflows, actions } = await this.#loaded;
    for (const moment of moments) {
      if (this.#closed || moment.id === '') continue;
      for (const workflow of workflows) {
        const key = firingKey(moment.id, workflow);
        if (this.#fired.has(key) || !workflowMatches(workflow, moment)) continue;
        this.#fired.add(key);
        for (const uri of workflow.actionUris) {
          const action = actions.get(uri);
          if (action) await this.#perform(expandAction(action, moment.tree));
        }
      }
      // A Dialog gone for good is forgotten, so the set stays as small as the agent's calls.
      if (moment.event === 'DELETE') for (const key of [...this.#fired]) if (key.startsWith(`${moment.id}\n`)) this.#fired.delete(key);
    }
  }

  async #perform(event: WorkflowActionEventData): Promise<void> {
    this.options.hub.publish(WORKFLOW_ACTION_TOPIC, event);
    if (event.handledBy !== 'FINESSE_DESKTOP') return;
    let outcome: ActionOutcome;
    try {
      outcome = event.type === 'BROWSER_POP' ? browserPop(event)
        : event.type === 'HTTP_REQUEST' ? await httpRequest(event, this.options.auth)
          : { ok: false, detail: `type ${event.type} is not run by the desktop` };
    } catch (err) {
      outcome = { ok: false, detail: String(err) };
    }
    if (!outcome.ok) console.warn(`workflows: action "${event.name}" failed: ${outcome.detail}`);
  }

  close(): void {
    this.#closed = true;
    try { this.options.hub.unsubscribe(this.#subscription); } catch { /* gone with its hub */ }
  }
}

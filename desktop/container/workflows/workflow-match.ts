// When a workflow runs (rest-api.md §7; the Finesse administration's "when a call arrives / is answered / ends /
// is made"): its TriggerSet type names a change of the agent's own part in a Dialog, every Trigger clause must
// hold, and its ConditionSet (ALL or ANY of its conditions) must pass. Pure.
import { dialogTree, readPath, type PathNode } from './dialog-path.ts';
import type { DesktopWorkflow, WorkflowClause, WorkflowVariable } from './workflow-model.ts';

/** The notification's `event` on the agent's Dialogs node (notifications.md: POST new, PUT changed, DELETE gone). */
export type DialogEvent = 'POST' | 'PUT' | 'DELETE';

export interface DialogMoment {
  event: DialogEvent;
  id: string;
  tree: PathNode;
  /** The state of the agent's own participant, else the Dialog's state. */
  myState: string;
  dialogState: string;
  /** The agent placed the call: the Dialog's fromAddress is the agent's extension. */
  madeByAgent: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

/** One Dialog of a notification, seen by the agent at `extension`. */
export function dialogMoment(event: DialogEvent, dialog: Obj, extension: string): DialogMoment {
  const holder = dialog.participants;
  const list = isObj(holder) ? holder.Participant : undefined;
  const participants = (Array.isArray(list) ? list : [list]).filter(isObj);
  const mine = participants.find((p) => text(p.mediaAddress) === extension);
  const dialogState = text(dialog.state);
  return {
    event, id: text(dialog.id), tree: dialogTree(dialog), dialogState,
    myState: mine ? text(mine.state) : dialogState,
    madeByAgent: extension !== '' && text(dialog.fromAddress) === extension,
  };
}

/**
 * TriggerSet types and the moment each names (inference: Finesse's trigger names; an agent's leg of a call is
 * ALERTING when it rings, ACTIVE once answered, DROPPED or WRAP_UP once over).
 */
const TRIGGERS: Record<string, (m: DialogMoment) => boolean> = {
  CALL_ARRIVES: (m) => m.event !== 'DELETE' && m.myState === 'ALERTING',
  CALL_ANSWERED: (m) => m.event !== 'DELETE' && m.myState === 'ACTIVE',
  CALL_ENDS: (m) => m.event === 'DELETE' || m.myState === 'DROPPED' || m.myState === 'WRAP_UP' || m.dialogState === 'DROPPED',
  CALL_MADE: (m) => m.event !== 'DELETE' && m.madeByAgent && (m.myState === 'INITIATING' || m.myState === 'INITIATED'),
};

export const KNOWN_TRIGGER_TYPES = Object.keys(TRIGGERS);

/** Whether the moment is the one the workflow's TriggerSet type names; a type Poise does not know leaves it to the clauses. */
export const triggerTypeFires = (type: string, moment: DialogMoment): boolean =>
  (TRIGGERS[type] ?? ((m: DialogMoment) => m.event !== 'DELETE'))(moment);

/**
 * A variable's value in the Dialog: its node path when it has one; else, by name (or a node that is a bare name),
 * the call variable or ECC variable, the media property, or the Dialog field of that name. Absent is ''.
 */
export function variableValue(tree: PathNode, variable: Pick<WorkflowVariable, 'name' | 'node'>): string {
  const node = variable.node.trim();
  if (node.startsWith('/')) return readPath(tree, node) ?? '';
  const name = node || variable.name;
  if (name === '') return '';
  const quoted = JSON.stringify(name);
  return readPath(tree, `//Dialog/mediaProperties/callvariables/CallVariable[name=${quoted}]/value`)
    ?? readPath(tree, `/Dialog/mediaProperties/${name}`)
    ?? readPath(tree, `/Dialog/${name}`) ?? '';
}

/** The stored comparators (src/web/rest/workflow.ts); case-sensitive, as the values are call data. */
export function compare(comparator: string, actual: string, expected: string): boolean {
  switch (comparator) {
    case 'IS_EQUAL': return actual === expected;
    case 'IS_NOT_EQUAL': return actual !== expected;
    case 'BEGINS_WITH': return actual.startsWith(expected);
    case 'ENDS_WITH': return actual.endsWith(expected);
    case 'CONTAINS': return actual.includes(expected);
    case 'IS_EMPTY': return actual === '';
    case 'IS_NOT_EMPTY': return actual !== '';
    default: return false; // a comparator this desktop does not know never holds
  }
}

export const clauseHolds = (tree: PathNode, clause: WorkflowClause): boolean =>
  compare(clause.comparator, variableValue(tree, clause.variable), clause.value);

/** Whether the workflow runs at this moment: its trigger fires, every trigger clause holds, its conditions pass. */
export function workflowMatches(workflow: DesktopWorkflow, moment: DialogMoment): boolean {
  if (!triggerTypeFires(workflow.triggerType, moment)) return false;
  if (!workflow.triggers.every((t) => clauseHolds(moment.tree, t))) return false;
  const conditions = workflow.conditions;
  if (!conditions || conditions.clauses.length === 0) return true;
  const holds = (c: WorkflowClause) => clauseHolds(moment.tree, c);
  return conditions.applyMethod === 'ANY' ? conditions.clauses.some(holds) : conditions.clauses.every(holds);
}

/** Runs each workflow at most once per Dialog and trigger: the key it is remembered by. */
export const firingKey = (dialogId: string, workflow: DesktopWorkflow): string =>
  `${dialogId}\n${workflow.uri || workflow.name}\n${workflow.triggerType}`;

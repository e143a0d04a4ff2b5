// Workflows and workflow actions as the desktop runs them, read from the Goessner objects of their REST XML
// (rest-api.md §7: `/User/{id}/Workflows`, `/WorkflowAction/{id}`). Pure; what cannot be read is left out.

export interface WorkflowVariable { name: string; node: string; type: string }
export interface WorkflowClause { variable: WorkflowVariable; comparator: string; value: string }

export interface DesktopWorkflow {
  uri: string;
  name: string;
  triggerType: string;
  triggers: WorkflowClause[];
  /** undefined: no ConditionSet, so every call passes. */
  conditions?: { applyMethod: 'ALL' | 'ANY'; clauses: WorkflowClause[] };
  actionUris: string[];
}

export interface ActionParam { name: string; value: string }
export interface ActionVariable { name: string; node: string; type: string; testValue: string }

export interface DesktopWorkflowAction {
  uri: string;
  name: string;
  type: string;
  handledBy: string;
  params: ActionParam[];
  actionVariables: ActionVariable[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const items = (holder: unknown, name: string): Obj[] => {
  if (!isObj(holder)) return [];
  const value = holder[name];
  return (Array.isArray(value) ? value : [value]).filter(isObj);
};

function clause(item: Obj): WorkflowClause {
  const variable = isObj(item.Variable) ? item.Variable : {};
  return {
    variable: { name: text(variable.name), node: text(variable.node), type: text(variable.type) },
    comparator: text(item.comparator), value: text(item.value),
  };
}

export function readWorkflow(w: Obj): DesktopWorkflow {
  const triggerSet = isObj(w.TriggerSet) ? w.TriggerSet : {};
  const conditionSet = w.ConditionSet;
  const workflow: DesktopWorkflow = {
    uri: text(w.uri), name: text(w.name), triggerType: text(triggerSet.type),
    triggers: items(triggerSet.triggers, 'Trigger').map(clause),
    actionUris: items(w.workflowActions, 'WorkflowAction').map((a) => text(a.uri)).filter(Boolean),
  };
  if (isObj(conditionSet)) {
    workflow.conditions = {
      applyMethod: text(conditionSet.applyMethod) === 'ANY' ? 'ANY' : 'ALL',
      clauses: items(conditionSet.conditions, 'Condition').map(clause),
    };
  }
  return workflow;
}

/** `{Workflows: {Workflow: …}}`, the answer of `GET /User/{id}/Workflows`. */
export const readWorkflows = (document: unknown): DesktopWorkflow[] =>
  items(isObj(document) ? document.Workflows : undefined, 'Workflow').map(readWorkflow);

/** `{WorkflowAction: …}`, the answer of `GET /WorkflowAction/{id}`. */
export function readWorkflowAction(document: unknown): DesktopWorkflowAction | undefined {
  const a = isObj(document) ? document.WorkflowAction : undefined;
  if (!isObj(a)) return undefined;
  return {
    uri: text(a.uri), name: text(a.name), type: text(a.type), handledBy: text(a.handledBy),
    params: items(a.params, 'Param').map((p) => ({ name: text(p.name), value: typeof p.value === 'string' ? p.value : '' })),
    actionVariables: items(a.actionVariables, 'ActionVariable').map((v) => ({
      name: text(v.name), node: text(v.node), type: text(v.type), testValue: text(v.testValue),
    })),
  };
}

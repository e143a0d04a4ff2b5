// A workflow action made concrete for one Dialog: each action variable's actual value, each param with
// `${name}` replaced, and the `finesse.containerservices.workflowActionEvent` data gadgets receive
// (desktop-and-gadgets.md §4.2: `{uri, name, type, handledBy, params:[{name,value,expandedValue}],
// actionVariables:[{name,node,type,testValue,actualValue}]}`). Pure.
import type { PathNode } from './dialog-path.ts';
import { variableValue } from './workflow-match.ts';
import type { DesktopWorkflowAction } from './workflow-model.ts';

export interface WorkflowActionEventData {
  uri: string;
  name: string;
  type: string;
  handledBy: string;
  params: { name: string; value: string; expandedValue: string }[];
  actionVariables: { name: string; node: string; type: string; testValue: string; actualValue: string }[];
}

/** Params whose value is a URL: substituted values are URI-encoded there, so call data cannot change the URL's shape. */
const URL_PARAMS = new Set(['windowUrl', 'path', 'url']);

const PLACEHOLDER = /\$\{([^}\s]+)\}/g;

/**
 * Replaces each `${name}` by the value of that name: an action variable's actual value, else (inference) the call
 * data of that name; a name with neither stays as written.
 */
export function substitute(template: string, lookup: (name: string) => string | undefined,
                           encode: (value: string) => string = (v) => v): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = lookup(name);
    return value === undefined ? whole : encode(value);
  });
}

export function expandAction(action: DesktopWorkflowAction, tree: PathNode): WorkflowActionEventData {
  const actionVariables = action.actionVariables.map((v) => ({ ...v, actualValue: variableValue(tree, v) }));
  const byName = new Map(actionVariables.map((v) => [v.name, v.actualValue]));
  const lookup = (name: string): string | undefined => {
    const declared = byName.get(name);
    if (declared !== undefined) return declared;
    const found = variableValue(tree, { name, node: '' });
    return found === '' ? undefined : found;
  };
  return {
    uri: action.uri, name: action.name, type: action.type, handledBy: action.handledBy,
    params: action.params.map((p) => ({
      name: p.name, value: p.value,
      expandedValue: substitute(p.value, lookup, URL_PARAMS.has(p.name) ? encodeURIComponent : undefined),
    })),
    actionVariables,
  };
}

/** An expanded param's value, by name; '' when absent. */
export const paramOf = (event: WorkflowActionEventData, ...names: string[]): string => {
  for (const name of names) {
    const found = event.params.find((p) => p.name === name);
    if (found) return found.expandedValue;
  }
  return '';
};

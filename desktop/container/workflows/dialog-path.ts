// The node paths of workflow variables, read against a Dialog (rest-api.md §7: Variable `node`). Finesse stores
// them as XPath over the Dialog document, e.g. `//Dialog/fromAddress` or
// `//Dialog/mediaProperties/callvariables/CallVariable/name[.="callVariable1"]/../value`; Poise reads the subset
// those paths use: `/` and a leading `//`, element names, `*`, `.`, `..`, and `[child="v"]` / `[.="v"]`
// predicates (inference: the paths Finesse's administration writes). Pure: the Dialog arrives as the Goessner
// object the library publishes (desktop-and-gadgets.md §4.3), so the same code runs in a page or a test.

export interface PathNode {
  readonly name: string;
  readonly text: string;
  readonly children: PathNode[];
  readonly parent: PathNode | undefined;
}

const node = (name: string, parent: PathNode | undefined): PathNode & { text: string } =>
  ({ name, text: '', children: [], parent });

/** A Goessner value (`{a: 'x', b: [{…}, {…}], c: null}`) as a tree; `@attributes` are left out. */
export function dialogTree(dialog: unknown, rootName = 'Dialog'): PathNode {
  const document = node('#document', undefined);
  const build = (name: string, value: unknown, parent: PathNode): void => {
    if (Array.isArray(value)) { for (const item of value) build(name, item, parent); return; }
    const element = node(name, parent);
    parent.children.push(element);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') element.text = String(value);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === '#text') element.text = String(child);
        else if (!key.startsWith('@')) build(key, child, element);
      }
    }
  };
  build(rootName, dialog, document);
  return document;
}

interface Step { axis: 'child' | 'descendant'; test: string; predicates: { target: string; value: string }[] }

const PREDICATE = /^\s*(\.|[A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*))\s*$/;

/** The steps of a path, or undefined when it uses more than the subset above. */
export function parsePath(path: string): Step[] | undefined {
  const steps: Step[] = [];
  let i = 0;
  const text = path.trim();
  if (!text.startsWith('/')) return undefined;
  while (i < text.length) {
    let axis: Step['axis'] = 'child';
    if (text.startsWith('//', i)) { axis = 'descendant'; i += 2; } else if (text[i] === '/') i += 1;
    else return undefined;
    const name = /^(\.\.|\.|\*|[A-Za-z_][\w.:-]*)/.exec(text.slice(i));
    if (!name) return undefined;
    i += name[0].length;
    const predicates: Step['predicates'] = [];
    while (text[i] === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) return undefined;
      const match = PREDICATE.exec(text.slice(i + 1, end));
      if (!match) return undefined;
      predicates.push({ target: match[1]!, value: match[2] ?? match[3] ?? match[4] ?? '' });
      i = end + 1;
    }
    steps.push({ axis, test: name[0], predicates });
  }
  return steps;
}

const descendants = (from: PathNode): PathNode[] => from.children.flatMap((c) => [c, ...descendants(c)]);

function apply(step: Step, from: PathNode): PathNode[] {
  let found: PathNode[];
  if (step.test === '..') found = from.parent ? [from.parent] : [];
  else if (step.test === '.') found = [from];
  else {
    const pool = step.axis === 'descendant' ? descendants(from) : from.children;
    found = step.test === '*' ? pool : pool.filter((n) => n.name === step.test);
  }
  return found.filter((n) => step.predicates.every(({ target, value }) =>
    target === '.' ? n.text === value : n.children.some((c) => c.name === target && c.text === value)));
}

/** The text of the first node the path selects, or undefined when it selects none or cannot be read. */
export function readPath(tree: PathNode, path: string): string | undefined {
  const steps = parsePath(path);
  if (!steps || steps.length === 0) return undefined;
  let current: PathNode[] = [tree];
  for (const step of steps) {
    const next = new Set<PathNode>();
    for (const from of current) for (const n of apply(step, from)) next.add(n);
    current = [...next];
  }
  return current[0]?.text;
}

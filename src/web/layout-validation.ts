// Checks a desktop layout before it is stored (desktop-and-gadgets.md §2): well-formed, the finesseLayout root in
// the Finesse namespace, every layout for a known role. Pure; the refusal is a value.
import { childElement, childElements, childText, parseXml } from '../shared/xml/index.ts';

export const FINESSE_LAYOUT_NS = 'http://www.cisco.com/vtg/finesse';
const ROLES = ['Agent', 'Supervisor'];

export function layoutProblem(layoutXml: string): string | undefined {
  const parsed = parseXml(layoutXml.trimStart(), { maxDepth: 32, maxElements: 10_000 });
  if (!parsed.ok) return `The layout is not well-formed XML: ${parsed.error.message}`;
  const root = parsed.root;
  if (root.getName() !== 'finesseLayout' || root.attrs.xmlns !== FINESSE_LAYOUT_NS) {
    return `The layout root must be finesseLayout in the namespace ${FINESSE_LAYOUT_NS}.`;
  }
  const layouts = childElements(root, 'layout');
  if (layouts.length === 0) return 'The layout has no layout element.';
  for (const layout of layouts) {
    const role = childText(layout, 'role');
    if (role === undefined || !ROLES.includes(role)) return `Each layout needs a role of ${ROLES.join(' or ')}.`;
    const tabs = childElement(layout, 'tabs');
    for (const tab of tabs ? childElements(tabs, 'tab') : []) {
      const columns = childElement(tab, 'columns');
      if (columns && childElements(columns, 'column').length > 4) return 'A tab has at most four columns.';
    }
  }
  return undefined;
}

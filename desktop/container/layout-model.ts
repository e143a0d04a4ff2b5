// The desktop layout XML (desktop-and-gadgets.md §2) as data: configs, header components, and per role the page
// gadgets and the tabs. Pure: it reads a minimal element view, so the browser feeds it DOMParser's elements and
// node tests feed it any other XML parser's.

/** The little of an XML element the layout needs; names are local (namespace prefixes dropped). */
export interface XmlView {
  readonly name: string;
  attribute(name: string): string | undefined;
  children(): XmlView[];
  text(): string;
}

export type LayoutRole = 'Agent' | 'Supervisor';

export interface LayoutGadget {
  /** As written: relative (this node) or absolute (external). */
  url: string;
  id?: string;
  managedBy?: string;
  maxRows?: number;
  /** FQDNs tried in order when an absolute URL's host fails (§2). */
  alternateHosts: string[];
}

export interface LayoutTab {
  id: string;
  icon: string;
  /** A resource-bundle key or a literal (labels.ts). */
  label: string;
  /** One to four columns of gadgets; a tab without columns has one. */
  columns: LayoutGadget[][];
}

export interface RoleLayout {
  role: LayoutRole;
  page: LayoutGadget[];
  tabs: LayoutTab[];
}

export interface HeaderComponent { id: string; url: string }

export interface DesktopLayout {
  version: string;
  configs: Record<string, string>;
  header: { left: HeaderComponent[]; right: HeaderComponent[] };
  roles: RoleLayout[];
}

export type LayoutResult = { ok: true; layout: DesktopLayout } | { ok: false; error: string };

const MAX_COLUMNS = 4;
const MIN_MAX_ROWS = 10; // "maxRows < 10 → 10" (§2)

const childrenNamed = (element: XmlView | undefined, name: string): XmlView[] =>
  element ? element.children().filter((child) => child.name === name) : [];
const child = (element: XmlView | undefined, name: string): XmlView | undefined => childrenNamed(element, name)[0];
const textOf = (element: XmlView | undefined): string => element?.text().trim() ?? '';

function gadgetOf(element: XmlView): LayoutGadget | undefined {
  const url = textOf(element);
  if (!url) return undefined;
  const gadget: LayoutGadget = { url, alternateHosts: [] };
  const id = element.attribute('id');
  if (id) gadget.id = id;
  const managedBy = element.attribute('managedBy');
  if (managedBy) gadget.managedBy = managedBy;
  const maxRows = Number.parseInt(element.attribute('maxRows') ?? '', 10);
  if (Number.isFinite(maxRows)) gadget.maxRows = Math.max(maxRows, MIN_MAX_ROWS);
  const alternates = element.attribute('alternateHosts');
  if (alternates) gadget.alternateHosts = alternates.split(',').map((host) => host.trim()).filter(Boolean);
  return gadget;
}

const gadgetsOf = (container: XmlView | undefined): LayoutGadget[] =>
  childrenNamed(container, 'gadget').map(gadgetOf).filter((g): g is LayoutGadget => g !== undefined);

function tabOf(element: XmlView, index: number): LayoutTab {
  const columnsElement = child(element, 'columns');
  const columns = columnsElement
    ? childrenNamed(columnsElement, 'column').slice(0, MAX_COLUMNS).map((column) => gadgetsOf(child(column, 'gadgets')))
    : [gadgetsOf(child(element, 'gadgets'))];
  return {
    id: textOf(child(element, 'id')) || `tab${index + 1}`,
    icon: textOf(child(element, 'icon')),
    label: textOf(child(element, 'label')) || textOf(child(element, 'id')),
    columns: columns.length > 0 ? columns : [[]],
  };
}

function roleLayoutOf(element: XmlView): RoleLayout | undefined {
  const role = textOf(child(element, 'role'));
  if (role !== 'Agent' && role !== 'Supervisor') return undefined;
  return {
    role,
    page: gadgetsOf(child(element, 'page')),
    tabs: childrenNamed(child(element, 'tabs'), 'tab').map(tabOf),
  };
}

const componentsOf = (columns: XmlView | undefined): HeaderComponent[] =>
  childrenNamed(columns, 'headercolumn').flatMap((column) => childrenNamed(column, 'component'))
    .map((component) => ({ id: component.attribute('id') ?? '', url: textOf(child(component, 'url')) }));

export function parseLayout(root: XmlView): LayoutResult {
  if (root.name !== 'finesseLayout') return { ok: false, error: `The layout root is ${root.name}, not finesseLayout.` };
  const configs: Record<string, string> = {};
  for (const config of childrenNamed(child(root, 'configs'), 'config')) {
    const key = config.attribute('key');
    if (key) configs[key] = config.attribute('value') ?? '';
  }
  const header = child(root, 'header');
  const roles = childrenNamed(root, 'layout').map(roleLayoutOf).filter((r): r is RoleLayout => r !== undefined);
  if (roles.length === 0) return { ok: false, error: 'The layout has no Agent or Supervisor layout.' };
  return {
    ok: true,
    layout: {
      version: textOf(child(root, 'version')),
      configs,
      header: { left: componentsOf(child(header, 'leftAlignedColumns')), right: componentsOf(child(header, 'rightAlignedColumns')) },
      roles,
    },
  };
}

/** The layout of the role; a supervisor without one of their own gets the agent's (§1 step 7). */
export function layoutForRole(layout: DesktopLayout, role: LayoutRole): RoleLayout | undefined {
  return layout.roles.find((r) => r.role === role) ?? layout.roles.find((r) => r.role === 'Agent');
}

/** Every gadget of a role layout, page first, in order. */
export const gadgetsOfRole = (role: RoleLayout): LayoutGadget[] =>
  [...role.page, ...role.tabs.flatMap((tab) => tab.columns.flat())];

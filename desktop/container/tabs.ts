// The tab bar and one `div.tab-panel#panel_<tabId>` per tab (desktop-and-gadgets.md §1 DOM contract): gadgets find
// their tab as the closest div.tab-panel around their iframe. Keyboard: arrows, Home and End move between tabs.
import { h } from './dom.ts';
import { labelText } from './labels.ts';
import type { LayoutTab } from './layout-model.ts';

export interface TabSet {
  bar: HTMLElement;
  panels: HTMLElement;
  /** The column elements of each tab, to mount gadgets into. */
  columnsOf(tabId: string): HTMLElement[];
  getActiveTab(): string;
  activateTab(tabId: string): boolean;
}

export function buildTabs(tabs: readonly LayoutTab[], onActivate: (tabId: string) => void): TabSet {
  const buttons = new Map<string, HTMLButtonElement>();
  const panelById = new Map<string, HTMLElement>();
  const columns = new Map<string, HTMLElement[]>();
  let active = '';

  const list = h('div', { class: 'tab-list', role: 'tablist', 'aria-label': 'Desktop tabs' });
  const panels = h('div', { class: 'tab-panels' });
  for (const tab of tabs) {
    if (buttons.has(tab.id)) continue; // a duplicate id would break the panel lookup of gadgets
    const button = h('button', {
      type: 'button', role: 'tab', id: `tab_${tab.id}`, class: 'tab', 'aria-controls': `panel_${tab.id}`,
      'aria-selected': 'false', tabindex: '-1', 'data-tab-id': tab.id,
    }, labelText(tab.label));
    button.addEventListener('click', () => activate(tab.id, true));
    buttons.set(tab.id, button);
    list.append(button);
    const tabColumns = tab.columns.map((_, index) => h('div', { class: 'tab-column', 'data-column': String(index + 1) }));
    columns.set(tab.id, tabColumns);
    const panel = h('div', {
      class: 'tab-panel', id: `panel_${tab.id}`, role: 'tabpanel', 'aria-labelledby': `tab_${tab.id}`, hidden: true,
    }, h('div', { class: `tab-columns columns-${tabColumns.length}` }, ...tabColumns));
    panelById.set(tab.id, panel);
    panels.append(panel);
  }

  list.addEventListener('keydown', (event) => {
    const ids = [...buttons.keys()];
    const focused = event.target instanceof HTMLElement ? event.target.dataset.tabId : undefined;
    const index = ids.indexOf(focused ?? active);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: ids.length - 1 }[event.key];
    if (next === undefined || ids.length === 0) return;
    event.preventDefault();
    const id = ids[(next + ids.length) % ids.length];
    if (id !== undefined) { activate(id, true); buttons.get(id)?.focus(); }
  });

  function activate(tabId: string, announce: boolean): boolean {
    const button = buttons.get(tabId);
    if (!button) return false;
    for (const [id, other] of buttons) {
      const selected = id === tabId;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = panelById.get(id);
      if (panel) panel.hidden = !selected;
    }
    const changed = active !== tabId;
    active = tabId;
    if (announce && changed) onActivate(tabId);
    return true;
  }

  const first = [...buttons.keys()][0];
  if (first !== undefined) activate(first, false);

  return {
    bar: h('nav', { class: 'tab-bar', 'aria-label': 'Tabs', hidden: buttons.size === 0 }, list),
    panels,
    columnsOf: (tabId) => columns.get(tabId) ?? [],
    getActiveTab: () => active,
    activateTab: (tabId) => activate(tabId, true),
  };
}

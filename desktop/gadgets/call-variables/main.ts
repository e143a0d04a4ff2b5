// Call variables (Poise's /desktop/scripts/js/callvariables.js): the call data of the agent's current call,
// labelled by the media properties layout its ECC variable user.layout names (else the default one), then every
// other call variable and ECC variable it carries.
import '../shared/gadget.css';
import './call-variables.css';
import { h, replaceContent } from '../shared/dom.ts';
import type { Dialog, RestCollection, RestObject } from '../shared/finesse-api.ts';
import { bootGadget, type GadgetSession } from '../shared/gadget-boot.ts';
import { layoutEntries, layoutForCall, layoutsByName, type LayoutEntry } from '../shared/media-layout.ts';

const HIDDEN = new Set(['callvariables', 'wrapUpItems']);
const valueText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

class CallVariables {
  readonly #session: GadgetSession;
  readonly #watched = new WeakSet<Dialog>();
  #dialogs: RestCollection<Dialog> | undefined;
  #layout: LayoutEntry[] | undefined;
  #layouts: ReadonlyMap<string, LayoutEntry[]> = new Map();

  constructor(session: GadgetSession) {
    this.#session = session;
    this.#dialogs = session.user.getDialogs({
      onLoad: (dialogs) => { this.#dialogs = dialogs; this.render(); },
      onCollectionAdd: () => this.render(),
      onCollectionDelete: () => this.render(),
      onChange: () => this.render(),
    });
    session.user.getMediaPropertiesLayout({
      onLoad: (layout: RestObject) => { this.#layout = layoutEntries(layout); this.render(); },
    });
    session.user.getMediaPropertiesLayouts({ onLoad: (layouts) => { this.#layouts = layoutsByName(layouts); this.render(); } });
    this.render();
  }

  render(): void {
    const dialogs = Object.values(this.#dialogs?.getCollection() ?? {});
    for (const dialog of dialogs) {
      if (this.#watched.has(dialog)) continue;
      this.#watched.add(dialog);
      dialog.addHandler('change', () => this.render());
    }
    // The call to show: one still live, else the one in wrap-up, the latest first.
    dialogs.sort((a, b) => b.getId().localeCompare(a.getId(), 'en', { numeric: true }));
    const current = dialogs.find((d) => d.getState() !== 'DROPPED') ?? dialogs[0];
    if (!current) {
      replaceContent(this.#session.root, [h('p', { class: 'poise-muted' }, 'No call.')]);
      this.#session.resize();
      return;
    }
    const properties = current.getMediaProperties() ?? {};
    const layout = layoutForCall(properties, this.#layouts, this.#layout) ?? [];
    const shown = new Set(layout.map((e) => e.mediaProperty));
    const rows = [
      ...layout.map((e) => [e.displayName || e.mediaProperty, e.mediaProperty, valueText(properties[e.mediaProperty])] as const),
      ...Object.keys(properties).filter((k) => !shown.has(k) && !HIDDEN.has(k)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((k) => [k, k, valueText(properties[k])] as const),
    ];
    replaceContent(this.#session.root, [
      h('h2', {}, `Call ${current.getFromAddress()} → ${current.getToAddress()}`),
      h('dl', { class: 'call-variables', 'data-dialog-id': current.getId() },
        ...rows.map(([label, name, value]) => h('div', { 'data-property': name }, h('dt', {}, label), h('dd', {}, value || '—')))),
    ]);
    this.#session.resize();
  }
}

bootGadget({ onUserLoad: (session) => { void new CallVariables(session); } });

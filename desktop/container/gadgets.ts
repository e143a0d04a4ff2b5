// Every gadget of the layout in its own frame, each instance with its own `mid` (desktop-and-gadgets.md §1, §3.2),
// found again by that id for reloadGadget and modifyGadgetUrl.
import { h } from './dom.ts';
import { instancePrefs, type GadgetPrefs } from './gadget-prefs.ts';
import type { MountedGadget, MountGadget } from './hub-types.ts';
import type { LayoutGadget } from './layout-model.ts';

/** Until the gadget sets its title: the file name of its URL, `callcontrol` for `/desktop/scripts/js/callcontrol.js`. */
const provisionalTitle = (url: string): string =>
  url.split('?')[0]?.split('/').pop()?.replace(/\.(js|jsp|xml)$/, '') || 'Gadget';

interface Instance {
  mounted: MountedGadget;
  frame: HTMLElement;
  tabId: string | undefined;
  specUrl: string;
  /** Set once the gadget named itself (settitle); the spec's title no longer applies. */
  titledByGadget: boolean;
  nextUrl?: string;
}

export type GadgetView = 'default' | 'canvas';

/** After a gadget changed view (§3.1 `Content view="default,canvas"`): the container raises gadgetViewChangedEvent. */
export type ViewChanged = (gadgetId: string, tabId: string, view: GadgetView) => void;

export class GadgetSet {
  readonly #instances = new Map<string, Instance>();
  #nextMid = 0;

  constructor(private readonly mount: MountGadget, private readonly prefs: GadgetPrefs,
              private readonly onViewChanged: ViewChanged) {}

  /** Mounts a gadget at the end of `parent`; returns its id (the `mid`). */
  add(parent: HTMLElement, gadget: LayoutGadget, tabId: string | undefined): string {
    const mid = this.#nextMid++;
    this.#mountInstance(parent, gadget, tabId, mid, 'default');
    return String(mid);
  }

  #mountInstance(parent: HTMLElement, gadget: LayoutGadget, tabId: string | undefined, mid: number, view: GadgetView,
                 before?: HTMLElement): void {
    const title = h('h2', { class: 'gadget-title', id: `gadget-title-${mid}` }, provisionalTitle(gadget.url));
    const body = h('div', { class: 'gadget-body' });
    const frame = h('section', {
      class: 'gadget', 'data-gadget-id': String(mid), 'data-view': view, 'aria-labelledby': `gadget-title-${mid}`,
    }, title, body);
    if (before) before.replaceWith(frame); else parent.append(frame);
    const mounted = this.mount({
      parent: body,
      specUrl: new URL(gadget.url, location.href).href,
      mid,
      prefs: instancePrefs(this.prefs, mid, gadget),
      view,
      onTitle: (text) => {
        title.textContent = text;
        mounted.iframe.title = text;
        const instance = this.#instances.get(String(mid));
        if (instance) instance.titledByGadget = true;
      },
      onNavigate: (next) => {
        if ((next !== 'default' && next !== 'canvas') || next === view) return;
        const panel = frame.closest('.tab-panel'); // before the frame is replaced
        mounted.unmount();
        this.#mountInstance(parent, gadget, tabId, mid, next, frame);
        panel?.classList.toggle('has-canvas', next === 'canvas');
        this.onViewChanged(String(mid), tabId ?? '', next);
      },
    });
    mounted.iframe.title = title.textContent ?? '';
    this.#instances.set(String(mid), { mounted, frame, tabId, specUrl: new URL(gadget.url, location.href).href, titledByGadget: false });
  }

  /** What POST /gadgets/metadata needs to name every gadget. */
  titleRequests(): Array<{ url: string; moduleId: string }> {
    return [...this.#instances].map(([moduleId, instance]) => ({ url: instance.specUrl, moduleId }));
  }

  /** The spec's title, for gadgets that have not set one themselves. */
  applySpecTitles(titles: ReadonlyMap<string, string>): void {
    for (const [mid, instance] of this.#instances) {
      const text = titles.get(mid);
      if (!text || instance.titledByGadget) continue;
      const heading = instance.frame.querySelector('.gadget-title');
      if (heading) heading.textContent = text;
      instance.mounted.iframe.title = text;
    }
  }

  has(gadgetId: string): boolean { return this.#instances.has(String(gadgetId)); }

  tabOf(gadgetId: string): string | undefined { return this.#instances.get(String(gadgetId))?.tabId; }

  /** modifyGadgetUrl: the gadget's next reload loads this spec URL (finesse.js reloads right after). */
  modifyUrl(gadgetId: string, url: string): boolean {
    const instance = this.#instances.get(String(gadgetId));
    if (!instance) return false;
    instance.nextUrl = new URL(url, location.href).href;
    return true;
  }

  reload(gadgetId: string): boolean {
    const instance = this.#instances.get(String(gadgetId));
    if (!instance) return false;
    const url = instance.nextUrl;
    delete instance.nextUrl;
    instance.mounted.reload(url);
    return true;
  }

  clear(): void {
    for (const { mounted, frame } of this.#instances.values()) { mounted.unmount(); frame.remove(); }
    this.#instances.clear();
  }
}

// One gadget on the container page (desktop-and-gadgets.md §3): its iframe, loaded from /gadgets/ifr, joined to
// the page's ManagedHub through an IframeContainer, and the gadgets.rpc services it calls on the container.
import { IframeContainer, type ManagedHub } from '../hub/index.ts';
import { gadgetIframeUrl, prefPairs } from './ifr-url.ts';

export interface MountGadgetOptions {
  hub: ManagedHub;
  parent: HTMLElement;
  specUrl: string;
  mid: string | number;
  prefs: Record<string, string>;
  view?: 'default' | 'canvas';
  onTitle?(title: string): void;
  onResize?(height: number): void;
  /** A pref the gadget set (`gadgets.Prefs#set`, needs `setprefs`); reloads carry it as `up_<name>`. */
  onPref?(name: string, value: string): void;
  /** The gadget asked for another view (`gadgets.views.requestNavigateTo`). */
  onNavigate?(view: string): void;
  /** Any other gadgets.rpc service the gadget calls (e.g. `loadingindicator.dismiss`). */
  onService?(service: string, args: unknown[]): void;
  /** A security alert about this gadget's frame (forged or garbled messages, LoadTimeout). */
  onSecurityAlert?(alert: string): void;
  /** ms the gadget has to join the hub before a LoadTimeout security alert. */
  timeout?: number;
}

export interface MountedGadget {
  readonly iframe: HTMLIFrameElement;
  readonly container: IframeContainer;
  /** Loads the gadget again, from another spec URL if given, with the prefs it has set since. */
  reload(specUrl?: string): void;
  unmount(): void;
}

/** The hub client id of a gadget instance. */
export const gadgetClientId = (mid: string | number): string => `gadget-${mid}`;

export function mountGadget(options: MountGadgetOptions): MountedGadget {
  const prefs = { ...options.prefs };
  let specUrl = options.specUrl;
  const url = () => gadgetIframeUrl({ specUrl, mid: options.mid, prefs, view: options.view ?? 'default' });
  const services: Record<string, (args: unknown[], iframe: HTMLIFrameElement) => void> = {
    resize_iframe: ([height], iframe) => {
      const px = Number(height);
      if (!Number.isFinite(px) || px < 0) return;
      iframe.style.height = `${Math.ceil(px)}px`;
      options.onResize?.(Math.ceil(px));
    },
    set_title: ([title]) => options.onTitle?.(String(title ?? '')),
    set_pref: (args) => {
      for (const [name, value] of prefPairs(args)) {
        prefs[name] = value;
        options.onPref?.(name, value);
      }
    },
    requestNavigateTo: ([view]) => { if (typeof view === 'string') options.onNavigate?.(view); },
  };
  const container = new IframeContainer(options.hub, gadgetClientId(options.mid), {
    Container: { onSecurityAlert: (_container, alert) => options.onSecurityAlert?.(alert) },
    IframeContainer: {
      parent: options.parent,
      uri: url(),
      iframeAttrs: {
        id: `finesse_gadget_${options.mid}`, name: `finesse_gadget_${options.mid}`, title: `gadget ${options.mid}`,
        // No scrolling attribute: the page's body decides, from the spec's ModulePrefs scrolling (§3.1).
        frameborder: '0', style: { width: '100%', border: '0', display: 'block' },
      },
      ...(options.timeout ? { timeout: options.timeout } : {}),
      onRpc: (service, args, from) => {
        const known = services[service];
        if (known) known(args, from.getIframe());
        else options.onService?.(service, args);
      },
    },
  });
  return {
    iframe: container.getIframe(),
    container,
    reload(next?: string) {
      if (next !== undefined) specUrl = next;
      container.reload(url());
    },
    unmount() { container.remove(); },
  };
}

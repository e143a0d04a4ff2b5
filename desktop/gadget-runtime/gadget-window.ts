// gadgets.window, gadgets.views and gadgets.loadingindicator (desktop-and-gadgets.md §3.1): each asks the
// container through a gadgets.rpc service (resize_iframe, set_title, requestNavigateTo).

type CallContainer = (service: string, args: unknown[]) => void;

export function gadgetsWindow(callContainer: CallContainer) {
  return {
    /** Without a height, the height of the page's content. */
    adjustHeight(height?: number): void {
      const wanted = typeof height === 'number' && height > 0 ? height : contentHeight();
      callContainer('resize_iframe', [Math.ceil(wanted)]);
    },
    adjustWidth(width?: number): void {
      callContainer('resize_iframe_width', [typeof width === 'number' ? width : document.documentElement.scrollWidth]);
    },
    setTitle(title: unknown): void { callContainer('set_title', [String(title ?? '')]); },
    getViewportDimensions(): { width: number; height: number } {
      return { width: window.innerWidth, height: window.innerHeight };
    },
  };
}

function contentHeight(): number {
  const html = document.documentElement;
  const body = document.body;
  const bodyStyle = body ? getComputedStyle(body) : undefined;
  const bodyHeight = body
    ? body.getBoundingClientRect().height + parseFloat(bodyStyle?.marginTop ?? '0') + parseFloat(bodyStyle?.marginBottom ?? '0')
    : 0;
  return Math.max(bodyHeight, body?.scrollHeight ?? html.scrollHeight);
}

export interface GadgetView { getName(): string; isOnlyVisibleGadget(): boolean }

export function gadgetsViews(current: string, supported: string[], callContainer: CallContainer, viewParams: () => Record<string, unknown>) {
  const view = (name: string): GadgetView => ({ getName: () => name, isOnlyVisibleGadget: () => name === 'canvas' });
  return {
    ViewType: { DEFAULT: 'default', CANVAS: 'canvas', HOME: 'home', PROFILE: 'profile', PREVIEW: 'preview' },
    getCurrentView: (): GadgetView => view(current),
    getSupportedViews: (): Record<string, GadgetView> => Object.fromEntries(supported.map((name) => [name, view(name)])),
    requestNavigateTo(target: GadgetView | string, params?: unknown): void {
      const name = typeof target === 'string' ? target : target.getName();
      callContainer('requestNavigateTo', [name, params ?? null]);
    },
    getParams: viewParams,
  };
}

export function gadgetsLoadingIndicator(callContainer: CallContainer) {
  return { dismiss(): void { callContainer('loadingindicator.dismiss', []); } };
}

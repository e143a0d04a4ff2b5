// The signed-in desktop (desktop-and-gadgets.md §1 page structure): header, connection banner, page gadgets, tab
// bar and panels, with the container globals and the container's hub topics.
import { sendClientLog } from './client-log.ts';
import { connectionBanner } from './connection-banner.ts';
import { installContainerGlobals } from './container-globals.ts';
import { ContainerTopics } from './container-topics.ts';
import { TOPICS } from './container-requests.ts';
import { ContainerDialog } from './dialog.ts';
import { checkNode } from './failover.ts';
import { h } from './dom.ts';
import type { FinesseUser, ReasonCode } from './finesse-api.ts';
import type { GadgetPrefs } from './gadget-prefs.ts';
import { fetchGadgetTitles } from './gadget-titles.ts';
import { GadgetSet } from './gadgets.ts';
import { buildHeader } from './header.ts';
import type { MountGadget, PageHub } from './hub-types.ts';
import type { RoleLayout } from './layout-model.ts';
import { AUTH_STORAGE_KEY } from './sign-in.ts';
import { buildTabs } from './tabs.ts';

export interface DesktopViewOptions {
  root: HTMLElement;
  hub: PageHub;
  mountGadget: MountGadget;
  layout: RoleLayout;
  configs: Record<string, string>;
  user: FinesseUser;
  extension: string;
  prefs: GadgetPrefs;
  notReadyReasons: ReasonCode[];
  logoutReasons: ReasonCode[];
  onSignedOut: () => void;
}

export interface DesktopView {
  /** Called on every User notification. */
  userChanged(): void;
  close(): void;
}

const GADGET_MARGIN_PX = 16;
const SYSTEM_CHECK_TIMEOUT_MS = 5000;

/** This node's SystemInfo status now; undefined when it does not answer. */
async function ownSystemStatus(): Promise<'IN_SERVICE' | 'OUT_OF_SERVICE' | undefined> {
  const health = await checkNode('', SYSTEM_CHECK_TIMEOUT_MS);
  return health === 'in-service' ? 'IN_SERVICE' : health === 'out-of-service' ? 'OUT_OF_SERVICE' : undefined;
}

export function renderDesktop(options: DesktopViewOptions): DesktopView {
  const { hub, layout } = options;
  const header = buildHeader({
    title: options.configs.title || 'Poise', logo: options.configs.logo || undefined, user: options.user,
    extension: options.extension, notReadyReasons: options.notReadyReasons, logoutReasons: options.logoutReasons,
    onSignedOut: options.onSignedOut,
    sendLog: () => sendClientLog(options.user.getId(), sessionStorage.getItem(AUTH_STORAGE_KEY) ?? '', topics.clientLog),
  });
  const gadgets = new GadgetSet(options.mountGadget, options.prefs,
    (gadgetId, tabId, view) => topics.publishViewChanged(gadgetId, tabId, view));
  const tabs = buildTabs(layout.tabs, () => topics.publishActiveTab());
  const pageGadgets = h('section', { class: 'page-gadgets', 'aria-label': 'Call control', hidden: layout.page.length === 0 });
  const main = h('main', { class: 'desktop-main', id: 'desktop-main' }, pageGadgets, tabs.bar, tabs.panels);
  const desktop = h('div', { class: 'desktop', id: 'desktop', 'data-role': layout.role },
    header.element, connectionBanner(hub, ownSystemStatus), main);
  options.root.replaceChildren(desktop);
  document.title = `${options.configs.title || 'Poise'} – ${options.user.getId()}`;
  const dialog = new ContainerDialog(desktop);

  const reloadGadget = (gadgetId: string): boolean => {
    if (!gadgets.has(gadgetId)) return false;
    topics.publishReload(gadgetId);
    return gadgets.reload(gadgetId);
  };
  const topics = new ContainerTopics(hub, {
    getActiveTab: tabs.getActiveTab,
    activateTab: tabs.activateTab,
    reloadGadget,
    maxAvailableHeight: () => Math.max(0, Math.floor(window.innerHeight - tabs.panels.getBoundingClientRect().top - GADGET_MARGIN_PX)),
  });
  installContainerGlobals({
    reloadGadget,
    modifyGadgetUrl: (gadgetId, url) => gadgets.modifyUrl(gadgetId, url),
    showDialog: (opts) => dialog.show(opts),
    hideDialog: () => dialog.hide(),
    getActiveTab: tabs.getActiveTab,
    activateTab: tabs.activateTab,
  });

  for (const gadget of layout.page) gadgets.add(pageGadgets, gadget, undefined);
  for (const tab of layout.tabs) {
    const columns = tabs.columnsOf(tab.id);
    tab.columns.forEach((column, index) => {
      const parent = columns[index];
      if (parent) for (const gadget of column) gadgets.add(parent, gadget, tab.id);
    });
  }

  void fetchGadgetTitles(gadgets.titleRequests(), options.prefs.locale ?? 'en_US').then((titles) => gadgets.applySpecTitles(titles));

  const tickSubscription = hub.subscribe(TOPICS.timerTick, () => header.tick());
  return {
    userChanged: () => header.refresh(),
    close: () => {
      topics.close();
      try { hub.unsubscribe(tickSubscription); } catch { /* gone with the hub */ }
      gadgets.clear();
      dialog.hide();
    },
  };
}

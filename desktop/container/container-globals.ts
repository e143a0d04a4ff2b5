// `finesse.container.Container` and `finesse.container.Tabs` on the container page (desktop-and-gadgets.md §1):
// the library in every same-origin gadget frame reaches them as `parent.finesse.container`.

export interface ContainerApi {
  reloadGadget(gadgetId: string): boolean;
  modifyGadgetUrl(gadgetId: string, url: string): boolean;
  showDialog(options: unknown): void;
  hideDialog(): void;
  getActiveTab(): string;
  activateTab(tabId: string): boolean;
}

export function installContainerGlobals(api: ContainerApi): void {
  const host = window as unknown as { finesse?: Record<string, unknown> };
  const finesse = host.finesse ?? (host.finesse = {});
  finesse.container = {
    Container: {
      reloadGadget: (id: unknown) => api.reloadGadget(String(id)),
      modifyGadgetUrl: (id: unknown, url: unknown) => typeof url === 'string' && api.modifyGadgetUrl(String(id), url),
      showDialog: (options: unknown) => api.showDialog(options),
      hideDialog: () => api.hideDialog(),
    },
    Tabs: {
      getActiveTab: () => api.getActiveTab(),
      activateTab: (id: unknown) => api.activateTab(String(id)),
    },
  };
}

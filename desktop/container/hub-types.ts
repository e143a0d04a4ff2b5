// The container page's view of the managed hub and of a mounted gadget (desktop/hub/, desktop/gadget-host/), kept
// structural so the page's modules take them as arguments and main.ts alone imports the implementations.

export type OnData = (topic: string, data: unknown) => void;

export interface PageHub {
  subscribe(topic: string, onData: OnData): string;
  publish(topic: string, data: unknown): void;
  unsubscribe(subscriptionId: string): void;
}

export interface MountedGadget {
  iframe: HTMLIFrameElement;
  reload(url?: string): void;
  unmount(): void;
}

export interface MountGadgetOptions {
  parent: HTMLElement;
  specUrl: string;
  mid: number;
  prefs: Record<string, string>;
  view?: 'default' | 'canvas';
  onTitle?: (title: string) => void;
  onResize?: (height: number) => void;
  /** The gadget asked for another view (gadgets.views.requestNavigateTo). */
  onNavigate?: (view: string) => void;
}

export type MountGadget = (options: MountGadgetOptions) => MountedGadget;

/** The client id of the container page's own hub client, whose Finesse library is the master. */
export const MASTER_CLIENT_ID = 'finesse-container';

// The part of the gadget runtime (`gadgets.*`, desktop-and-gadgets.md §3.1) a Live Data gadget calls.
import type { HubLike } from '../hub-protocol.ts';

export interface GadgetsApi {
  Hub: HubLike & { isConnected?(): boolean };
  HubSettings: { onConnect?: () => void };
  Prefs: new () => { getString(name: string): string };
  window?: { adjustHeight?(height?: number): void; setTitle?(title: string): void };
}

export function gadgetsApi(): GadgetsApi {
  const api = (window as unknown as { gadgets?: GadgetsApi }).gadgets;
  if (!api?.Hub || !api.HubSettings || !api.Prefs) throw new Error('the gadget runtime (gadgets.Hub, gadgets.Prefs) is missing');
  return api;
}

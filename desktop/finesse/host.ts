// What the library needs from the page it runs in (desktop-and-gadgets.md §5): the Shindig `gadgets.*` runtime
// (io, json, Hub, Prefs) and jQuery. Declared here as the narrow shapes this library calls, read from the global
// object when used, so that the runtime may load before or after this script.

export interface MakeRequestResponse {
  data?: unknown;
  text?: string;
  rc: number;
  headers?: Record<string, string[] | string | undefined>;
  errors?: string[];
}

export interface GadgetsIo {
  makeRequest(url: string, callback: (response: MakeRequestResponse) => void, params?: Record<string, unknown>): void;
  RequestParameters: { METHOD: string; HEADERS: string; POST_DATA: string; CONTENT_TYPE: string; GET_FULL_HEADERS?: string; REFRESH_INTERVAL?: string };
  ContentType?: { TEXT: string; DOM?: string; JSON?: string };
  MethodType?: Record<string, string>;
}

export type HubCallback = (topic: string, data: unknown) => void;

export interface GadgetsHub {
  subscribe(topic: string, onData: HubCallback, scope?: unknown, onComplete?: (id: string, ok: boolean, error?: string) => void): string;
  unsubscribe(id: string, onComplete?: (id: string, ok: boolean, error?: string) => void): void;
  publish(topic: string, data: unknown): void;
  isConnected?(): boolean;
}

export interface GadgetsPrefs {
  getString(name: string): string;
  getInt(name: string): number;
  set?(name: string, value: string): void;
}

export interface Gadgets {
  io: GadgetsIo;
  Hub: GadgetsHub;
  json?: { parse(text: string): unknown; stringify(value: unknown): string };
  Prefs?: new () => GadgetsPrefs;
  util?: { getUrlParameters?(): Record<string, string> };
}

const scope = globalThis as unknown as { gadgets?: Partial<Gadgets> };

export class HostMissingError extends Error {
  constructor(readonly what: string) { super(`finesse.js needs ${what} on the page`); }
}

export function gadgetsIo(): GadgetsIo {
  const io = scope.gadgets?.io;
  if (!io) throw new HostMissingError('gadgets.io');
  return io;
}

export function gadgetsHub(): GadgetsHub {
  const hub = scope.gadgets?.Hub;
  if (!hub) throw new HostMissingError('gadgets.Hub');
  return hub;
}

export const hubAvailable = (): boolean => scope.gadgets?.Hub !== undefined;

export function gadgetsPrefs(): GadgetsPrefs | undefined {
  const Prefs = scope.gadgets?.Prefs;
  return Prefs ? new Prefs() : undefined;
}

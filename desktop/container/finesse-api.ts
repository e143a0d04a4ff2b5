// The part of window.finesse (the Finesse library, desktop-and-gadgets.md §5) the container page calls, as types.
// The library is a plain script, so the page checks for it once at the edge.

export interface RestHandlers {
  success?: (response: unknown) => void;
  error?: (response: unknown) => void;
}

export interface FinesseUser {
  getId(): string;
  getState(): string;
  getStateChangeTime(): string;
  getReasonCodeLabel(): string;
  getExtension(): string;
  getFirstName(): string;
  getLastName(): string;
  getTeamId(): string;
  getTeamName(): string;
  hasSupervisorRole(): boolean;
  setState(state: string, reasonCode: { id: string } | undefined, handlers: RestHandlers): unknown;
  logout(reasonCode: { id: string } | undefined, handlers: RestHandlers): unknown;
}

export interface UserOptions {
  id: string;
  onLoad?: (user: FinesseUser) => void;
  onChange?: (user: FinesseUser) => void;
  onError?: (error: unknown) => void;
}

export interface BoshOptions {
  xmppDomain: string; pubsubDomain: string; resource: string; tunnelUrl?: string; transport?: 'bosh' | 'websocket';
}

export interface FinesseLibrary {
  clientservices: { ClientServices: {
    init(config: Record<string, unknown>): unknown;
    initBosh(options: BoshOptions): unknown;
    /** Master only: publishes `failing` or `recovered` (desktop-and-gadgets.md §7 step 2). */
    setFailoverMode?(failing: boolean): void;
  } };
  restservices: { User: new (options: UserOptions) => FinesseUser };
  container?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** window.finesse, once finesse.js has run and looks like the library. */
export function finesseLibrary(): FinesseLibrary | undefined {
  const candidate: unknown = (window as unknown as { finesse?: unknown }).finesse;
  if (!isObject(candidate)) return undefined;
  const { clientservices, restservices } = candidate;
  if (!isObject(clientservices) || !isObject(clientservices.ClientServices)) return undefined;
  if (!isObject(restservices) || typeof restservices.User !== 'function') return undefined;
  return candidate as unknown as FinesseLibrary;
}

/** Loads a plain script once; resolves when it has run. */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

export interface ReasonCode { id: string; label: string }

// finesse.utilities.Utilities (desktop-and-gadgets.md §5): helpers gadgets call directly and the library uses.
import { xml2js } from './xml2js.ts';
import { js2xml } from './js2xml.ts';
import { ServerClock } from './server-clock.ts';

const utf8Encode = (text: string): string =>
  String.fromCharCode(...new TextEncoder().encode(text));
const utf8Decode = (binary: string): string =>
  new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));

/** Drift measured by this copy of the library from the server times REST answers carry. */
export const serverClock = new ServerClock();
/** A drift set through setClientDrift, which wins over everything else. */
let setDriftMs: number | undefined;

/** `finesse.gadget.Config.clientDriftInMillis`, when the gadget's prefs (or the gadget itself) give one. */
function configuredDriftMs(): number | undefined {
  const finesse = (globalThis as { finesse?: { gadget?: { Config?: { clientDriftInMillis?: unknown } } } }).finesse;
  const value = finesse?.gadget?.Config?.clientDriftInMillis;
  const drift = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof drift === 'number' && Number.isFinite(drift) ? drift : undefined;
}

const storage = (): Storage | undefined => {
  try {
    return (globalThis as { sessionStorage?: Storage }).sessionStorage;
  } catch {
    return undefined; // storage blocked by the browser's settings
  }
};

export const Utilities = {
  /** The `b64(id:password)` the container stored at sign-in (§1 step 4). */
  getUserAuthString(): string | undefined {
    return storage()?.getItem('userFinesseAuth') ?? undefined;
  },
  b64Encode(text: string): string {
    return btoa(utf8Encode(text));
  },
  b64Decode(text: string): string {
    return utf8Decode(atob(text));
  },
  /** `{id, password}` from a `b64(id:password)` string. */
  getCredentials(authorization: string): { id: string; password: string } {
    let decoded = '';
    try { decoded = Utilities.b64Decode(authorization); } catch { decoded = ''; }
    const colon = decoded.indexOf(':');
    return colon < 0 ? { id: decoded, password: '' } : { id: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  },
  xml2js,
  js2xml,
  json2xml: js2xml,
  generateUUID(): string {
    const crypto = globalThis.crypto;
    if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  },
  /** The last path segment of a REST URI: `/finesse/api/Dialog/42` → `42`. */
  getId(uri: string | null | undefined): string {
    if (!uri) return '';
    const trimmed = uri.replace(/\/+$/, '');
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
  },
  /** xml2js gives one child as an object and several as an array; this always gives an array. */
  getArray<T>(value: T | T[] | null | undefined): T[] {
    if (value === null || value === undefined) return [];
    return Array.isArray(value) ? value : [value];
  },
  convertNullToEmptyString<T>(value: T | null | undefined): T | '' {
    return value === null || value === undefined ? '' : value;
  },
  /** Client minus server time, in ms, as Finesse's `clientDriftInMillis`; not a number clears it. */
  setClientDrift(driftMs: number): void {
    setDriftMs = Number.isFinite(driftMs) ? driftMs : undefined;
  },
  /**
   * The server's clock: the browser's less the client drift, which is the one set here, else the one measured
   * against the server's answers, else `finesse.gadget.Config.clientDriftInMillis`, else none.
   */
  currentServerTimeMillis(): number {
    return Date.now() - (setDriftMs ?? serverClock.measuredDriftMs() ?? configuredDriftMs() ?? 0);
  },
  /** Seconds as `h:mm:ss`, or `m:ss` under an hour. */
  convertTsToDuration(seconds: number): string {
    const total = Math.max(0, Math.floor(seconds));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = String(total % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  },
  getParameterByName(name: string, url: string = location.href): string | null {
    const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).split('#')[0] ?? '' : '';
    return new URLSearchParams(query).get(name);
  },
  getCookie(name: string): string | undefined {
    for (const part of document.cookie.split(';')) {
      const [key, ...rest] = part.trim().split('=');
      if (key === name) return decodeURIComponent(rest.join('='));
    }
    return undefined;
  },
  addCookie(name: string, value: string, days?: number): void {
    const expires = days === undefined ? '' : `; expires=${new Date(Date.now() + days * 86_400_000).toUTCString()}`;
    document.cookie = `${name}=${encodeURIComponent(value)}${expires}; path=/`;
  },
  deleteCookie(name: string): void {
    document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  },
  /** A `{success, error}` handler object, checked before a request is sent. */
  validateHandler(handler: unknown): void {
    if (handler !== undefined && handler !== null && typeof handler !== 'object') throw new Error('handler must be an object {success, error}');
  },
  /** The CTI error code of an error response (`ErrorData`), if it has one. */
  getErrCode(rsp: unknown): string | undefined {
    return apiError(rsp)?.ErrorData;
  },
  getErrData(rsp: unknown): string | undefined {
    return apiError(rsp)?.ErrorData;
  },
  getErrType(rsp: unknown): string | undefined {
    return apiError(rsp)?.ErrorType;
  },
  getErrMessage(rsp: unknown): string | undefined {
    return apiError(rsp)?.ErrorMessage;
  },
};

function apiError(rsp: unknown): { ErrorType?: string; ErrorData?: string; ErrorMessage?: string } | undefined {
  if (!rsp || typeof rsp !== 'object' || !('object' in rsp)) return undefined;
  const object = (rsp as { object: unknown }).object;
  if (!object || typeof object !== 'object' || !('ApiErrors' in object)) return undefined;
  const errors = (object as { ApiErrors: unknown }).ApiErrors;
  if (!errors || typeof errors !== 'object' || !('ApiError' in errors)) return undefined;
  const first = Utilities.getArray((errors as { ApiError: unknown }).ApiError)[0];
  if (!first || typeof first !== 'object') return undefined;
  const read = (key: string): string | undefined => {
    const v = (first as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : undefined;
  };
  return { ErrorType: read('ErrorType'), ErrorData: read('ErrorData'), ErrorMessage: read('ErrorMessage') };
}

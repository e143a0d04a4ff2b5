// REST requests of the library's objects (desktop-and-gadgets.md §5): non-GET requests carry a fresh `requestId`;
// handlers `{success(rsp), error(rsp)}` get `rsp = {status, content, object, error?}`. A 202 is only the server's
// promise: when the engine refuses later, the failure comes back as a notification with `apiErrors` and that
// requestId, and the waiting caller's `error` runs then (notifications.md §5).
import type { MakeRequestResponse } from '../host.ts';
import { gadgetsIo } from '../host.ts';
import { ClientServices } from '../clientservices/client-services.ts';
import { serverTimeOf } from '../utilities/server-clock.ts';
import { serverClock, Utilities } from '../utilities/utilities.ts';
import type { XmlJsObject, XmlJsValue } from '../utilities/xml2js.ts';

export interface RestResponse {
  status: number;
  content: string;
  object: XmlJsObject | null;
  error?: { errorType?: string; errorData?: string; errorMessage?: string };
}

export interface RestHandlers {
  success?: (rsp: RestResponse) => void;
  error?: (rsp: RestResponse) => void;
}

// requestId → the caller's error handler, until a notification settles it. Entries older than PENDING_MS are
// pruned when the next one is added, so an answer that never comes costs nothing for long (and needs no timer).
const PENDING_MS = 120_000;
const pending = new Map<string, { error?: (rsp: RestResponse) => void; since: number; answered: boolean }>();
/** Requests an apiErrors notification failed before their 202 arrived: that 202 is no success then. */
const failedBeforeAnswer = new Set<string>();

function awaitNotification(requestId: string, error: ((rsp: RestResponse) => void) | undefined): void {
  const now = Date.now();
  for (const [id, entry] of pending) {
    if (now - entry.since < PENDING_MS) break; // in insertion order: the rest are younger
    pending.delete(id);
  }
  pending.set(requestId, { error, since: now, answered: false });
}

const str = (v: XmlJsValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: XmlJsValue | undefined): XmlJsObject | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;

function call(fn: ((rsp: RestResponse) => void) | undefined, rsp: RestResponse): void {
  try { fn?.(rsp); } catch (err) { console.error('finesse: a request handler threw', err); }
}

/** The error fields of an `<ApiErrors>` body, as the `rsp.error` of a failed request. */
function errorOf(object: XmlJsObject | null): RestResponse['error'] {
  const first = Utilities.getArray(obj(object?.ApiErrors ?? undefined)?.ApiError)[0];
  const e = obj(first);
  return e ? { errorType: str(e.ErrorType), errorData: str(e.ErrorData), errorMessage: str(e.ErrorMessage) } : undefined;
}

/** Feeds the server clock from an answer's SystemInfo `currentTimestamp` or its `Date` header. */
function noteServerTime(response: MakeRequestResponse, object: XmlJsObject | null, sentAt: number): void {
  const header = response.headers?.date;
  const date = Array.isArray(header) ? header[0] : header;
  const time = serverTimeOf(str(obj(object?.SystemInfo)?.currentTimestamp), date);
  if (time) serverClock.observe({ ...time, sentAt, receivedAt: Date.now() });
}

export function sendRestRequest(method: string, url: string, body: string | undefined, handlers: RestHandlers = {}): string | undefined {
  Utilities.validateHandler(handlers);
  const io = gadgetsIo();
  const p = io.RequestParameters;
  const headers: Record<string, string> = {};
  let requestId: string | undefined;
  if (method !== 'GET') {
    requestId = Utilities.generateUUID();
    headers.requestId = requestId;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/xml';
  const params: Record<string, unknown> = { [p.METHOD]: method, [p.HEADERS]: headers };
  if (body !== undefined) params[p.POST_DATA] = body;
  const sentAt = Date.now();
  // Waiting from the send, not the 202: the outcome's notification can overtake the answer through the proxy.
  if (requestId) awaitNotification(requestId, handlers.error);
  ClientServices.makeRequest(url, (response: MakeRequestResponse) => {
    const failedAlready = requestId !== undefined && failedBeforeAnswer.delete(requestId);
    const content = typeof response.text === 'string' ? response.text : typeof response.data === 'string' ? response.data : '';
    const object = content.trim().startsWith('<') ? Utilities.xml2js(content) ?? null : null;
    const status = response.rc;
    if (status === 200) noteServerTime(response, object, sentAt);
    if (status >= 200 && status < 300 && !(content.trim() !== '' && content.trim().startsWith('<') && object === null)) {
      const entry = requestId ? pending.get(requestId) : undefined;
      if (entry && status === 202) entry.answered = true;
      else if (requestId) pending.delete(requestId);
      if (!failedAlready) call(handlers.success, { status, content, object });
      return;
    }
    if (requestId) pending.delete(requestId);
    const error = errorOf(object) ?? { errorType: status === 0 ? 'Network Error' : 'Error', errorMessage: response.errors?.join('; ') ?? `HTTP ${status}` };
    call(handlers.error, { status, content, object, error });
  }, params);
  return requestId;
}

/**
 * Settles the request a notification names: an `apiErrors` notification fails it with a 400 shaped like a REST
 * error (upper-case `ApiErrors/ApiError`, §5); any other notification carrying the id ends the wait.
 * True when the notification was such an error.
 */
export function settleByNotification(update: XmlJsObject, content: string): boolean {
  const requestId = str(update.requestId);
  const apiErrors = obj(obj(update.data)?.apiErrors);
  const entry = requestId ? pending.get(requestId) : undefined;
  if (requestId && entry) pending.delete(requestId);
  if (!apiErrors) return false;
  if (requestId && entry && !entry.answered) failedBeforeAnswer.add(requestId);
  const list = Utilities.getArray(apiErrors.apiError).map((e) => obj(e) ?? {});
  const ApiError = list.map((e) => ({ ErrorType: str(e.errorType) ?? '', ErrorData: str(e.errorData) ?? '', ErrorMessage: str(e.errorMessage) ?? '' }));
  const first = ApiError[0];
  if (entry) {
    call(entry.error, {
      status: 400, content,
      object: { ApiErrors: { ApiError: ApiError.length === 1 && first ? first : ApiError } },
      error: { errorType: first?.ErrorType, errorData: first?.ErrorData, errorMessage: first?.ErrorMessage },
    });
  }
  return true;
}

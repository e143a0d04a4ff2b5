// The container's own REST calls (sign-in, layouts, SystemInfo): same origin, Basic auth, XML bodies.

export interface RestAnswer {
  status: number;
  /** The parsed body, or undefined when it is empty or not XML. */
  xml: Document | undefined;
}

export const basicCredentials = (userId: string, password: string): string => {
  // btoa takes Latin-1; encode as UTF-8 first so any password survives.
  const bytes = new TextEncoder().encode(`${userId}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

export async function restCall(method: 'GET' | 'PUT' | 'POST', path: string, auth: string | undefined,
                               options: { body?: string; requestId?: string; timeoutMs?: number } = {}): Promise<RestAnswer> {
  const headers: Record<string, string> = { accept: 'application/xml' };
  if (auth) headers.authorization = `Basic ${auth}`;
  if (options.body !== undefined) headers['content-type'] = 'application/xml';
  if (options.requestId) headers.requestId = options.requestId;
  const url = method === 'GET' ? `${path}${path.includes('?') ? '&' : '?'}nocache=${Date.now()}` : path;
  const response = await fetch(url, {
    method, headers, body: options.body, cache: 'no-store', credentials: 'omit',
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  return { status: response.status, xml: parseXmlText(text) };
}

export function parseXmlText(text: string): Document | undefined {
  if (!text.trim().startsWith('<')) return undefined;
  const document = new DOMParser().parseFromString(text, 'application/xml');
  return document.getElementsByTagName('parsererror').length > 0 ? undefined : document;
}

/** Text of the first descendant element of that local name, trimmed; '' when absent. */
export const textAt = (root: Document | Element | undefined, name: string): string =>
  root?.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';

/** `<ApiErrors><ApiError>` as ErrorType / ErrorMessage, if the body is one. */
export function apiErrorOf(xml: Document | undefined): { errorType: string; errorMessage: string; errorData: string } | undefined {
  const error = xml?.getElementsByTagName('ApiError')[0];
  if (!error) return undefined;
  return { errorType: textAt(error, 'ErrorType'), errorMessage: textAt(error, 'ErrorMessage'), errorData: textAt(error, 'ErrorData') };
}

export const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export const newRequestId = (): string => crypto.randomUUID();

// The administration console's only way to the server: the REST API with the administrator's Basic credentials
// (rest-api.md §1.3), XML both ways; failures carry the ApiErrors fields (rest-api.md §1.4).

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly errorType: string, readonly errorData: string, message: string) {
    super(message);
  }
}

const PLAIN: Record<string, string> = {
  'Authorization Failure': 'the id or password is not accepted',
  Forbidden: 'only an administrator may change this',
  'Not Found': 'it does not exist (it may have been deleted)',
  'Parameter Missing': 'a required value is missing',
  'Maximum Exceeded': 'the limit has been reached',
  'Service Unavailable': 'the system is out of service',
};

/** "Could not save the reason code: The label must have 1 to 40 characters." */
export function describeApiFailure(what: string, err: unknown): string {
  if (!(err instanceof ApiFailure)) return `${what}: the server could not be reached.`;
  // A route the server lacks (its REST API answers "No resource at GET …"): say so rather than quote it.
  if (err.status === 404 && err.message.startsWith('No resource at')) return `${what}: this server does not offer it.`;
  const sentence = /\s/.test(err.message) ? err.message.replace(/\.?$/, '.') : '';
  const plain = PLAIN[err.errorType];
  if (sentence) return `${what}: ${sentence}`;
  if (plain) return `${what}: ${plain}.`;
  return `${what}: the server refused it (${err.errorType || `HTTP ${err.status}`}${err.errorData ? `, ${err.errorData}` : ''}).`;
}

const childText = (parent: Element | null | undefined, name: string): string =>
  [...(parent?.children ?? [])].find((c) => c.tagName === name)?.textContent ?? '';

export interface ApiAnswer { status: number; root: Element | undefined; location: string }

export class AdminApi {
  readonly #authorization: string;

  constructor(readonly id: string, password: string) {
    const bytes = new TextEncoder().encode(`${id}:${password}`);
    this.#authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  }

  /** Any method on a path of this server (`/finesse/api/…`, `/cfadmin/api/…`); throws ApiFailure on non-2xx. */
  async request(method: string, path: string, body?: string): Promise<ApiAnswer> {
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers: { authorization: this.#authorization, accept: 'application/xml',
          ...(body !== undefined ? { 'content-type': 'application/xml' } : {}) },
        body,
        cache: 'no-store',
      });
    } catch {
      throw new ApiFailure(0, '', '', 'the server could not be reached');
    }
    const text = await response.text();
    const root = text.trim().startsWith('<') ? new DOMParser().parseFromString(text, 'application/xml').documentElement : undefined;
    const parsed = root && root.tagName !== 'parsererror' && !root.querySelector('parsererror') ? root : undefined;
    if (!response.ok) {
      const error = parsed?.tagName === 'ApiErrors' ? parsed.querySelector('ApiError') : null;
      throw new ApiFailure(response.status, childText(error, 'ErrorType'), childText(error, 'ErrorData'),
        childText(error, 'ErrorMessage') || `HTTP ${response.status}`);
    }
    return { status: response.status, root: parsed, location: response.headers.get('location') ?? '' };
  }

  async get(path: string): Promise<Element> {
    const { root } = await this.request('GET', path);
    if (!root) throw new ApiFailure(200, '', '', 'the server sent no XML');
    return root;
  }
}

// The AXL calls other services make to the call manager (axl.md), over HTTP with fetch. Only what they need:
// doAuthenticateUser, with a short-lived cache of successes so a desktop reconnecting does not cost a SOAP call.
import { createHash } from 'node:crypto';
import { parseXml, childElement, escapeXMLText } from './xml/index.ts';

export interface AxlClientOptions {
  /** e.g. http://127.0.0.1:8080/axl/ */
  url: string;
  userid: string;
  password: string;
  version?: string;
  /** How long a success is believed without asking again (default 60 s); failures are never cached. */
  successTtlMs?: number;
  now?: () => number;
  timeoutMs?: number;
}

export class AxlError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'AxlError';
  }
}

export class AxlClient {
  readonly #successes = new Map<string, number>();

  constructor(private readonly options: AxlClientOptions) {}

  /** True when CUCM says the user's password is right; throws AxlError when AXL itself cannot answer. */
  async authenticateUser(userid: string, password: string): Promise<boolean> {
    const now = this.options.now ?? Date.now;
    const key = createHash('sha256').update(`${userid}\0${password}`).digest('hex'); // no clear passwords kept
    const until = this.#successes.get(key);
    if (until !== undefined && until > now()) return true;
    this.#successes.delete(key);
    const body = await this.#call('doAuthenticateUser',
      `<userid>${escapeXMLText(userid)}</userid><password>${escapeXMLText(password)}</password>`);
    const ok = childElement(body, 'return')?.getChildText('userAuthenticated')?.trim() === 'true';
    if (ok) {
      this.#successes.set(key, now() + (this.options.successTtlMs ?? 60_000));
      if (this.#successes.size > 10_000) this.#successes.delete(this.#successes.keys().next().value ?? '');
    }
    return ok;
  }

  async #call(operation: string, inner: string) {
    const version = this.options.version ?? '12.5';
    const envelope = '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
      + `xmlns:ns="http://www.cisco.com/AXL/API/${version}"><soapenv:Header/><soapenv:Body>`
      + `<ns:${operation}>${inner}</ns:${operation}></soapenv:Body></soapenv:Envelope>`;
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'text/xml; charset=utf-8',
        soapaction: `"CUCM:DB ver=${version} ${operation}"`,
        authorization: `Basic ${Buffer.from(`${this.options.userid}:${this.options.password}`).toString('base64')}`,
      },
      body: envelope,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    const text = await response.text();
    if (response.status !== 200) throw new AxlError(response.status, `AXL ${operation} answered HTTP ${response.status}`);
    const parsed = parseXml(text);
    const soapBody = parsed.ok ? childElement(parsed.root, 'Body') : undefined;
    const result = soapBody?.getChildElements()[0];
    if (!result) throw new AxlError(response.status, `AXL ${operation} answered no SOAP body`);
    return result;
  }
}

// The user directory over AXL (axl.md §5.2 getUser, §5.8 doAuthenticateUser), as UCCX's CCX realm asks CUCM:
// SOAP 1.1 over HTTP with a read-only AXL application user (axl.md §2).
import { Element, childElement, childElements, childText, parseXml, serialize } from '../xml/index.ts';
import { SoapPoster, type SoapAnswer } from './soap-post.ts';
import { UserDirectoryError, type DirectoryUser, type UserDirectory } from './user-directory.ts';

const AXL_VERSION = '12.5';
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const AXL_NS = `http://www.cisco.com/AXL/API/${AXL_VERSION}`;
const ITEM_NOT_VALID = 5007; // axl.md §3: get of an unknown object

export interface AxlUserDirectoryOptions {
  /** Base URL of the AXL service, e.g. `http://127.0.0.1:8080/axl/`. */
  url: string;
  userid: string;
  password: string;
  timeoutMs?: number;
}

const SESSION_COOKIE = 'JSESSIONIDSSO';

export class AxlUserDirectory implements UserDirectory {
  readonly #authorization: string;
  /**
   * The JSESSIONIDSSO cookie of the last Basic sign-in (axl.md §1): sent instead of the password, so the call
   * manager checks this account's password once rather than on every request, and keeps one session for it.
   */
  #session: string | undefined;
  /** The request signing in with the password now, if any. */
  #signingIn: Promise<void> | undefined;
  readonly #poster: SoapPoster;

  constructor(private readonly options: AxlUserDirectoryOptions) {
    this.#authorization = `Basic ${Buffer.from(`${options.userid}:${options.password}`).toString('base64')}`;
    this.#poster = new SoapPoster(options.url);
  }

  /** Closes the kept-alive connections to the call manager. */
  close(): void {
    this.#poster.close();
  }

  async authenticate(userid: string, password: string): Promise<boolean> {
    const answer = await this.#call('doAuthenticateUser', [text('userid', userid), text('password', password)]);
    if (answer.kind === 'fault') throw new UserDirectoryError(`doAuthenticateUser fault ${answer.axlcode}: ${answer.message}`);
    const ret = childElement(answer.body, 'return');
    return ret !== undefined && childText(ret, 'userAuthenticated') === 'true';
  }

  async getUser(userid: string): Promise<DirectoryUser | undefined> {
    const answer = await this.#call('getUser', [text('userid', userid)]);
    if (answer.kind === 'fault') {
      if (answer.axlcode === ITEM_NOT_VALID) return undefined;
      throw new UserDirectoryError(`getUser fault ${answer.axlcode}: ${answer.message}`);
    }
    const user = childElement(childElement(answer.body, 'return') ?? answer.body, 'user');
    const id = user && childText(user, 'userid');
    if (!user || !id) throw new UserDirectoryError('getUser answered without a user');
    const groups = childElement(user, 'associatedGroups');
    const primary = childElement(user, 'primaryExtension');
    return {
      userid: id,
      firstName: childText(user, 'firstName') ?? '',
      lastName: childText(user, 'lastName') ?? '',
      extension: (primary && childText(primary, 'pattern')) ?? '',
      roles: groups ? childElements(groups, 'userGroup').map((g) => childText(g, 'name') ?? '').filter(Boolean) : [],
    };
  }

  async #call(operation: string, children: Element[]): Promise<AxlAnswer> {
    const request = new Element(`ns:${operation}`);
    for (const child of children) request.cnode(child);
    const envelope = new Element('soapenv:Envelope', { 'xmlns:soapenv': SOAP_ENV, 'xmlns:ns': AXL_NS });
    envelope.c('soapenv:Header').up().c('soapenv:Body').cnode(request);
    // While one request signs in with the password, the others wait for its cookie: a burst of first requests
    // (a node started just before a failover's thousand desktops) would otherwise be a burst of password checks.
    while (this.#session === undefined && this.#signingIn) await this.#signingIn;
    const session = this.#session;
    let response = session === undefined ? await this.#signIn(operation, envelope) : await this.#post(operation, envelope, session);
    // §1: an idle session answers 404, an unknown one 401; both mean sign in again with the password.
    if (session !== undefined && (response.status === 404 || response.status === 401)) {
      if (this.#session === session) this.#session = undefined;
      response = await this.#signIn(operation, envelope);
    }
    const { body } = response;
    if (response.status !== 200 && response.status !== 500) {
      throw new UserDirectoryError(`AXL ${operation} answered HTTP ${response.status}`);
    }
    const parsed = parseXml(body);
    const soapBody = parsed.ok ? childElement(parsed.root, 'Body') : undefined;
    const content = soapBody?.getChildElements()[0];
    if (!content) throw new UserDirectoryError(`AXL ${operation} answered no SOAP body (HTTP ${response.status})`);
    if (content.getName() === 'Fault') {
      const error = childElement(childElement(content, 'detail') ?? content, 'axlError');
      return {
        kind: 'fault', axlcode: Number(error ? childText(error, 'axlcode') : NaN),
        message: childText(content, 'faultstring') ?? '',
      };
    }
    return { kind: 'answer', body: content };
  }

  /** A request with the password; its answer's cookie is the session every later request uses. */
  async #signIn(operation: string, envelope: Element): Promise<SoapAnswer> {
    let done = () => {};
    const signingIn = new Promise<void>((resolve) => { done = resolve; });
    this.#signingIn = signingIn;
    try {
      const response = await this.#post(operation, envelope, undefined);
      const issued = /(?:^|[;,]\s*)JSESSIONIDSSO=([^;,\s]+)/.exec(response.setCookie.join(', '))?.[1];
      if (issued !== undefined) this.#session = issued;
      return response;
    } finally {
      if (this.#signingIn === signingIn) this.#signingIn = undefined;
      done();
    }
  }

  async #post(operation: string, envelope: Element, session: string | undefined): Promise<SoapAnswer> {
    try {
      return await this.#poster.post({
        'content-type': 'text/xml; charset=utf-8', accept: 'text/xml',
        soapaction: `"CUCM:DB ver=${AXL_VERSION} ${operation}"`,
        ...(session === undefined ? { authorization: this.#authorization } : { cookie: `${SESSION_COOKIE}=${session}` }),
      }, serialize(envelope), this.options.timeoutMs ?? 5_000);
    } catch (err) {
      throw new UserDirectoryError(`AXL ${operation} unreachable at ${this.options.url}`, { cause: err });
    }
  }
}

type AxlAnswer = { kind: 'answer'; body: Element } | { kind: 'fault'; axlcode: number; message: string };

const text = (name: string, value: string): Element => new Element(name).t(value);

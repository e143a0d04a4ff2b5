// A live AXL server on 127.0.0.1 over a migrated store, with one account per access level, and helpers to
// send raw SOAP and read the answer.
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { axlPlugin, type AxlPluginOptions } from '../../src/callmanager/axl/plugin.ts';
import { roles } from '../../src/callmanager/directory/index.ts';
import { childElement, parseXml, type Element } from '../../src/shared/xml/index.ts';
import { dumpTables, openDirectory, type DirectoryFixture } from './directory.ts';
import type { StoreBackend } from './stores.ts';

export const CCM_VERSION = '12.5.1.10000-22';

/** userid → password; roles as axl.md §2 describes each access level. */
export const ACCOUNTS = {
  admin: { password: 'admin-pw', roles: [roles.AXL_API_ACCESS, roles.CCM_ADMIN_USERS], kind: 'app' },
  reader: { password: 'reader-pw', roles: [roles.AXL_API_USERS, roles.AXL_READ_ONLY_API_ACCESS], kind: 'app' },
  boss: { password: 'boss-pw', roles: [roles.CCM_SUPER_USERS], kind: 'end' },
  agent: { password: 'agent-pw', roles: [roles.AGENT], kind: 'end' },
} as const;
export type Account = keyof typeof ACCOUNTS;

export interface AxlResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The element inside soapenv:Body, when the answer is SOAP. */
  body?: Element | undefined;
}

export interface AxlFixture extends DirectoryFixture {
  url: string;
  app: FastifyInstance;
  logLines: string[];
  call(operationXml: string, options?: CallOptions): Promise<AxlResponse>;
}

export interface CallOptions {
  as?: Account | { userid: string; password: string } | null;
  version?: string;
  /** Default: `"CUCM:DB ver=<version> <operation>"`; null sends none. */
  soapAction?: string | null;
  /** Sent as the body instead of an envelope around `operationXml`. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export const envelope = (operationXml: string, version = '12.5'): string =>
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" '
  + `xmlns:ns="http://www.cisco.com/AXL/API/${version}"><soapenv:Header/><soapenv:Body>${operationXml}</soapenv:Body></soapenv:Envelope>`;

export const basic = (userid: string, password: string): string => `Basic ${Buffer.from(`${userid}:${password}`).toString('base64')}`;

export async function startAxl(backend: StoreBackend, options: Partial<AxlPluginOptions> = {}): Promise<AxlFixture> {
  const fx = await openDirectory(backend);
  for (const [userid, account] of Object.entries(ACCOUNTS)) {
    if (account.kind === 'app') await fx.directory.addAppUser({ userid, password: account.password, roles: account.roles });
    else await fx.directory.addEndUser({ userid, lastName: userid, password: account.password, roles: account.roles });
  }
  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  const app = Fastify({ logger: false });
  await app.register(axlPlugin, { directory: fx.directory, ccmVersion: CCM_VERSION, log: pino({ level: 'info' }, sink), ...options });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `${address}/axl/`;
  return {
    ...fx, app, url, logLines,
    async call(operationXml, opts = {}) {
      const version = opts.version ?? '12.5';
      const operation = /<ns:([A-Za-z]+)/.exec(operationXml)?.[1] ?? '';
      const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8', ...opts.headers };
      const as = opts.as === undefined ? 'admin' : opts.as;
      if (as !== null && headers.authorization === undefined) {
        const { userid, password } = typeof as === 'string' ? { userid: as, password: ACCOUNTS[as].password } : as;
        headers.authorization = basic(userid, password);
      }
      const soapAction = opts.soapAction === undefined ? `"CUCM:DB ver=${version} ${operation}"` : opts.soapAction;
      if (soapAction !== null) headers.soapaction = soapAction;
      const res = await fetch(url, { method: 'POST', headers, body: typeof opts.raw === 'object' ? new Blob([new Uint8Array(opts.raw)]) : opts.raw ?? envelope(operationXml, version) });
      const text = await res.text();
      const parsed = res.headers.get('content-type')?.startsWith('text/xml') ? parseXml(text) : undefined;
      const soapBody = parsed?.ok ? childElement(parsed.root, 'Body') : undefined;
      return { status: res.status, headers: res.headers, text, body: soapBody?.getChildElements()[0] };
    },
    async close() {
      await app.close();
      await fx.close();
    },
  };
}

/** The `return` element of a successful answer. */
export function returnOf(res: AxlResponse): Element {
  const ret = res.body && childElement(res.body, 'return');
  if (res.status !== 200 || !ret) throw new Error(`expected a 200 AXL answer, got ${res.status}: ${res.text}`);
  return ret;
}

export interface FaultSummary { status: number; faultcode: string; axlcode: number; faultstring: string; request: string }

export function faultOf(res: AxlResponse): FaultSummary {
  const fault = res.body;
  const error = fault && childElement(childElement(fault, 'detail') ?? fault, 'axlError');
  if (!fault || fault.getName() !== 'Fault' || !error) throw new Error(`expected a SOAP fault, got ${res.status}: ${res.text}`);
  return {
    status: res.status, faultcode: fault.getChildText('faultcode') ?? '', faultstring: fault.getChildText('faultstring') ?? '',
    axlcode: Number(error.getChildText('axlcode')), request: error.getChildText('request') ?? '',
  };
}

export interface ExpectedFault { faultcode: 'soapenv:Client' | 'soapenv:Server'; axlcode: number; faultstring?: string | RegExp }

/**
 * Sends a request that must fail: checks the fault, that every stored row is unchanged, and that the next
 * good request is served.
 */
export async function expectFault(axl: AxlFixture, operationXml: string, expected: ExpectedFault, opts: CallOptions = {}): Promise<FaultSummary> {
  const before = await dumpTables(axl.store);
  const fault = faultOf(await axl.call(operationXml, opts));
  const message = `${operationXml} → ${JSON.stringify(fault)}`;
  if (fault.status !== 500 || fault.faultcode !== expected.faultcode || fault.axlcode !== expected.axlcode) throw new Error(`unexpected fault: ${message}`);
  if (typeof expected.faultstring === 'string' && fault.faultstring !== expected.faultstring) throw new Error(`unexpected faultstring: ${message}`);
  if (expected.faultstring instanceof RegExp && !expected.faultstring.test(fault.faultstring)) throw new Error(`unexpected faultstring: ${message}`);
  const after = await dumpTables(axl.store);
  if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`stored rows changed after ${operationXml}`);
  const next = await axl.call('<ns:getCCMVersion/>');
  if (next.status !== 200) throw new Error(`the next request failed after ${operationXml}`);
  return fault;
}

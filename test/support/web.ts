// A whole test node with helpers to call its Finesse REST API over real HTTP, as each role.
import { isDeepStrictEqual } from 'node:util';
import type { WebService } from '../../src/web/index.ts';
import { isEngineService } from '../../src/engine/index.ts';
import { parseXml, type Element } from '../../src/shared/xml/index.ts';
import { basicAuth, startTestNode, TEST_PASSWORD, type TestNode } from './test-node.ts';
import type { EnvInput } from '../../src/shared/config.ts';
import { queryRows } from '../../src/store/rows.ts';
import { sql } from 'drizzle-orm';

export const AGENT = 'agent1';
export const SUPERVISOR = 'supervisor1';
export const ADMIN = 'admin';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed XML body, when there is one. */
  xml: Element | undefined;
}

export interface CallOptions {
  /** userid with the test password, `{ userid, password }`, or null for no Authorization header. */
  as?: string | { userid: string; password: string } | null;
  body?: string;
  contentType?: string | null;
  accept?: string;
  headers?: Record<string, string>;
}

export interface WebFixture extends TestNode {
  web: WebService;
  baseUrl: string;
  httpsBaseUrl: string;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /** Every row of the web schema's tables, to check that a refused request changed nothing. */
  dumpWebTables(): Promise<unknown>;
}

export async function startWebNode(env: EnvInput = {}): Promise<WebFixture> {
  const testNode = await startTestNode(env);
  const web = testNode.node.services.find((s): s is WebService => s.name === 'web');
  if (!web) throw new Error('the test node runs no web service');
  // Every API but SystemInfo answers 503 until web has reached a master engine (rest-api.md §8): with its own
  // engine master and no other engine configured, the node is ready once it has.
  const engine = testNode.node.services.find(isEngineService);
  if (web.cti && engine?.cti.role === 'master' && env.POISE_WEB_CTI_ENGINES === undefined && env.POISE_WEB_CTI_HOST === undefined) {
    await web.cti.whenOpen();
  }
  const port = (app: WebService['apps']['http']) => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  const baseUrl = `http://127.0.0.1:${port(web.apps.http)}/finesse/api`;
  return {
    ...testNode, web, baseUrl, httpsBaseUrl: `https://127.0.0.1:${port(web.apps.https)}/finesse/api`,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const as = options.as === undefined ? ADMIN : options.as;
      if (as !== null) {
        headers.authorization = typeof as === 'string' ? basicAuth(as) : basicAuth(as.userid, as.password);
      }
      if (options.body !== undefined && options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/xml';
      if (options.accept) headers.accept = options.accept;
      // A deadline well past a step's, so a request the node never answers fails by name.
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body, signal: AbortSignal.timeout(60_000) });
      const text = await res.text();
      const parsed = text.startsWith('<') ? parseXml(text) : undefined;
      return { status: res.status, headers: res.headers, text, xml: parsed?.ok ? parsed.root : undefined };
    },
    async dumpWebTables() {
      const tables = await queryRows(testNode.node.store.db,
        sql`select table_name from information_schema.tables where table_name like 'web\\_%' order by table_name`);
      const out: Record<string, unknown> = {};
      for (const row of tables) {
        const name = String(row.table_name);
        out[name] = await queryRows(testNode.node.store.db, sql.raw(`select * from ${name} order by 1`));
      }
      return out;
    },
  };
}

/** `<ApiErrors><ApiError>` children as name → text, in document order. */
export function apiErrorOf(res: ApiResponse): { order: string[]; ErrorType?: string; ErrorData?: string; ErrorMessage?: string } {
  const error = res.xml?.getChild('ApiError');
  if (res.xml?.getName() !== 'ApiErrors' || !error) throw new Error(`expected ApiErrors, got ${res.status}: ${res.text}`);
  const out: Record<string, string> = {};
  for (const child of error.getChildElements()) out[child.getName()] = child.getText();
  return { order: error.getChildElements().map((c) => c.getName()), ...out };
}

export const childNames = (element: Element | undefined): string[] => element?.getChildElements().map((c) => c.getName()) ?? [];

/**
 * Sends a request that must be refused: checks the status and ErrorType, that no web row changed, and that the
 * next good request is served.
 */
export async function expectRefused(fx: WebFixture, method: string, path: string, options: CallOptions,
                                    expected: { status: number; errorType: string; errorData?: string }): Promise<void> {
  const before = await fx.dumpWebTables();
  const res = await fx.call(method, path, options);
  const error = apiErrorOf(res);
  const summary = `${method} ${path} → ${res.status} ${res.text}`;
  if (res.status !== expected.status || error.ErrorType !== expected.errorType) throw new Error(`unexpected answer: ${summary}`);
  if (expected.errorData !== undefined && error.ErrorData !== expected.errorData) throw new Error(`unexpected ErrorData: ${summary}`);
  if (!isDeepStrictEqual(await fx.dumpWebTables(), before)) throw new Error(`stored rows changed after ${summary}`);
  const next = await fx.call('GET', '/ReasonCode/1', { as: ADMIN });
  if (next.status !== 200) throw new Error(`the next request failed after ${summary}`);
}

export { TEST_PASSWORD };

/** The demo teams' ids as the engine numbered them (0 when missing, which the tests then fail on). */
export function demoTeamIds(fx: WebFixture): { sales: number; support: number } {
  const byName = new Map(fx.web.teams.teams().map((t) => [t.name, t.id]));
  return { sales: byName.get('Sales') ?? 0, support: byName.get('Support') ?? 0 };
}

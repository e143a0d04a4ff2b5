// A whole test node with helpers to call its Configuration API (/adminapi/ on the web port) over real HTTP.
import { sql } from 'drizzle-orm';
import type { EngineService } from '../../src/engine/index.ts';
import type { WebService } from '../../src/web/index.ts';
import { parseXml, type Element } from '../../src/shared/xml/index.ts';
import { queryRows } from '../../src/store/rows.ts';
import { basicAuth, startTestNode, type TestNode } from './test-node.ts';

export interface AdminResponse { status: number; headers: Headers; text: string; xml: Element | undefined }

export interface AdminFixture extends TestNode {
  engine: EngineService;
  baseUrl: string;
  call(method: string, path: string, options?: { as?: string | { userid: string; password: string } | null; body?: string }): Promise<AdminResponse>;
  /** Every row of the engine's tables, to check that a refused request stored nothing. */
  dumpEngineTables(): Promise<unknown>;
}

export async function startAdminNode(): Promise<AdminFixture> {
  const testNode = await startTestNode();
  const web = testNode.node.services.find((s): s is WebService => s.name === 'web');
  const engine = testNode.node.services.find((s): s is EngineService => s.name === 'engine');
  if (!web || !engine) throw new Error('the test node runs no web or engine');
  const address = web.apps.http.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/adminapi`;
  return {
    ...testNode, engine, baseUrl,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {};
      const as = options.as === undefined ? 'admin' : options.as;
      if (as !== null) headers.authorization = typeof as === 'string' ? basicAuth(as) : basicAuth(as.userid, as.password);
      if (options.body !== undefined) headers['content-type'] = 'application/xml';
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body });
      const text = await res.text();
      const parsed = text.startsWith('<') ? parseXml(text) : undefined;
      return { status: res.status, headers: res.headers, text, xml: parsed?.ok ? parsed.root : undefined };
    },
    async dumpEngineTables() {
      const tables = await queryRows(testNode.node.store.db,
        // the live-state checkpoint is rewritten as agents change state: it is not configuration
        sql`select table_name from information_schema.tables where table_name like 'engine\\_%'
          and table_name <> 'engine_live_checkpoint' order by table_name`);
      const out: Record<string, unknown> = {};
      for (const row of tables) {
        const name = String(row.table_name);
        out[name] = await queryRows(testNode.node.store.db, sql.raw(`select * from ${name} order by 1`));
      }
      return out;
    },
  };
}

/** The apiError's children as name → text, and their order. */
export function apiErrorOf(res: AdminResponse): { order: string[]; [name: string]: string | string[] } {
  const error = res.xml?.getChild('apiError');
  if (res.xml?.getName() !== 'apiErrors' || !error) throw new Error(`expected apiErrors, got ${res.status}: ${res.text}`);
  const out: Record<string, string> = {};
  for (const child of error.getChildElements()) out[child.getName()] = child.getText();
  return { order: error.getChildElements().map((c) => c.getName()), ...out };
}

/** The names of an element's children, in document order: checks the spec's element order. */
export const childNames = (element: Element | undefined): string[] => element?.getChildElements().map((c) => c.getName()) ?? [];

/** The key at the end of a created object's Location. */
export function createdKey(res: AdminResponse): string {
  const location = res.headers.get('location');
  if (res.status !== 201 || !location) throw new Error(`expected 201 with Location, got ${res.status}: ${res.text}`);
  return decodeURIComponent(location.split('/').pop() ?? '');
}

/** Every CSQ's wrap-up timer set to `seconds` through the Configuration API on `origin`, as an administrator would. */
export async function setEveryCsqWrapUp(origin: string, seconds: number): Promise<void> {
  const admin = { authorization: basicAuth('admin') };
  const listed = parseXml(await (await fetch(`${origin}/adminapi/csq`, { headers: admin })).text());
  const ids = listed.ok ? listed.root.getChildElements().map((csq) => csq.getChildText('id')) : [];
  if (ids.length === 0) throw new Error('no CSQ listed by /adminapi/csq');
  for (const id of ids) {
    const url = `${origin}/adminapi/csq/${id}`;
    const body = (await (await fetch(url, { headers: admin })).text())
      .replace(/<wrapupTime>\d+<\/wrapupTime>/, `<wrapupTime>${seconds}</wrapupTime>`);
    const response = await fetch(url, { method: 'PUT', headers: { ...admin, 'content-type': 'application/xml' }, body });
    if (response.status !== 200) throw new Error(`PUT csq/${id}: ${response.status} ${await response.text()}`);
  }
}

// gadgets.util and gadgets.json (desktop-and-gadgets.md §3.1).

export interface GadgetsUtil {
  getUrlParameters(url?: string): Record<string, string>;
  registerOnLoadHandler(handler: () => void): void;
  runOnLoadHandlers(): void;
  escapeString(text: unknown): string;
  unescapeString(text: unknown): string;
  escape<T>(value: T, escapeKeys?: boolean): T;
  makeClosure(scope: unknown, fn: (...args: unknown[]) => unknown, ...bound: unknown[]): (...args: unknown[]) => unknown;
  makeEnum(values: string[]): Record<string, string>;
  hasFeature(name: string): boolean;
  getFeatureParameters(name: string): Record<string, string> | null;
  trim(text: string): string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '=': '&#61;', '`': '&#96;',
  '\n': '&#10;', '\r': '&#13;', '\u2028': '&#8232;', '\u2029': '&#8233;',
};

export function gadgetsUtil(features: Record<string, Record<string, string>>, location: { search: string; hash: string }): GadgetsUtil {
  let handlers: Array<() => void> | undefined = [];
  const util: GadgetsUtil = {
    getUrlParameters(url?: string): Record<string, string> {
      const params: Record<string, string> = {};
      const parts = url === undefined ? [location.search, location.hash] : splitUrl(url);
      for (const part of parts) {
        const query = part.replace(/^[?#]/, '');
        for (const [name, value] of new URLSearchParams(query)) params[name] = value;
      }
      return params;
    },
    registerOnLoadHandler(handler) {
      if (handlers) handlers.push(handler);
      else setTimeout(handler, 0);   // registered after load: run soon, as if it had been on time
    },
    runOnLoadHandlers() {
      const pending = handlers ?? [];
      handlers = undefined;
      for (const handler of pending) {
        try {
          handler();
        } catch (err) {
          setTimeout(() => { throw err; }, 0);
        }
      }
    },
    escapeString: (text) => String(text ?? '').replace(/[&<>"'=`\n\r\u2028\u2029]/g, (c) => HTML_ESCAPES[c] ?? c),
    unescapeString: (text) => String(text ?? '').replace(/&(#\d+|amp|lt|gt|quot);/g, (entity, code: string) => {
      if (code.startsWith('#')) return String.fromCharCode(Number(code.slice(1)));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"' } as Record<string, string>)[code] ?? entity;
    }),
    escape<T>(value: T, escapeKeys = false): T {
      if (typeof value === 'string') return util.escapeString(value) as T;
      if (Array.isArray(value)) return value.map((item: unknown) => util.escape(item, escapeKeys)) as T;
      if (typeof value === 'object' && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(value)) out[escapeKeys ? util.escapeString(key) : key] = util.escape(item, escapeKeys);
        return out as T;
      }
      return value;
    },
    makeClosure: (scope, fn, ...bound) => (...args) => fn.apply(scope, [...bound, ...args]),
    makeEnum: (values) => Object.fromEntries(values.map((v) => [v, v])),
    hasFeature: (name) => Object.hasOwn(features, name),
    getFeatureParameters: (name) => features[name] ?? null,
    trim: (text) => String(text ?? '').trim(),
  };
  return util;
}

function splitUrl(url: string): string[] {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  return [queryAt < 0 ? '' : beforeHash.slice(queryAt), hashAt < 0 ? '' : url.slice(hashAt)];
}

/** gadgets.json: `parse` answers false for text that is not JSON, as gadgets expect. */
export const gadgetsJson = {
  parse(text: unknown): unknown {
    if (typeof text !== 'string') return false;
    try {
      return JSON.parse(text);
    } catch {
      return false;
    }
  },
  stringify: (value: unknown): string => JSON.stringify(value) ?? '',
};

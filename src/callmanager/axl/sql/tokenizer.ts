// executeSQLQuery tokens (axl.md §5.7). Pure; a character outside the supported subset is a -201 fault value.
import { sqlSyntax, type AxlFault } from '../faults.ts';

export type Token =
  | { kind: 'word'; text: string; lower: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'punct'; text: ',' | '(' | ')' | '*' | '.' | ';' | '-'; pos: number }
  | { kind: 'op'; text: CompareOp; pos: number }
  | { kind: 'end'; pos: number };

export type CompareOp = '=' | '<>' | '!=' | '<' | '<=' | '>' | '>=';

export const MAX_SQL_LENGTH = 16_384;
const MAX_TOKENS = 4_096;

const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9]+(\.[0-9]*)?/y;
const SPACE = /\s+/y;

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; fault: AxlFault };

export function tokenize(sql: string): TokenizeResult {
  if (sql.length > MAX_SQL_LENGTH) return fail(`The statement is longer than ${MAX_SQL_LENGTH} characters.`);
  const tokens: Token[] = [];
  let pos = 0;
  const at = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    return re.exec(sql)?.[0];
  };
  while (pos < sql.length) {
    if (tokens.length >= MAX_TOKENS) return fail('The statement is too long.');
    const space = at(SPACE);
    if (space) { pos += space.length; continue; }
    const c = sql[pos] ?? '';
    const two = sql.slice(pos, pos + 2);
    if (two === '--' || two === '/*' || c === '{') return fail('Comments are not supported.');
    const word = at(WORD);
    if (word) {
      tokens.push({ kind: 'word', text: word, lower: word.toLowerCase(), pos });
      pos += word.length;
      continue;
    }
    const number = at(NUMBER);
    if (number) {
      if (number.includes('.')) return fail(`Only whole numbers are supported (${number}).`);
      const value = Number(number);
      if (!Number.isSafeInteger(value)) return fail(`The number ${number} is too large.`);
      tokens.push({ kind: 'number', value, pos });
      pos += number.length;
      continue;
    }
    if (c === "'" || c === '"') { // Informix reads "…" as a string too
      const end = readString(sql, pos, c);
      if (end === undefined) return fail('A quoted string is not terminated.');
      tokens.push({ kind: 'string', value: sql.slice(pos + 1, end - 1).replaceAll(c + c, c), pos });
      pos = end;
      continue;
    }
    const op = (['<>', '!=', '<=', '>='] as const).find((o) => o === two) ?? (['=', '<', '>'] as const).find((o) => o === c);
    if (op) {
      tokens.push({ kind: 'op', text: op, pos });
      pos += op.length;
      continue;
    }
    const punct = ([',', '(', ')', '*', '.', ';', '-'] as const).find((p) => p === c);
    if (punct) {
      tokens.push({ kind: 'punct', text: punct, pos });
      pos += 1;
      continue;
    }
    return fail(`Unexpected character ${JSON.stringify(c)} at position ${pos + 1}.`);
  }
  tokens.push({ kind: 'end', pos });
  return { ok: true, tokens };
}

/** Index just past the closing quote; a doubled quote is an escaped one. */
function readString(sql: string, start: number, quote: string): number | undefined {
  for (let i = start + 1; i < sql.length; i += 1) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) { i += 1; continue; }
    return i + 1;
  }
  return undefined;
}

function fail(reason: string): TokenizeResult {
  return { ok: false, fault: sqlSyntax(reason) };
}

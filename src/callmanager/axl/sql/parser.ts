// A hand-written recursive-descent parser for the executeSQLQuery subset (axl.md §5.7):
//   SELECT [SKIP n] [FIRST m] cols | * FROM view [alias] [, view [alias]]… [WHERE cond] [ORDER BY col [ASC|DESC], …]
// Pure: anything outside the subset is a -201 fault value naming the reason.
import { sqlSyntax, type AxlFault } from '../faults.ts';
import type { ColumnRef, Condition, FromItem, Literal, Operand, OrderItem, SelectItem, SelectStatement } from './ast.ts';
import { tokenize, type Token } from './tokenizer.ts';

export type ParseResult = { ok: true; statement: SelectStatement } | { ok: false; fault: AxlFault };

const MAX_NESTING = 32;

// Words that end a clause, so they are never taken as aliases.
const RESERVED = new Set([
  'select', 'from', 'where', 'order', 'by', 'and', 'or', 'not', 'like', 'in', 'is', 'null', 'as', 'asc', 'desc',
  'skip', 'first', 'limit', 'join', 'inner', 'left', 'right', 'full', 'outer', 'cross', 'on', 'union', 'intersect',
  'except', 'minus', 'group', 'having', 'into', 'distinct', 'unique', 'matches', 'between', 'exists', 'for', 'with',
]);

// Clear reasons for what people most often try.
const UNSUPPORTED: Readonly<Record<string, string>> = {
  join: 'JOIN is not supported; list the views separated by commas', inner: 'JOIN is not supported; list the views separated by commas',
  left: 'JOIN is not supported; list the views separated by commas', right: 'JOIN is not supported; list the views separated by commas',
  full: 'JOIN is not supported; list the views separated by commas', cross: 'JOIN is not supported; list the views separated by commas',
  outer: 'outer joins are not supported', union: 'UNION is not supported', intersect: 'INTERSECT is not supported',
  except: 'EXCEPT is not supported', minus: 'MINUS is not supported', group: 'GROUP BY is not supported',
  having: 'HAVING is not supported', into: 'SELECT INTO is not supported', distinct: 'DISTINCT is not supported',
  unique: 'UNIQUE is not supported', matches: 'MATCHES is not supported; use LIKE', between: 'BETWEEN is not supported',
  exists: 'EXISTS is not supported', limit: 'LIMIT is not supported; use FIRST', for: 'FOR UPDATE is not supported',
  with: 'WITH is not supported',
};

class Refusal extends Error {}

export function parseSelect(sql: string): ParseResult {
  const tokenized = tokenize(sql);
  if (!tokenized.ok) return tokenized;
  try {
    return { ok: true, statement: new Parser(tokenized.tokens).statement() };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, fault: sqlSyntax(err.message) };
    throw err;
  }
}

class Parser {
  #pos = 0;
  #depth = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  statement(): SelectStatement {
    const head = this.#peek();
    if (head.kind !== 'word' || head.lower !== 'select') throw new Refusal('Only SELECT statements are supported.');
    this.#pos += 1;
    const skip = this.#keyword('skip') ? this.#count('SKIP', 0) : undefined;
    const first = this.#keyword('first') ? this.#count('FIRST', 1) : undefined;
    const items = this.#selectList();
    this.#expectKeyword('from');
    const from = this.#fromList();
    const where = this.#keyword('where') ? this.#condition() : undefined;
    let orderBy: OrderItem[] = [];
    if (this.#keyword('order')) {
      this.#expectKeyword('by');
      orderBy = this.#list(() => this.#orderItem());
    }
    if (this.#punct(';') && this.#peek().kind !== 'end') throw new Refusal('Only one statement is allowed.');
    if (this.#peek().kind !== 'end') this.#unexpected();
    return { skip, first, items, from, where, orderBy };
  }

  #selectList(): SelectItem[] {
    if (this.#punct('*')) return [{ kind: 'star' }];
    return this.#list((): SelectItem => {
      const ref = this.#columnRef();
      return { kind: 'column', ref, alias: this.#alias() };
    });
  }

  #fromList(): FromItem[] {
    return this.#list((): FromItem => {
      if (this.#peekPunct('(')) throw new Refusal('Sub-queries are not supported.');
      const view = this.#identifier('a view name');
      return { view: view.toLowerCase(), alias: this.#alias() };
    });
  }

  #orderItem(): OrderItem {
    const token = this.#peek();
    let target: OrderItem['target'];
    if (token.kind === 'number') {
      this.#pos += 1;
      target = { kind: 'position', position: token.value };
    } else {
      target = { kind: 'column', ref: this.#columnRef() };
    }
    if (this.#keyword('desc')) return { target, direction: 'desc' };
    this.#keyword('asc');
    return { target, direction: 'asc' };
  }

  #condition(): Condition {
    if (++this.#depth > MAX_NESTING) throw new Refusal('The condition is nested too deeply.');
    let left = this.#conjunction();
    while (this.#keyword('or')) left = { kind: 'or', left, right: this.#conjunction() };
    this.#depth -= 1;
    return left;
  }

  #conjunction(): Condition {
    let left = this.#primary();
    while (this.#keyword('and')) left = { kind: 'and', left, right: this.#primary() };
    return left;
  }

  #primary(): Condition {
    if (this.#peekKeyword('not')) throw new Refusal('NOT is supported only in NOT LIKE, NOT IN and IS NOT NULL.');
    if (this.#punct('(')) {
      if (this.#peekKeyword('select')) throw new Refusal('Sub-queries are not supported.');
      const inner = this.#condition();
      this.#expectPunct(')');
      return inner;
    }
    const left = this.#operand();
    if (left.kind === 'column') {
      const { kind: _column, ...column }: { kind: 'column' } & ColumnRef = left;
      if (this.#keyword('is')) {
        const negated = this.#keyword('not');
        this.#expectKeyword('null');
        return { kind: 'null', negated, column };
      }
      const negated = this.#keyword('not');
      if (this.#keyword('like')) return { kind: 'like', negated, column, pattern: this.#string() };
      if (this.#keyword('in')) return { kind: 'in', negated, column, values: this.#inList() };
      if (negated) this.#unexpected();
    }
    const op = this.#peek();
    if (op.kind !== 'op') this.#unexpected();
    this.#pos += 1;
    return { kind: 'compare', op: op.text, left, right: this.#operand() };
  }

  #inList(): Literal[] {
    this.#expectPunct('(');
    if (this.#peekKeyword('select')) throw new Refusal('Sub-queries are not supported.');
    const values = this.#list(() => this.#literal());
    this.#expectPunct(')');
    return values;
  }

  #operand(): Operand {
    const token = this.#peek();
    if (token.kind === 'word' && !RESERVED.has(token.lower)) return { kind: 'column', ...this.#columnRef() };
    if (token.kind === 'word' && token.lower === 'null') throw new Refusal('Compare with NULL using IS NULL or IS NOT NULL.');
    if (token.kind === 'punct' && token.text === '(') throw new Refusal('Sub-queries and expressions are not supported.');
    return this.#literal();
  }

  #literal(): Literal {
    const negative = this.#punct('-');
    const token = this.#peek();
    if (token.kind === 'number') {
      this.#pos += 1;
      return { kind: 'number', value: negative ? -token.value : token.value };
    }
    if (token.kind === 'string' && !negative) {
      this.#pos += 1;
      return { kind: 'string', value: token.value };
    }
    return this.#unexpected();
  }

  #string(): string {
    const token = this.#peek();
    if (token.kind !== 'string') this.#unexpected();
    this.#pos += 1;
    return token.value;
  }

  #columnRef(): ColumnRef {
    const first = this.#identifier('a column name');
    if (this.#peekPunct('(')) throw new Refusal(`Function calls are not supported (${first}).`);
    if (!this.#punct('.')) return { column: first.toLowerCase() };
    if (this.#peekPunct('*')) throw new Refusal(`${first}.* is not supported; use * or name the columns.`);
    return { qualifier: first.toLowerCase(), column: this.#identifier('a column name').toLowerCase() };
  }

  #alias(): string | undefined {
    if (this.#keyword('as')) return this.#identifier('an alias').toLowerCase();
    const token = this.#peek();
    if (token.kind === 'word' && !RESERVED.has(token.lower)) {
      this.#pos += 1;
      return token.lower;
    }
    return undefined;
  }

  #identifier(what: string): string {
    const token = this.#peek();
    if (token.kind !== 'word' || RESERVED.has(token.lower)) return this.#unexpected(what);
    this.#pos += 1;
    return token.text;
  }

  #count(clause: string, min: number): number {
    const token = this.#peek();
    if (token.kind !== 'number' || token.value < min) throw new Refusal(`${clause} takes a whole number of at least ${min}.`);
    this.#pos += 1;
    return token.value;
  }

  #list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.#punct(',')) items.push(item());
    return items;
  }

  #peek(): Token {
    return this.tokens[this.#pos] ?? { kind: 'end', pos: 0 };
  }
  #peekKeyword(word: string): boolean {
    const t = this.#peek();
    return t.kind === 'word' && t.lower === word;
  }
  #peekPunct(text: string): boolean {
    const t = this.#peek();
    return t.kind === 'punct' && t.text === text;
  }
  #keyword(word: string): boolean {
    if (!this.#peekKeyword(word)) return false;
    this.#pos += 1;
    return true;
  }
  #punct(text: string): boolean {
    if (!this.#peekPunct(text)) return false;
    this.#pos += 1;
    return true;
  }
  #expectKeyword(word: string): void {
    if (!this.#keyword(word)) this.#unexpected(word.toUpperCase());
  }
  #expectPunct(text: string): void {
    if (!this.#punct(text)) this.#unexpected(`"${text}"`);
  }

  #unexpected(expected?: string): never {
    const t = this.#peek();
    if (t.kind === 'word' && UNSUPPORTED[t.lower]) throw new Refusal(`${UNSUPPORTED[t.lower]}.`);
    const seen = t.kind === 'end' ? 'the end of the statement'
      : t.kind === 'word' ? `"${t.text}"` : t.kind === 'string' ? 'a string'
        : t.kind === 'number' ? `the number ${t.value}` : `"${t.text}"`;
    const where = t.kind === 'end' ? '' : ` at position ${t.pos + 1}`;
    throw new Refusal(`Unexpected ${seen}${where}${expected ? `; expected ${expected}` : ''}.`);
  }
}

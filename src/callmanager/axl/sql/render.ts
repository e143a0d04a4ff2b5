// SelectStatement → one parameterised PostgreSQL query over the AXL views. Identifiers come only from the
// view whitelist and generated aliases; every value the client wrote is a bound parameter.
import { sql, type SQL } from 'drizzle-orm';
import { sqlSyntax, unknownColumn, unknownTable, type AxlFault } from '../faults.ts';
import type { ColumnRef, Condition, Literal, Operand, SelectStatement } from './ast.ts';
import { findView, type ColumnType } from './views.ts';

export interface RenderedQuery {
  /** Rows come back with columns c0…cN, in `columns` order. */
  query: SQL;
  /** Rows the statement matches, ignoring SKIP and FIRST: the "Total rows matched" of the -1 fault. */
  countQuery: SQL;
  /** Output names, lower case: the alias, else the column name (axl.md §5.7). */
  columns: string[];
}

export type RenderResult = { ok: true; rendered: RenderedQuery } | { ok: false; fault: AxlFault };

interface Source { exposed: string; alias: string; relation: string; columns: ReadonlyMap<string, ColumnType> }
interface Resolved { expr: SQL; type: ColumnType }

class Rejection extends Error {
  constructor(readonly fault: AxlFault) { super(fault.message); }
}

/** `rowLimit` caps what is fetched (the caller asks for one row more than it may return). */
export function renderSelect(statement: SelectStatement, rowLimit: number): RenderResult {
  try {
    return { ok: true, rendered: render(statement, rowLimit) };
  } catch (err) {
    if (err instanceof Rejection) return { ok: false, fault: err.fault };
    throw err;
  }
}

const MAX_VIEWS = 8; // a join of more views than this is a cross product waiting to happen

function render(statement: SelectStatement, rowLimit: number): RenderedQuery {
  if (statement.from.length > MAX_VIEWS) throw new Rejection(sqlSyntax(`At most ${MAX_VIEWS} views may be joined.`));
  const sources = statement.from.map((item, i): Source => {
    const view = findView(item.view);
    if (!view) throw new Rejection(unknownTable(item.view));
    return { exposed: item.alias ?? item.view, alias: `t${i}`, relation: view.relation, columns: new Map(view.columns) };
  });
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.exposed)) throw new Rejection(sqlSyntax(`${s.exposed} appears twice in FROM; give each its own alias.`));
    seen.add(s.exposed);
  }
  const resolve = (ref: ColumnRef): Resolved => resolveColumn(sources, ref);

  const outputs: Array<{ name: string; value: Resolved }> = [];
  for (const item of statement.items) {
    if (item.kind === 'star') {
      for (const s of sources) for (const [name, type] of s.columns) outputs.push({ name, value: { expr: column(s, name), type } });
    } else {
      outputs.push({ name: item.alias ?? item.ref.column, value: resolve(item.ref) });
    }
  }
  const selectList = sql.join(outputs.map((o, i) => sql`${o.value.expr} as ${sql.identifier(`c${i}`)}`), sql`, `);
  const fromList = sql.join(sources.map((s) => sql`${sql.identifier(s.relation)} as ${sql.identifier(s.alias)}`), sql`, `);
  const where = statement.where ? sql` where ${condition(statement.where, resolve)}` : sql``;

  const orderItems = statement.orderBy.map((item) => {
    let target: Resolved | undefined;
    if (item.target.kind === 'position') {
      target = outputs[item.target.position - 1]?.value;
      if (!target) throw new Rejection(sqlSyntax(`ORDER BY ${item.target.position} names no selected column.`));
    } else {
      const ref = item.target.ref;
      // a bare name may be a select-list alias, as in Informix
      target = ref.qualifier === undefined ? outputs.find((o) => o.name === ref.column && isAlias(statement, ref.column))?.value : undefined;
      target ??= resolve(ref);
    }
    const collated = target.type === 'text' ? sql`${target.expr} collate "C"` : target.expr;
    return item.direction === 'desc' ? sql`${collated} desc` : sql`${collated} asc`;
  });
  const orderBy = orderItems.length > 0 ? sql` order by ${sql.join(orderItems, sql`, `)}` : sql``;
  const offset = statement.skip ? sql` offset ${statement.skip}` : sql``;
  const limit = Math.min(statement.first ?? rowLimit, rowLimit);
  return {
    query: sql`select ${selectList} from ${fromList}${where}${orderBy}${offset} limit ${limit}`,
    countQuery: sql`select count(*)::int as n from ${fromList}${where}`,
    columns: outputs.map((o) => o.name),
  };
}

function isAlias(statement: SelectStatement, name: string): boolean {
  return statement.items.some((i) => i.kind === 'column' && i.alias === name);
}

function column(source: Source, name: string): SQL {
  return sql`${sql.identifier(source.alias)}.${sql.identifier(name)}`;
}

function resolveColumn(sources: readonly Source[], ref: ColumnRef): Resolved {
  const label = ref.qualifier ? `${ref.qualifier}.${ref.column}` : ref.column;
  const candidates = ref.qualifier === undefined ? sources : sources.filter((s) => s.exposed === ref.qualifier);
  const matches = candidates.filter((s) => s.columns.has(ref.column));
  const [match] = matches;
  if (!match) throw new Rejection(unknownColumn(label));
  if (matches.length > 1) throw new Rejection(sqlSyntax(`Column (${label}) is ambiguous; qualify it with a view or alias.`));
  return { expr: column(match, ref.column), type: match.columns.get(ref.column) ?? 'text' };
}

/** A bound value, cast to the type it is compared with so that both backends infer the same. */
function param(literal: Literal, type: ColumnType): SQL {
  if (type === 'integer') {
    const value = literal.kind === 'number' ? literal.value : /^-?[0-9]{1,15}$/.test(literal.value.trim()) ? Number(literal.value) : undefined;
    if (value === undefined) throw new Rejection(sqlSyntax(`${JSON.stringify(literal.value)} is not a whole number.`));
    return sql`${value}::integer`;
  }
  return sql`${String(literal.value)}::text`;
}

function asText(value: Resolved): SQL {
  return value.type === 'text' ? value.expr : sql`${value.expr}::text`;
}

function operand(o: Operand, resolve: (ref: ColumnRef) => Resolved, other?: Operand): Resolved {
  if (o.kind === 'column') return resolve(o);
  const otherType = other?.kind === 'column' ? resolve(other).type : o.kind === 'number' ? 'integer' : 'text';
  return { expr: param(o, otherType), type: otherType };
}

function condition(c: Condition, resolve: (ref: ColumnRef) => Resolved): SQL {
  switch (c.kind) {
    case 'and': return sql`(${condition(c.left, resolve)} and ${condition(c.right, resolve)})`;
    case 'or': return sql`(${condition(c.left, resolve)} or ${condition(c.right, resolve)})`;
    case 'compare': {
      let left = operand(c.left, resolve, c.right);
      let right = operand(c.right, resolve, c.left);
      if (left.type !== right.type) {
        left = { expr: asText(left), type: 'text' };
        right = { expr: asText(right), type: 'text' };
      }
      const op = c.op === '!=' ? '<>' : c.op;
      return sql`${left.expr} ${sql.raw(op)} ${right.expr}`;
    }
    case 'like': {
      const like = sql`${asText(resolve(c.column))} like ${param({ kind: 'string', value: c.pattern }, 'text')}`;
      return c.negated ? sql`not (${like})` : like;
    }
    case 'in': {
      const target = resolve(c.column);
      const list = sql.join(c.values.map((v) => param(v, target.type)), sql`, `);
      return c.negated ? sql`${target.expr} not in (${list})` : sql`${target.expr} in (${list})`;
    }
    case 'null': return c.negated ? sql`${resolve(c.column).expr} is not null` : sql`${resolve(c.column).expr} is null`;
    default: return assertNever(c);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled condition ${JSON.stringify(value)}`);
}

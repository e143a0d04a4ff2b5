// The parsed form of the executeSQLQuery subset (axl.md §5.7).
import type { CompareOp } from './tokenizer.ts';

export interface ColumnRef {
  qualifier?: string | undefined;
  column: string;
}

export type Literal = { kind: 'string'; value: string } | { kind: 'number'; value: number };

export type Operand = ({ kind: 'column' } & ColumnRef) | Literal;

export type SelectItem = { kind: 'star' } | { kind: 'column'; ref: ColumnRef; alias?: string | undefined };

export interface FromItem {
  view: string;
  alias?: string | undefined;
}

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'like'; negated: boolean; column: ColumnRef; pattern: string }
  | { kind: 'in'; negated: boolean; column: ColumnRef; values: Literal[] }
  | { kind: 'null'; negated: boolean; column: ColumnRef };

export type OrderTarget = { kind: 'column'; ref: ColumnRef } | { kind: 'position'; position: number };

export interface OrderItem {
  target: OrderTarget;
  direction: 'asc' | 'desc';
}

export interface SelectStatement {
  skip?: number | undefined;
  first?: number | undefined;
  items: SelectItem[];
  from: FromItem[];
  where?: Condition | undefined;
  orderBy: OrderItem[];
}

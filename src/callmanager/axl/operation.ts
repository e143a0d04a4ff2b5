// What every operation module exports: a table from operation name to its class and handler.
import type { Element } from '../../shared/xml/index.ts';
import type { Directory } from '../directory/index.ts';
import type { ReturnContent } from './render.ts';

/** axl.md §2: what a read-only user may call. */
export type OperationClass = 'read' | 'authenticate' | 'write';

export interface OperationContext {
  directory: Directory;
  /** The CUCM version string getCCMVersion reports (axl.md §5.1). */
  ccmVersion: string;
  /** Rows a list or query may return without `first` before the -1 "too large" fault. */
  maxRows: number;
  operation: string;
}

export interface Operation {
  class: OperationClass;
  handle(request: Element, ctx: OperationContext): Promise<ReturnContent>;
}

export type OperationTable = Readonly<Record<string, Operation>>;

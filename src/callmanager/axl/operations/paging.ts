import type { Page } from '../../directory/index.ts';
import { tooLarge } from '../faults.ts';
import type { OperationContext } from '../operation.ts';

/**
 * A list page. Without `first` a list may not exceed `maxRows`: past it the -1 fault reports the total, as
 * CUCM's throttling does ([A1] "Data Throttling and Performance").
 */
export async function fetchPage<T>(
  ctx: OperationContext, page: Page, list: (page: Page) => Promise<T[]>, count: () => Promise<number>,
): Promise<T[]> {
  if (page.first !== undefined) return list(page);
  const items = await list({ first: ctx.maxRows + 1 });
  if (items.length > ctx.maxRows) throw tooLarge(await count(), ctx.maxRows);
  return items;
}

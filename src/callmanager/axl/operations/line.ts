// addLine, getLine, listLine, updateLine, removeLine (axl.md §5.4). A line's key is pattern + partition.
import type { Element } from '../../../shared/xml/index.ts';
import type { Line, LineIdentity } from '../../directory/index.ts';
import { invalidRequest } from '../faults.ts';
import { childElement, optional, page, returnedTags, searchCriteria, text } from '../fields.ts';
import type { OperationTable } from '../operation.ts';
import { el, formatUuid, leaf, pickTags } from '../xml.ts';
import { fetchPage } from './paging.ts';

export function lineElement(line: Line): Element {
  return el('line', { uuid: formatUuid(line.uuid) },
    leaf('pattern', line.pattern), leaf('description', line.description), leaf('usage', line.usage),
    leaf('routePartitionName', line.routePartitionName), leaf('alertingName', line.alertingName));
}

function lineIdentity(request: Element, operation: string): LineIdentity {
  const uuid = text(request, 'uuid');
  if (uuid) return { uuid };
  const pattern = text(request, 'pattern');
  if (!pattern) throw invalidRequest(`${operation} requires pattern or uuid`);
  return { pattern, routePartitionName: text(request, 'routePartitionName') ?? '' };
}

const LIST_CRITERIA = ['pattern', 'description', 'usage', 'routePartitionName'] as const;

export const lineOperations: OperationTable = {
  addLine: {
    class: 'write',
    async handle(request, { directory }) {
      const line = childElement(request, 'line');
      if (!line) throw invalidRequest('addLine requires a line element');
      const uuid = await directory.addLine({
        pattern: text(line, 'pattern') ?? '', routePartitionName: text(line, 'routePartitionName'),
        usage: text(line, 'usage'), description: optional(line, 'description'), alertingName: optional(line, 'alertingName'),
      });
      return [formatUuid(uuid)];
    },
  },
  getLine: {
    class: 'read',
    async handle(request, { directory, operation }) {
      return [pickTags(lineElement(await directory.getLine(lineIdentity(request, operation))), returnedTags(request))];
    },
  },
  listLine: {
    class: 'read',
    async handle(request, ctx) {
      const criteria = searchCriteria(request, LIST_CRITERIA);
      const lines = await fetchPage(ctx, page(request),
        (p) => ctx.directory.listLines(criteria, p), () => ctx.directory.countLines(criteria));
      const tags = returnedTags(request);
      return lines.map((l) => pickTags(lineElement(l), tags));
    },
  },
  updateLine: {
    class: 'write',
    async handle(request, { directory, operation }) {
      const uuid = await directory.updateLine(lineIdentity(request, operation), {
        newPattern: text(request, 'newPattern'), newRoutePartitionName: text(request, 'newRoutePartitionName'),
        usage: text(request, 'usage'), description: optional(request, 'description'),
        alertingName: optional(request, 'alertingName'),
      });
      return [formatUuid(uuid)];
    },
  },
  removeLine: {
    class: 'write',
    async handle(request, { directory, operation }) {
      return [formatUuid(await directory.removeLine(lineIdentity(request, operation)))];
    },
  },
};

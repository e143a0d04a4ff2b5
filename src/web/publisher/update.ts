// The `<Update>` document of a notification (rest-api.md §2.1): children `data`, `event`, `requestId`, `source`,
// in that order; `event` upper-case; `requestId` present and empty when no request caused the change.
import { escapeXMLText } from '../../shared/xml/index.ts';
import type { FinesseNode } from '../representation/node.ts';
import { renderXmlFragment } from '../representation/xml.ts';

export type UpdateEvent = 'POST' | 'PUT' | 'DELETE';

export function renderUpdate(data: FinesseNode, event: UpdateEvent, requestId: string, source: string): string {
  return `<Update><data>${renderXmlFragment(data)}</data><event>${event}</event>`
    + `<requestId>${escapeXMLText(requestId)}</requestId><source>${escapeXMLText(source)}</source></Update>`;
}

// TeamMessage as rest-api.md §5.3 shows it, and the `<Update>` its team's node carries. The event form is our
// reading of notifications.md §4.2 (the node itself is an inference there): a collection node, so POST and DELETE
// carry `teamMessages/TeamMessage` with `source` = the collection, as Dialogs do.
import { renderUpdate, type UpdateEvent } from '../publisher/index.ts';
import { leaf, list, record, type FinesseNode } from '../representation/node.ts';
import { uriOf } from '../rest/common.ts';
import type { TeamMessage } from '../store/team-messages.ts';

export const teamMessageUri = (id: string): string => uriOf(`/TeamMessage/${id}`);
export const teamMessagesNode = (teamId: number): string => uriOf(`/Team/${teamId}/TeamMessages`);

export function teamMessageNode(m: TeamMessage): FinesseNode {
  return record('TeamMessage', [
    leaf('content', m.content),
    leaf('createdAt', Math.floor(m.createdAt.getTime() / 1000)),   // epoch seconds (§1.2)
    record('createdBy', [leaf('firstName', m.createdBy.firstName), leaf('id', m.createdBy.id), leaf('lastName', m.createdBy.lastName)]),
    leaf('duration', m.duration),
    leaf('id', m.id),
    list('teams', 'team', m.teams.map((t) => leaf('team', t))),
    leaf('uri', teamMessageUri(m.id)),
  ]);
}

export function teamMessageUpdate(m: TeamMessage, teamId: number, event: Extract<UpdateEvent, 'POST' | 'DELETE'>, requestId: string): string {
  const node = teamMessagesNode(teamId);
  return renderUpdate(list('teamMessages', 'TeamMessage', [teamMessageNode(m)]), event, requestId, node);
}

// TeamMessage (rest-api.md §5.3, Finesse 12.5): POST /TeamMessage by a supervisor (to its own teams) or an
// administrator; GET and DELETE /TeamMessage/{id}; GET /Team/{teamId}/TeamMessages, the team's active messages.
// Sent and ended messages are published on /finesse/api/Team/{teamId}/TeamMessages (team-message-board.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { Element } from '../../shared/xml/index.ts';
import { principalOf } from '../auth/hook.ts';
import { isAdministrator, type Principal } from '../auth/principal.ts';
import { invalidSupervisor, requireTeamMember, requireTeamSender } from '../auth/team-scope.ts';
import { invalidInput, notFound, parameterMissing, wrongUser } from '../errors.ts';
import { renderFinesseError } from '../http/error-handler.ts';
import { bodyOf, sendFinesse } from '../http/send.ts';
import { expectRoot, lastChild, requiredText } from '../representation/fields.ts';
import { list } from '../representation/node.ts';
import type { TeamMessage } from '../store/team-messages.ts';
import type { TeamDirectory } from '../teams/team-directory.ts';
import { teamMessageNode } from '../teams/team-message-node.ts';
import { idParam, requestIdOf, sendCreated, sendOk, stringParam } from './common.ts';
import type { RestContext } from './context.ts';

export const MAX_CONTENT = 255;             // rest-api.md §1.5
// [Poise] Finesse documents no bounds; the desktop offers 5 minutes to 23:55, the DevNet sample sends 100 s.
export const MIN_DURATION = 1;
export const MAX_DURATION = 86_400;
const MAX_TEAMS = 1_000;                    // [Poise] more than any contact center has; bounds the work of one request
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function content(body: Element): string {
  // The text as sent; only an empty or blank message counts as missing.
  const raw = lastChild(body, 'content')?.getText();
  if (raw === undefined || raw.trim() === '') throw parameterMissing('content');
  if ([...raw].length > MAX_CONTENT) throw invalidInput('content', `The message must have at most ${MAX_CONTENT} characters.`);
  return raw;
}

function duration(body: Element): number {
  const raw = requiredText(body, 'duration');
  const value = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= MIN_DURATION && value <= MAX_DURATION)) {
    throw invalidInput('duration', `The duration must be a number of seconds from ${MIN_DURATION} to ${MAX_DURATION}.`);
  }
  return value;
}

/** `<teams><team>12</team>…</teams>`: at least one team, each known to the engine (else 404). */
function teamIds(body: Element, teams: TeamDirectory): number[] {
  const items = lastChild(body, 'teams')?.getChildElements().filter((e) => e.getName() === 'team') ?? [];
  if (items.length === 0) throw parameterMissing('teams');
  if (items.length > MAX_TEAMS) throw invalidInput('teams', `A message may go to at most ${MAX_TEAMS} teams.`);
  const ids = new Set<number>();
  for (const item of items) {
    const raw = item.getText().trim();
    const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id)) throw invalidInput('team', `${raw} is not a team id.`);
    if (!teams.team(id)) throw notFound(raw, 'The team was not found.');
    ids.add(id);
  }
  return [...ids];
}

/** Agents read their team's active messages; supervisors those to a team of theirs or their own; administrators all. */
function requireReader(p: Principal, message: TeamMessage, teams: TeamDirectory): void {
  if (isAdministrator(p)) return;
  const own = teams.teamOfUser(p.id)?.id;
  if (own !== undefined && message.teams.includes(own)) return;
  if (teams.supervisedBy(p.id).some((t) => message.teams.includes(t.id))) return;
  if (message.createdBy.id.toLowerCase() === p.id.toLowerCase()) return;
  throw p.roles.has('Supervisor') ? invalidSupervisor(p.id) : wrongUser(p.id);
}

export const teamMessagePlugin: FastifyPluginAsync<RestContext> = async (app, { authenticate, teams, teamMessages }) => {
  app.setErrorHandler(renderFinesseError);
  app.addHook('onRequest', authenticate);

  const find = async (id: string): Promise<TeamMessage> => {
    const message = UUID.test(id) ? await teamMessages.get(id.toLowerCase()) : undefined;
    if (!message) throw notFound(id, 'Invalid team message id specified');
    return message;
  };

  app.post('/TeamMessage', async (request, reply) => {
    const principal = principalOf(request);
    requireTeamSender(principal, [], teams);       // an agent is refused before its body is looked at
    const body = expectRoot(bodyOf(request), 'TeamMessage');
    const input = { content: content(body), duration: duration(body), teams: teamIds(body, teams) };
    requireTeamSender(principal, input.teams, teams);
    const createdBy = { id: principal.id, firstName: principal.firstName, lastName: principal.lastName };
    const message = await teamMessages.post({ ...input, createdBy }, requestIdOf(request));
    return sendCreated(request, reply, `/TeamMessage/${message.id}`);
  });

  app.get('/TeamMessage/:id', async (request, reply) => {
    const message = await find(stringParam(request, 'id'));
    requireReader(principalOf(request), message, teams);
    return sendFinesse(request, reply, teamMessageNode(message));
  });

  app.delete('/TeamMessage/:id', async (request, reply) => {
    const principal = principalOf(request);
    requireTeamSender(principal, [], teams);
    const message = await find(stringParam(request, 'id'));
    requireTeamSender(principal, message.teams, teams);
    if (!(await teamMessages.remove(message.id, requestIdOf(request)))) throw notFound(message.id, 'Invalid team message id specified');
    return sendOk(reply);
  });

  app.get('/Team/:teamId/TeamMessages', async (request, reply) => {
    const teamId = idParam(request, 'teamId', 'Team');
    if (!teams.team(teamId)) throw notFound(String(teamId), 'The team was not found.');
    requireTeamMember(principalOf(request), teamId, teams);
    const messages = await teamMessages.listFor(teamId);
    return sendFinesse(request, reply, list('TeamMessages', 'TeamMessage', messages.map(teamMessageNode)));
  });
};

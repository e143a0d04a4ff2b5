// The {teamId} of a team URL: a CTI team that exists, else 404 TeamId Not Found (rest-api.md §5).
import type { FastifyRequest } from 'fastify';
import { FinesseApiError } from '../errors.ts';
import type { TeamDirectory } from '../teams/team-directory.ts';
import { stringParam } from './common.ts';

export const teamIdNotFound = (teamId: string) =>
  new FinesseApiError(404, 'TeamId Not Found', teamId, 'No such team exists in CTI.');

export function existingTeamId(request: FastifyRequest, teams: TeamDirectory): number {
  const raw = stringParam(request, 'teamId');
  const teamId = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!teams.team(teamId)) throw teamIdNotFound(raw);
  return teamId;
}

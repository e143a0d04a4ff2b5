// Keys in the URL (adminapi.md §1.1): numeric ids for skill, resourceGroup, csq, team; names for the rest.
import type { FastifyRequest } from 'fastify';
import { instanceNotFound } from './errors.ts';

export function stringKey(request: FastifyRequest, name = 'id'): string {
  const params = request.params as Record<string, string | undefined>;
  return params[name] ?? '';
}

/** A key that is not a number names nothing: 404 InstanceNotFound. */
export function numericKey(request: FastifyRequest): number {
  const raw = stringKey(request);
  const id = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(id)) throw instanceNotFound(raw);
  return id;
}

// Small pieces the resource plugins share: ids in URLs, the Location of a created object, query parameters.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../http/app.ts';
import { notFound, parameterMissing, invalidInput } from '../errors.ts';
import type { QueryParameter } from '../http/route-catalog.ts';

/** Finesse ids are positive integers; anything else names no object (404). */
export function idParam(request: FastifyRequest, name: string, type: string): number {
  const params = request.params;
  const raw = typeof params === 'object' && params !== null && name in params ? String((params as Record<string, unknown>)[name]) : '';
  const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) throw notFound(raw, `Invalid ${type} id specified`);
  return id;
}

export function stringParam(request: FastifyRequest, name: string): string {
  const params = request.params;
  return typeof params === 'object' && params !== null && name in params ? String((params as Record<string, unknown>)[name]) : '';
}

export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const query = request.query;
  if (typeof query !== 'object' || query === null || !(name in query)) return undefined;
  const value: unknown = (query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[value.length - 1]) : undefined;
}

export function requiredQueryEnum<T extends string>(request: FastifyRequest, name: string, values: readonly T[]): T {
  const value = queryParam(request, name);
  if (value === undefined || value === '') throw parameterMissing(name);
  if (!(values as readonly string[]).includes(value)) throw invalidInput(name, `${name} must be one of ${values.join(', ')}`);
  return value as T;
}

/** The required `category` of the reason code lists, as the OpenAPI document names it (route config `query`). */
export const categoryParameter = (values: readonly string[]): QueryParameter => ({ name: 'category', required: true, values });

export const uriOf = (path: string): string => `${API_PREFIX}${path}`;

/** rest-api.md §6.1: a create answers 200 with an empty body and the absolute URL of the new object. */
export function sendCreated(request: FastifyRequest, reply: FastifyReply, path: string): FastifyReply {
  return reply.code(200).header('location', `${request.protocol}://${request.host}${uriOf(path)}`).send();
}

/** Synchronous configuration writes answer 200 with no body (rest-api.md §6.1). */
export const sendOk = (reply: FastifyReply): FastifyReply => reply.code(200).send();

/** The `requestId` header a notification caused by this request carries (rest-api.md §2); empty without one. */
export function requestIdOf(request: FastifyRequest): string {
  const header = request.headers.requestid;
  return typeof header === 'string' ? header : '';
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

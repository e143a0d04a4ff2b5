import type { FastifyReply, FastifyRequest } from 'fastify';
import { Element } from '../../shared/xml/index.ts';
import { badRequest } from '../errors.ts';
import { leaf, record, type FinesseNode } from '../representation/node.ts';
import { renderJson } from '../representation/json.ts';
import { renderXml } from '../representation/xml.ts';
import { chooseRepresentation } from './negotiation.ts';
import type { FinesseApiError } from '../errors.ts';

/** Sends a Finesse object in the representation the client asked for (rest-api.md §1.2, §11 E1). */
export function sendFinesse(request: FastifyRequest, reply: FastifyReply, node: FinesseNode, status = 200): FastifyReply {
  if (chooseRepresentation(request.headers.accept) === 'json') {
    return reply.code(status).type('application/json; charset=utf-8').send(renderJson(node));
  }
  return reply.code(status).type('application/xml; charset=utf-8').send(renderXml(node));
}

/** The ApiErrors body: XML as rest-api.md §1.3 shows it, JSON in the desktop-interface shape of §11 E1. */
export function sendApiError(request: FastifyRequest, reply: FastifyReply, error: FinesseApiError): FastifyReply {
  reply.code(error.httpStatus);
  if (chooseRepresentation(request.headers.accept) === 'json') {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({
      status: error.httpStatus,
      apiErrors: { errorType: error.errorType, errorMessage: error.errorMessage, errorData: error.errorData },
    }));
  }
  const body = record('ApiErrors', [record('ApiError', [
    leaf('ErrorType', error.errorType), leaf('ErrorData', error.errorData), leaf('ErrorMessage', error.errorMessage),
  ])]);
  return reply.type('application/xml; charset=utf-8').send(renderXml(body));
}

/** The parsed body (XML or JSON, as an element) of a PUT or POST; none → 400 Bad Request. */
export function bodyOf(request: FastifyRequest): Element {
  if (request.body instanceof Element) return request.body;
  throw badRequest('body', 'The request requires a body.');
}

// One AXL request from decoded bytes to rendered reply: version, operation lookup, read-only rule, handler,
// and the fault table for whatever goes wrong. No HTTP here; the plugin carries the reply.
import type { Logger } from 'pino';
import type { XmlLimits } from '../../shared/xml/index.ts';
import { DirectoryError, type AxlAccess, type Directory } from '../directory/index.ts';
import { faultFromDirectoryError } from './directory-faults.ts';
import { decodeRequest } from './envelope.ts';
import { AxlFault, internal, readOnly, unsupported } from './faults.ts';
import { findOperation } from './operations/index.ts';
import { renderFault, renderResponse } from './render.ts';
import { VERSION_ERROR_TEXT } from './versions.ts';

export const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';

export interface AxlReply {
  status: 200 | 500 | 599;
  contentType: string;
  body: string;
  /** For the request log: the operation, when one was named. */
  operation: string | undefined;
  /** For the request log: 'ok', 'fault <axlcode>' or 'bad version'. */
  outcome: string;
}

export interface AxlServiceOptions {
  directory: Directory;
  ccmVersion: string;
  maxRows: number;
  xmlLimits?: XmlLimits | undefined;
}

export function faultReply(fault: AxlFault, operation: string | undefined): AxlReply {
  return { status: 500, contentType: XML_CONTENT_TYPE, body: renderFault(fault, operation), operation, outcome: `fault ${fault.axlCode}` };
}

export async function handleAxl(
  options: AxlServiceOptions, input: { body: Uint8Array | string; soapAction: string | undefined; access: AxlAccess; log: Logger },
): Promise<AxlReply> {
  const decoded = decodeRequest(input.body, input.soapAction, options.xmlLimits);
  if (!decoded.ok) {
    if (decoded.kind === 'version') {
      return { status: 599, contentType: 'text/plain;charset=UTF-8', body: VERSION_ERROR_TEXT, operation: decoded.operation, outcome: 'bad version' };
    }
    return faultReply(decoded.fault, decoded.operation);
  }
  const { request } = decoded;
  const operation = findOperation(request.operation);
  if (!operation) return faultReply(unsupported(request.operation), request.operation);
  if (operation.class === 'write' && input.access === 'read-only') return faultReply(readOnly(), request.operation);
  try {
    const content = await operation.handle(request.element, {
      directory: options.directory, ccmVersion: options.ccmVersion, maxRows: options.maxRows, operation: request.operation,
    });
    return { status: 200, contentType: XML_CONTENT_TYPE, body: renderResponse(request, content), operation: request.operation, outcome: 'ok' };
  } catch (err) {
    if (err instanceof AxlFault) return faultReply(err, request.operation);
    if (err instanceof DirectoryError) return faultReply(faultFromDirectoryError(err, request.operation), request.operation);
    input.log.error({ err, operation: request.operation }, 'AXL operation failed');
    return faultReply(internal(), request.operation);
  }
}

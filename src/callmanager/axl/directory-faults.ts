// DirectoryError → the fault table row (axl.md §3). The operation decides between 5007 and 5003 for a
// missing object: CUCM reports an unknown object on update differently from get and remove.
import { DirectoryError } from '../directory/index.ts';
import {
  duplicate, invalidRequest, missingReference, notFound, requiredField, updateNotFound, type AxlFault,
} from './faults.ts';

export function faultFromDirectoryError(err: DirectoryError, operation: string): AxlFault {
  switch (err.kind) {
    case 'NOT_FOUND': return operation.startsWith('update') ? updateNotFound(err.entity) : notFound(err.entity);
    case 'DUPLICATE': return duplicate();
    case 'MISSING_REFERENCE': return missingReference(err.detail);
    case 'REQUIRED_FIELD': return requiredField(err.detail);
    case 'INVALID': return invalidRequest(err.message);
    default: return assertNever(err.kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled directory error kind ${String(value)}`);
}

export { DirectoryError };

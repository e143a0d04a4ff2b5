// Every operation Poise serves (axl.md §5). Anything not listed — executeSQLUpdate included — is refused with
// the 5003 "not supported" fault.
import type { Operation, OperationTable } from '../operation.ts';
import { appUserOperations } from './app-user.ts';
import { authenticateUserOperations } from './authenticate-user.ts';
import { ccmVersionOperations } from './ccm-version.ts';
import { ctiRoutePointOperations } from './cti-route-point.ts';
import { lineOperations } from './line.ts';
import { phoneOperations } from './phone.ts';
import { sqlQueryOperations } from './sql-query.ts';
import { userOperations } from './user.ts';

export const OPERATIONS: OperationTable = {
  ...ccmVersionOperations, ...userOperations, ...phoneOperations, ...lineOperations, ...ctiRoutePointOperations,
  ...appUserOperations, ...sqlQueryOperations, ...authenticateUserOperations,
};

export function findOperation(name: string): Operation | undefined {
  return Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
}

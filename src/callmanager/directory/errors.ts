/**
 * A directory rule was broken. `kind` says which rule; the AXL layer turns each kind into its row of the
 * fault table (axl.md §3), so `detail` carries what that row's message needs: the key that was not found or
 * duplicated, the referential constraint (`device.fkdevicepool`) or the column (`enduser.lastname`).
 */
export type DirectoryErrorKind = 'NOT_FOUND' | 'DUPLICATE' | 'MISSING_REFERENCE' | 'REQUIRED_FIELD' | 'INVALID';

/** The object types, named as AXL names them in its messages. */
export type DirectoryEntity =
  | 'User' | 'AppUser' | 'Phone' | 'CtiRoutePoint' | 'Line' | 'Device' | 'DevicePool' | 'RoutePartition';

export class DirectoryError extends Error {
  constructor(
    readonly kind: DirectoryErrorKind,
    readonly entity: DirectoryEntity,
    readonly detail: string,
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

export const notFound = (entity: DirectoryEntity, key: string): DirectoryError =>
  new DirectoryError('NOT_FOUND', entity, key, `${entity} ${key} was not found`);

export const duplicate = (entity: DirectoryEntity, key: string): DirectoryError =>
  new DirectoryError('DUPLICATE', entity, key, `${entity} ${key} already exists`);

/** `constraint` names the referring column CUCM-style (`device.fkdevicepool`); `value` is what was not found. */
export const missingReference = (entity: DirectoryEntity, constraint: string, value: string): DirectoryError =>
  new DirectoryError('MISSING_REFERENCE', entity, constraint, `${constraint} refers to unknown ${value}`);

export const requiredField = (entity: DirectoryEntity, column: string): DirectoryError =>
  new DirectoryError('REQUIRED_FIELD', entity, column, `${column} is required`);

export const invalid = (entity: DirectoryEntity, detail: string): DirectoryError =>
  new DirectoryError('INVALID', entity, detail, detail);

/** The SQLSTATE of a database error, looking through Drizzle's wrapper (`DrizzleQueryError.cause`). */
export function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err, hops = 0; typeof e === 'object' && e !== null && hops < 5; hops += 1) {
    if ('code' in e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = 'cause' in e ? e.cause : undefined;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';

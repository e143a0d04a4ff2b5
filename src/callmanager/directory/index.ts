export { Directory, DEFAULT_DEVICE_POOL, type DirectoryListener, type DirectoryOptions } from './directory.ts';
export { DirectoryError, type DirectoryEntity, type DirectoryErrorKind } from './errors.ts';
export { LINE_DEFAULTS } from './device-lines.ts';
export { CTI_PORT_PRODUCT, CTI_ROUTE_POINT_PRODUCT } from './devices.ts';
export { normalizeUuid } from './keys.ts';
export * as roles from './roles.ts';
export { axlAccess, type AxlAccess } from './roles.ts';
export type * from './types.ts';

// The AXL SOAP service (axl.md): mount `axlPlugin` on the call manager's Fastify server.
export { axlPlugin, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, type AxlPluginOptions } from './plugin.ts';
export { SUPPORTED_VERSIONS, type AxlVersion } from './versions.ts';
export { AxlFault } from './faults.ts';

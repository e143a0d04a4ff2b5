// AXL schema versions (axl.md §1): the operation's namespace decides; a SOAPAction version must also be one
// Poise serves; the versionless namespace …/API/1.0 gets the oldest.

export const SUPPORTED_VERSIONS = ['11.0', '11.5', '12.0', '12.5', '14.0', '15.0'] as const;
export type AxlVersion = (typeof SUPPORTED_VERSIONS)[number];

export const OLDEST_VERSION: AxlVersion = '11.0';
export const WSDL_VERSION: AxlVersion = '12.5';
const VERSIONLESS = '1.0';

const NAMESPACE_PREFIX = 'http://www.cisco.com/AXL/API/';
const NAMESPACE = /^http:\/\/www\.cisco\.com\/AXL\/API\/(\d+\.\d+)$/;
// "CUCM:DB ver=12.5 getUser", quoted; the operation part is optional.
const SOAP_ACTION = /^"?\s*CUCM:DB\s+ver=(\d+\.\d+)(?:\s+([A-Za-z][A-Za-z0-9]*))?\s*"?$/;

/** HTTP 599 body, Cisco's wording ([A6]). */
export const VERSION_ERROR_TEXT = `Incorrect axl version. Supported axl versions: ${SUPPORTED_VERSIONS.join(', ')}`;

export const namespaceFor = (version: string): string => NAMESPACE_PREFIX + version;

export function isSupported(version: string): version is AxlVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(version);
}

/** The version in an AXL namespace, or undefined when the namespace is not AXL's at all. */
export function namespaceVersion(namespace: string | undefined): string | undefined {
  return namespace === undefined ? undefined : NAMESPACE.exec(namespace)?.[1];
}

/** A SOAPAction header in the CUCM:DB form; undefined when absent or in any other form. */
export function parseSoapAction(header: string | undefined): { version: string; operation?: string | undefined } | undefined {
  const m = header === undefined ? null : SOAP_ACTION.exec(header.trim());
  return m?.[1] === undefined ? undefined : { version: m[1], operation: m[2] };
}

/** The schema a request is served with, or undefined for HTTP 599. */
export function resolveVersion(namespaceVer: string, soapAction: string | undefined): AxlVersion | undefined {
  const actionVer = parseSoapAction(soapAction)?.version;
  if (actionVer !== undefined && !isSupported(actionVer)) return undefined;
  if (namespaceVer === VERSIONLESS) return actionVer ?? OLDEST_VERSION;
  return isSupported(namespaceVer) ? namespaceVer : undefined;
}

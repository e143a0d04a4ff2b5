// Who may publish what on the desktop's hub. Poise's policy (desktop-and-gadgets.md, Poise extensions): only the
// master, i.e. the container page's own Finesse library, may publish server notifications and the connection
// status, so a gadget cannot forge them for the others. Everything else is open, as in Finesse.

/** Topics that carry what the master learns from the notification service (§4.2). */
export const isMasterOnlyTopic = (topic: string): boolean =>
  topic === 'finesse.info.connection' || topic.startsWith('finesse.api.');

/**
 * `publisher` is the OpenAjax container that published, or null when the managed hub itself publishes (the
 * container page's own code). A container whose id cannot be read is not the master.
 */
export const mayPublish = (topic: string, publisher: unknown, masterId: string): boolean =>
  !isMasterOnlyTopic(topic) || publisher === null || publisher === undefined || clientIdOf(publisher) === masterId;

/** The client id of an OpenAjax container object, if it is one. */
export function clientIdOf(container: unknown): string | null {
  if (typeof container !== 'object' || container === null || !('getClientID' in container)) return null;
  const getClientID = container.getClientID;
  if (typeof getClientID !== 'function') return null;
  const id: unknown = getClientID.call(container);
  return typeof id === 'string' ? id : null;
}

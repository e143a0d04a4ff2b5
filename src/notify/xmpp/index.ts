// The XMPP wire toolkit: stream parser, JIDs, stream and stanza errors. No sockets.
export { NS } from './namespaces.ts';
export { StreamParser, DEFAULT_STREAM_LIMITS, type StreamLimits, type StreamEvent, type PushResult } from './stream-parser.ts';
export { StreamError, streamErrorElement, type StreamErrorCondition } from './stream-error.ts';
export { StanzaError, errorReply, type StanzaErrorType, type StanzaErrorCondition, type PubsubErrorCondition } from './stanza-error.ts';
export { parseJid, bareJid, fullJid, type Jid } from './jid.ts';
export { streamHeader, serializeStanza } from './serialize.ts';

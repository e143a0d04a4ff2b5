// The tunnel page's script, `/tunnel/EventTunnel.js` (desktop-and-gadgets.md §4.3, notifications.md §13): the
// container embeds this page in a hidden iframe and talks to it with "<type>|<payload>" messages; the page holds
// the desktop's one XMPP connection. Only the embedding window is listened to, and only its origin, learned from
// `?origin=` or its first message, is written to.
import {
  decodeTunnelMessage, encodeEventPayload, encodePresencePayload, encodeSubscribeReply, encodeTunnelMessage,
  type TunnelMessage, type TunnelMessageName,
} from './protocol.ts';
import { XmppLink, type XmppCredentials } from './xmpp-link.ts';

let containerOrigin: string | undefined = new URLSearchParams(location.search).get('origin') ?? undefined;
const credentials: Partial<XmppCredentials> = {};

function post(type: TunnelMessageName, payload: string): void {
  if (containerOrigin === undefined || window.parent === window) return;
  window.parent.postMessage(encodeTunnelMessage({ type, payload }), containerOrigin);
}

const link = new XmppLink({
  status: (status) => post('STATUS', status),
  event: (node, notification) => post('EVENT', encodeEventPayload(node, notification)),
  presence: (from, type) => post('PRESENCE', encodePresencePayload(from, type)),
});

function complete(c: Partial<XmppCredentials>): XmppCredentials | undefined {
  const { id, password, xmppDomain, pubsubDomain, resource } = c;
  if (!id || password === undefined || !xmppDomain || !pubsubDomain || !resource) return undefined;
  return { id, password, xmppDomain, pubsubDomain, resource };
}

function receive(message: TunnelMessage): void {
  const { payload } = message;
  switch (message.type) {
    case 'ID': credentials.id = payload; break;
    case 'PASSWORD': credentials.password = payload; break;
    case 'XMPPDOMAIN': credentials.xmppDomain = payload; break;
    case 'RESOURCEID':
      credentials.resource = payload;
      post('RESOURCEID', payload);
      break;
    case 'PUBSUBDOMAIN': { // the last of the five the container sends after `loaded`
      credentials.pubsubDomain = payload;
      const ready = complete(credentials);
      if (ready) link.connect(ready);
      break;
    }
    case 'CONNECT_REQ': {
      const ready = complete(credentials);
      if (ready) link.connect(ready);
      break;
    }
    case 'DISCONNECT_REQ': link.disconnect('requested'); break;
    case 'NOTIFICATION_CONNECTION_TYPE': link.setTransport(payload === 'websocket' ? 'websocket' : 'bosh'); break;
    case 'SUBSCRIBE':
      void link.subscribe(payload).then((o) => post('SUBSCRIBE', encodeSubscribeReply(payload, o.ok ? undefined : o.errorXml)));
      break;
    case 'UNSUBSCRIBE':
      void link.unsubscribe(payload).then((o) => post('UNSUBSCRIBE', encodeSubscribeReply(payload, o.ok ? undefined : o.errorXml)));
      break;
    // Messages this end sends, never receives; and settings Poise does not need.
    case 'EVENT': case 'STATUS': case 'PRESENCE': case 'LOGGING': case 'SUBSCRIPTIONS_REQ':
    case 'XMPP_DISCONNECT_PROPERTIES':
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window.parent || window.parent === window) return;
  if (containerOrigin === undefined) {
    containerOrigin = event.origin; // the first message from the embedding window names its origin
    post('STATUS', 'loaded');
  } else if (event.origin !== containerOrigin) {
    return;
  }
  const message = decodeTunnelMessage(event.data);
  if (message) receive(message);
});

window.addEventListener('pagehide', () => link.unload());

post('STATUS', 'loaded');

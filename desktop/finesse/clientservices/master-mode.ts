// Master mode (desktop-and-gadgets.md §4.2, §4.3): the container's ClientServices holds the desktop's only XMPP
// connection through a hidden tunnel iframe on the notification service's origin. It relays the tunnel's
// statuses, presence and pubsub events onto the hub and answers the gadgets' `finesse.info.requests`.
import { gadgetsHub } from '../host.ts';
import { xml2js } from '../utilities/xml2js.ts';
import {
  decodeEventPayload, decodeSubscribeReply, decodeTunnelMessage, encodeTunnelMessage, topicOfNode,
  type TunnelMessageName,
} from '../../tunnel/protocol.ts';
import { ClientServices, type FinesseConfig } from './client-services.ts';
import { isConnectionStatus, parseInfoRequest, responseTopic, Topics, type ConnectionStatus, type InfoRequest } from './topics.ts';
import { tunnelUrlFromSystemInfo } from './tunnel-location.ts';

export interface BoshOptions {
  xmppDomain: string;
  pubsubDomain: string;
  resource: string;
  /** The tunnel page; by default the one on this node's notification service, from SystemInfo. */
  tunnelUrl?: string;
  /** Poise extension: XMPP over WebSocket (`/ws/`) instead of BOSH. */
  transport?: 'bosh' | 'websocket';
}

type Pending = (errorXml: string | undefined) => void;

class TunnelMaster {
  #frame?: HTMLIFrameElement;
  #tunnelOrigin?: string;
  #status?: ConnectionStatus;
  #resourceID: string;
  readonly #pending = { SUBSCRIBE: new Map<string, Pending[]>(), UNSUBSCRIBE: new Map<string, Pending[]>() };

  constructor(private readonly options: BoshOptions, private readonly config: FinesseConfig) {
    this.#resourceID = options.resource;
  }

  start(tunnelUrl: string): void {
    const url = new URL(tunnelUrl, location.href);
    url.searchParams.set('origin', location.origin);
    this.#tunnelOrigin = url.origin;
    window.addEventListener('message', this.#onMessage);
    gadgetsHub().subscribe(Topics.REQUESTS, (_topic, data) => this.#onRequest(data));
    const frame = document.createElement('iframe');
    frame.id = 'tunnel-frame';
    frame.title = 'notifications';
    frame.style.display = 'none';
    frame.src = url.href;
    this.#frame = frame;
    document.body.appendChild(frame);
  }

  /** The container's failover state (spec §7): gadgets suspend REST events on `failing`, refresh on `recovered`. */
  setFailoverMode(failing: boolean): void {
    this.#publishStatus(failing ? 'failing' : 'recovered');
  }

  #send(type: TunnelMessageName, payload: string): void {
    const target = this.#frame?.contentWindow;
    if (target && this.#tunnelOrigin) target.postMessage(encodeTunnelMessage({ type, payload }), this.#tunnelOrigin);
  }

  #publishStatus(status: ConnectionStatus): void {
    this.#status = status;
    gadgetsHub().publish(Topics.CONNECTION, { status, resourceID: this.#resourceID });
  }

  readonly #onMessage = (event: MessageEvent<unknown>): void => {
    if (event.source !== this.#frame?.contentWindow || event.origin !== this.#tunnelOrigin) return;
    const message = decodeTunnelMessage(event.data);
    if (!message) return;
    switch (message.type) {
      case 'STATUS':
        if (message.payload === 'loaded') return this.#sendCredentials();
        if (isConnectionStatus(message.payload)) this.#publishStatus(message.payload);
        return;
      case 'RESOURCEID':
        this.#resourceID = message.payload;
        return;
      case 'EVENT': {
        const event = decodeEventPayload(message.payload);
        if (!event) return;
        // Raw text with the node prefix kept, and its Goessner object (§4.3).
        const object = event.notification.startsWith('{') ? parseJson(event.notification) : xml2js(event.notification);
        gadgetsHub().publish(topicOfNode(event.node), { content: message.payload, object });
        return;
      }
      case 'PRESENCE':
        gadgetsHub().publish(Topics.PRESENCE, { content: message.payload, object: xml2js(message.payload) });
        return;
      case 'SUBSCRIBE':
      case 'UNSUBSCRIBE': {
        const reply = decodeSubscribeReply(message.payload);
        const queue = this.#pending[message.type].get(reply.node);
        const settle = queue?.shift();
        if (queue?.length === 0) this.#pending[message.type].delete(reply.node);
        settle?.(reply.errorXml);
        return;
      }
      default:
        return;
    }
  };

  /** After `loaded`: resource, id, domain, password, pubsub domain, in the order of §4.3. */
  #sendCredentials(): void {
    if (this.options.transport === 'websocket') this.#send('NOTIFICATION_CONNECTION_TYPE', 'websocket');
    this.#send('RESOURCEID', this.#resourceID);
    this.#send('ID', this.config.id ?? '');
    this.#send('XMPPDOMAIN', this.options.xmppDomain);
    this.#send('PASSWORD', this.config.password ?? '');
    this.#send('PUBSUBDOMAIN', this.options.pubsubDomain);
  }

  #onRequest(data: unknown): void {
    const request = parseInfoRequest(data);
    if (request) this.#answer(request);
  }

  #answer(request: InfoRequest): void {
    const respond = (payload: unknown) => gadgetsHub().publish(responseTopic(request.invokeID), payload);
    switch (request.type) {
      case 'ConnectionInfoReq':
        respond(undefined);
        // The asker learns the state the way everyone does; others see a duplicate, which §4.2 allows.
        if (this.#status) this.#publishStatus(this.#status);
        return;
      case 'SubscribeNodeReq':
      case 'UnsubscribeNodeReq': {
        if (this.#status !== 'connected' && this.#status !== 'recovered') {
          respond({ error: { errorType: 'Not connected', errorMessage: 'The desktop is not connected to the notification service' } });
          return;
        }
        const type = request.type === 'SubscribeNodeReq' ? 'SUBSCRIBE' : 'UNSUBSCRIBE';
        const queue = this.#pending[type].get(request.data.node) ?? [];
        queue.push((errorXml) => respond(errorXml === undefined ? undefined
          : { subscribe: { content: errorXml, object: xml2js(errorXml) ?? null } }));
        this.#pending[type].set(request.data.node, queue);
        this.#send(type, request.data.node);
        return;
      }
      case 'ConnectionReq':
        // The master connects with the credentials the container signed in with; no gadget may replace them.
        respond({ error: { errorType: 'Not allowed', errorMessage: 'ConnectionReq is handled by the master only' } });
        return;
    }
  }
}

function parseJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return null; }
}

let master: TunnelMaster | undefined;

/** Master only: publishes `failing` or `recovered` on `finesse.info.connection` (§7 step 2). */
export function setFailoverMode(failing: boolean): void {
  if (!master) throw new Error('setFailoverMode: this instance is not the master (call initBosh first)');
  master.setFailoverMode(failing);
}

/** Makes this instance the master: creates `iframe#tunnel-frame` and starts relaying (§1 step 5). Once per page. */
export function initBosh(options: BoshOptions): Promise<void> {
  if (master) return Promise.resolve();
  const config = ClientServices.getConfig();
  if (!config) throw new Error('ClientServices.init(config) must come before initBosh');
  if (!options?.xmppDomain || !options.pubsubDomain || !options.resource) throw new Error('initBosh needs xmppDomain, pubsubDomain and resource');
  master = new TunnelMaster(options, config);
  ClientServices.master = true;
  const started = master;
  const url = options.tunnelUrl ? Promise.resolve(options.tunnelUrl) : tunnelUrlFromSystemInfo(config);
  return url.then((tunnelUrl) => started.start(tunnelUrl));
}

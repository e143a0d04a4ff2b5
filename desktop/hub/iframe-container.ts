// IframeContainer (desktop-and-gadgets.md §4.1): one gadget iframe on the container page. It creates the
// iframe with a per-frame token in the URL fragment, and accepts from that frame's window, on the expected
// origin, only messages that carry the token; anything else is dropped with a security alert, so one gadget
// cannot speak for another and a gadget that sends garbage harms only itself.
import { HubErrors, SecurityAlerts, asHubErrorName, hubError, type SecurityAlert } from './errors.ts';
import type { ManagedHub } from './managed-hub.ts';
import type { ContainerCallbacks, HubContainer } from './types.ts';
import { decodeClientMessage, encode, frameFragment, newFrameToken, type ContainerMessage } from './wire.ts';

export interface IframeContainerParams {
  Container?: ContainerCallbacks;
  IframeContainer: {
    parent: HTMLElement;
    uri: string;
    /** Attributes of the iframe; `style` may be an object of CSS properties. */
    iframeAttrs?: Record<string, unknown>;
    /** ms the client has to connect before a LoadTimeout alert; none when absent or 0. */
    timeout?: number;
    /** Poise: the gadgets.rpc calls of the gadget (resize_iframe, set_title, set_pref, …). */
    onRpc?(service: string, args: unknown[], container: IframeContainer): void;
  };
}

export class IframeContainer implements HubContainer {
  readonly #hub: ManagedHub;
  readonly #clientId: string;
  readonly #callbacks: ContainerCallbacks;
  readonly #params: IframeContainerParams['IframeContainer'];
  readonly #token: string;
  readonly #iframe: HTMLIFrameElement;
  #uri: string;
  /** The origin of the iframe's URI; the origin of the page that connected, once one has. */
  #origin: string;
  #connected = false;
  #removed = false;
  #loadTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #listener = (event: MessageEvent): void => this.#onMessage(event);

  constructor(hub: ManagedHub, clientId: string, params: IframeContainerParams) {
    const frame = params?.IframeContainer;
    if (!hub || typeof clientId !== 'string' || clientId === '' || !frame?.parent || typeof frame.uri !== 'string') {
      throw hubError(HubErrors.BadParameters);
    }
    this.#hub = hub;
    this.#clientId = clientId;
    this.#callbacks = params.Container ?? {};
    this.#params = frame;
    this.#token = newFrameToken((bytes) => crypto.getRandomValues(bytes));
    this.#uri = frame.uri;
    this.#origin = new URL(frame.uri, location.href).origin;
    hub.addContainer(this);
    this.#iframe = document.createElement('iframe');
    applyAttributes(this.#iframe, { id: clientId, name: clientId, ...frame.iframeAttrs });
    window.addEventListener('message', this.#listener);
    this.#iframe.src = this.#frameUrl();
    frame.parent.appendChild(this.#iframe);
    this.#armLoadTimer();
  }

  getHub(): ManagedHub { return this.#hub; }
  getClientID(): string { return this.#clientId; }
  isConnected(): boolean { return this.#connected; }
  getIframe(): HTMLIFrameElement { return this.#iframe; }
  getURI(): string { return this.#uri; }
  getPartnerOrigin(): string | null { return this.#connected ? this.#origin : null; }

  sendToClient(topic: string, data: unknown, subscriptionId: string): void {
    this.#post({ k: 'dlv', sid: subscriptionId, topic, ...(data === undefined ? {} : { data }) });
  }

  /** Poise: calls a gadgets.rpc service the gadget registered. */
  callClient(service: string, args: unknown[]): void {
    this.#post({ k: 'rpc', service, args });
  }

  /** Loads the iframe again, from a new URI if given; the new page connects afresh. */
  reload(uri?: string): void {
    if (this.#removed) throw hubError(HubErrors.NoContainer);
    this.#clientGone();
    if (uri !== undefined) this.#uri = uri;
    this.#origin = new URL(this.#uri, location.href).origin;
    this.#iframe.src = this.#frameUrl();
    this.#armLoadTimer();
  }

  remove(): void {
    if (this.#removed) return;
    this.#removed = true;
    window.removeEventListener('message', this.#listener);
    clearTimeout(this.#loadTimer);
    if (this.#hub.getContainer(this.#clientId) === this) this.#hub.removeContainer(this);
    this.#clientGone();
    this.#iframe.remove();
  }

  #frameUrl(): string {
    const fragment = frameFragment({ token: this.#token, parentOrigin: location.origin });
    return this.#uri.includes('#') ? `${this.#uri}&${fragment}` : `${this.#uri}#${fragment}`;
  }

  #armLoadTimer(): void {
    clearTimeout(this.#loadTimer);
    const timeout = this.#params.timeout;
    if (timeout && timeout > 0) {
      this.#loadTimer = setTimeout(() => { if (!this.#connected) this.#alert(SecurityAlerts.LoadTimeout); }, timeout);
    }
  }

  #onMessage(event: MessageEvent): void {
    if (this.#removed || event.source === null || event.source !== this.#iframe.contentWindow) return;
    const decoded = decodeClientMessage(event.data, this.#token);
    if (decoded.kind === 'foreign') return;
    if (decoded.kind !== 'message') return this.#alert(SecurityAlerts.ForgedMsg);
    const message = decoded.message;
    // A `Content type="url"` gadget is redirected from /gadgets/ifr to its own page, possibly on another origin,
    // carrying the fragment: the page that connects with this frame's token, from this frame, sets the origin.
    const connecting = message.k === 'con' && !this.#connected && event.origin !== 'null';
    if (event.origin !== this.#origin && !connecting) return this.#alert(SecurityAlerts.FramePhish);
    switch (message.k) {
      case 'con':
        this.#origin = event.origin;
        if (this.#connected) this.#hub.dropClientSubscriptions(this);   // the frame's new page
        this.#connected = true;
        clearTimeout(this.#loadTimer);
        this.#post({ k: 'con-ok', clientId: this.#clientId });
        this.#callbacks.onConnect?.call(this.#callbacks.scope, this);
        return;
      case 'rpc':
        this.#params.onRpc?.(message.service, message.args, this);
        return;
    }
    if (!this.#connected) return;   // a late message of a page that already disconnected
    switch (message.k) {
      case 'dis':
        this.#clientGone();
        this.#post({ k: 'dis-ok' });
        return;
      case 'sub':
        try {
          this.#hub.subscribeForClient(this, message.topic, message.sid);
          this.#post({ k: 'sub-ok', sid: message.sid });
        } catch (err) {
          this.#post({ k: 'sub-err', sid: message.sid, err: asHubErrorName(err instanceof Error ? err.message : err) });
        }
        return;
      case 'uns':
        try {
          this.#hub.unsubscribeForClient(this, message.sid);
        } catch {
          // a subscription the hub refused: nothing to undo
        }
        this.#post({ k: 'uns-ok', sid: message.sid });
        return;
      case 'pub':
        try {
          this.#hub.publishForClient(this, message.topic, message.data);
        } catch (err) {
          this.#log(`publish refused: ${err instanceof Error ? err.message : String(err)}`);
        }
        return;
    }
  }

  #clientGone(): void {
    if (!this.#connected) return;
    this.#connected = false;
    this.#hub.dropClientSubscriptions(this);
    this.#callbacks.onDisconnect?.call(this.#callbacks.scope, this);
  }

  #post(message: ContainerMessage): void {
    this.#iframe.contentWindow?.postMessage(encode(this.#token, message), this.#origin);
  }

  #alert(alert: SecurityAlert): void {
    this.#hub.securityAlert(this, alert);
    this.#callbacks.onSecurityAlert?.call(this.#callbacks.scope, this, alert);
  }

  #log(message: string): void {
    this.#callbacks.log?.call(this.#callbacks.scope, message);
  }
}

function applyAttributes(iframe: HTMLIFrameElement, attrs: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'style' && typeof value === 'object' && value !== null) {
      for (const [property, css] of Object.entries(value)) iframe.style.setProperty(kebab(property), String(css));
    } else if (value !== undefined && value !== null) {
      iframe.setAttribute(name, String(value));
    }
  }
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

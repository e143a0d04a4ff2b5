// IframeHubClient (desktop-and-gadgets.md §4.1): the hub client inside a gadget iframe. It learns its token and
// the container's origin from the `#rpctoken=…&oahParent=…` fragment, talks only to its parent window on that
// origin, and ignores (with a security alert) any message without the token.
import { HubErrors, SecurityAlerts } from './errors.ts';
import { HubClientCore, type HubClientParams } from './hub-client-core.ts';
import { decodeContainerMessage, encode, parseFrameFragment, type ClientMessage, type FrameParams } from './wire.ts';

export interface IframeHubClientParams extends HubClientParams {
  IframeHubClient?: {
    /** Poise: gadgets.rpc calls made by the container. */
    onRpc?(service: string, args: unknown[]): void;
  };
}

export class IframeHubClient extends HubClientCore {
  readonly #frame: FrameParams | undefined;
  readonly #parent: Window;
  readonly #listener = (event: MessageEvent): void => this.#onMessage(event);

  constructor(params?: IframeHubClientParams) {
    super(params);
    this.#frame = parseFrameFragment(location.hash);
    this.#parent = window.parent;
    if (this.#frame) window.addEventListener('message', this.#listener);
  }

  /** Poise: whether the page was opened by a container (its URL carries the frame parameters). */
  hasContainer(): boolean { return this.#frame !== undefined && this.#parent !== window; }

  /** Poise: a gadgets.rpc call to the container. */
  callContainer(service: string, args: unknown[]): void {
    this.#send({ k: 'rpc', service, args });
  }

  protected sendConnect(): void {
    if (!this.hasContainer()) {
      this.connectFailed(HubErrors.NoContainer);
      return;
    }
    this.#send({ k: 'con' });
  }

  protected sendDisconnect(): void { this.#send({ k: 'dis' }); }
  protected sendSubscribe(subscriptionId: string, topic: string): void { this.#send({ k: 'sub', sid: subscriptionId, topic }); }
  protected sendUnsubscribe(subscriptionId: string): void { this.#send({ k: 'uns', sid: subscriptionId }); }

  protected sendPublish(topic: string, data: unknown): void {
    // Data crosses frames as JSON: refuse what JSON cannot carry here, where the publisher can see it.
    let message: string;
    try {
      message = encode(this.#frame?.token ?? '', { k: 'pub', topic, ...(data === undefined ? {} : { data }) });
    } catch {
      throw new Error(HubErrors.BadParameters);
    }
    this.#postRaw(message);
  }

  #send(message: ClientMessage): void {
    if (!this.#frame) return;
    this.#postRaw(encode(this.#frame.token, message));
  }

  #postRaw(message: string): void {
    if (this.#frame) this.#parent.postMessage(message, this.#frame.parentOrigin);
  }

  #onMessage(event: MessageEvent): void {
    const frame = this.#frame;
    if (!frame || event.source !== this.#parent) return;
    const decoded = decodeContainerMessage(event.data, frame.token);
    if (decoded.kind === 'foreign') return;
    if (event.origin !== frame.parentOrigin) return this.securityAlert(SecurityAlerts.FramePhish);
    if (decoded.kind !== 'message') return this.securityAlert(SecurityAlerts.ForgedMsg);
    const message = decoded.message;
    switch (message.k) {
      case 'con-ok': return this.connected(message.clientId);
      case 'dis-ok': return;
      case 'sub-ok': return this.subscribeAnswered(message.sid);
      case 'sub-err': return this.subscribeAnswered(message.sid, message.err);
      case 'uns-ok': return this.unsubscribeAnswered(message.sid);
      case 'dlv': return this.deliver(message.sid, message.topic, message.data);
      case 'rpc': return this.#params().onRpc?.(message.service, message.args);
    }
  }

  #params(): NonNullable<IframeHubClientParams['IframeHubClient']> {
    return (this.params as IframeHubClientParams).IframeHubClient ?? {};
  }
}

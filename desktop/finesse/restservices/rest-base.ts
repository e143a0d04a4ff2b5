// finesse.restservices.RestBase (desktop-and-gadgets.md §5): a REST object that loads itself with GET, follows
// the notifications of its node on the hub topic of its URL (`/finesse/api/User/agent1` →
// `finesse.api.User.agent1`), and tells its handlers: first load `load`, later GET or PUT `change`, POST `add`,
// DELETE `delete`.
import { ClientServices } from '../clientservices/client-services.ts';
import { topicOfNode } from '../../tunnel/protocol.ts';
import { Utilities } from '../utilities/utilities.ts';
import type { XmlJsObject, XmlJsValue } from '../utilities/xml2js.ts';
import { sendRestRequest, settleByNotification, type RestHandlers, type RestResponse } from './rest-request.ts';

export type Handler = (subject: unknown) => void;
export type HandlerType = 'load' | 'change' | 'add' | 'delete' | 'error' | 'collectionAdd' | 'collectionDelete';

export interface RestOptions {
  id?: string;
  onLoad?: Handler;
  onChange?: Handler;
  onAdd?: Handler;
  onDelete?: Handler;
  onError?: Handler;
  onCollectionAdd?: Handler;
  onCollectionDelete?: Handler;
  /** Already-known data: no GET (items of a collection). */
  data?: XmlJsObject;
  parentObj?: RestBase;
  /** No hub subscription: items a collection keeps up to date. */
  doNotSubscribe?: boolean;
  doNotRefresh?: boolean;
}

export const API = '/finesse/api';
const RETRY_MS = 1000;

export const isObject = (v: XmlJsValue | undefined | unknown): v is XmlJsObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const textOf = (v: XmlJsValue | undefined): string => (typeof v === 'string' ? v : '');
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export class RestBase {
  protected _id: string;
  protected _data: XmlJsObject | undefined;
  protected _loaded = false;
  protected readonly _options: RestOptions;
  protected readonly _parent: RestBase | undefined;
  readonly #handlers = new Map<HandlerType, { cb: Handler; scope: unknown }[]>();
  #topic?: string;
  #onNotification?: (topic: string, data: unknown) => void;
  #stopStatus?: () => void;

  constructor(options: RestOptions = {}) {
    this._options = options;
    this._id = options.id ?? '';
    this._parent = options.parentObj;
    const initial: [HandlerType, Handler | undefined][] = [['load', options.onLoad], ['change', options.onChange],
      ['add', options.onAdd], ['delete', options.onDelete], ['error', options.onError],
      ['collectionAdd', options.onCollectionAdd], ['collectionDelete', options.onCollectionDelete]];
    for (const [type, cb] of initial) if (typeof cb === 'function') this.addHandler(type, cb);
    if (options.data) { // readable at once: a collection hands new items to its handlers straight away
      this._data = options.data;
      this._loaded = true;
      if (!this._id) this._id = textOf(options.data.id) || Utilities.getId(textOf(options.data.uri));
    }
    // Subclass fields are set after this constructor; start once they are.
    queueMicrotask(() => this._start());
  }

  /** The resource name in the URL and the XML root: `User`, `Dialog`. */
  getRestType(): string { return 'RestBase'; }
  /** The root element of its XML, the resource name unless it differs. */
  getXmlRoot(): string { return this.getRestType(); }
  /** Whether this object's node needs an explicit subscription (Team Users, Queue: notifications.md §3.1). */
  explicitSubscription(): boolean { return false; }
  /** Whether this object has a node at all. */
  supportsSubscriptions(): boolean { return true; }
  /** The key of this object's data inside an `<Update><data>`: `user`, `dialog`. */
  notificationKey(): string { return lowerFirst(this.getRestType()); }

  getId(): string { return this._id; }
  getData(): XmlJsObject | undefined { return this._data; }
  isLoaded(): boolean { return this._loaded; }
  getRestUrl(): string {
    if (this._parent) return `${this._parent.getRestUrl()}/${this.getRestType()}`;
    return `${API}/${this.getRestType()}${this._id ? `/${encodeURIComponent(this._id)}` : ''}`;
  }
  /** The pubsub node, and so the hub topic, of this object. */
  getNode(): string { return this.getRestUrl(); }

  addHandler(type: HandlerType, cb: Handler, scope?: unknown): void {
    const list = this.#handlers.get(type) ?? [];
    list.push({ cb, scope });
    this.#handlers.set(type, list);
    if (type === 'load' && this._loaded) this.#call(cb, scope, this);
  }

  removeHandler(type: HandlerType, cb: Handler): void {
    this.#handlers.set(type, (this.#handlers.get(type) ?? []).filter((h) => h.cb !== cb));
  }

  /** GET again; `retries` more attempts a second apart when it fails. */
  refresh(retries = 0): void {
    this._get((rsp) => { if (retries > 0) setTimeout(() => this.refresh(retries - 1), RETRY_MS); else this._fire('error', rsp); });
  }

  /** Ends the hub subscription (and the explicit node subscription). */
  destroy(): void {
    this.detach();
    if (this.explicitSubscription()) ClientServices.unsubscribeNode(this.getNode(), undefined);
  }

  /**
   * Stops hearing notifications but leaves the explicit node subscription, which the desktop's one XMPP session
   * shares with any other object on the same node.
   */
  detach(): void {
    if (this.#topic && this.#onNotification) ClientServices.unsubscribe(this.#topic, this.#onNotification);
    this.#topic = undefined;
    this.#stopStatus?.();
    this.#stopStatus = undefined;
  }

  protected _fire(type: HandlerType, subject: unknown): void {
    for (const { cb, scope } of [...(this.#handlers.get(type) ?? [])]) this.#call(cb, scope, subject);
  }

  #call(cb: Handler, scope: unknown, subject: unknown): void {
    try { cb.call(scope, subject); } catch (err) { console.error(`finesse: a ${this.getRestType()} handler threw`, err); }
  }

  protected _start(): void {
    if (this._options.data) this._setData(this._options.data); // again, for subclasses that index it
    if (this._options.doNotSubscribe || !this.supportsSubscriptions()) {
      if (!this._options.data && !this._options.doNotRefresh) this._get((rsp) => this._fire('error', rsp));
      return;
    }
    this.#topic = topicOfNode(this.getNode());
    this.#onNotification = (_topic, data) => this.#receive(data);
    ClientServices.subscribe(this.#topic, this.#onNotification, true);
    const load = () => { if (!this._options.data && !this._options.doNotRefresh) this._get((rsp) => this._fire('error', rsp)); };
    let subscribed = !this.explicitSubscription();
    const subscribeNode = (then?: () => void) => ClientServices.subscribeNode(this.getNode(), (_invokeID, rsp) => {
      // `{error}`: the master was not connected yet, so try again once it is; an XMPP refusal is final.
      subscribed = !(typeof rsp === 'object' && rsp !== null && 'error' in rsp);
      then?.();
    });
    this.#stopStatus = ClientServices.onStatus((status, previous) => {
      if (status === 'connected' && !subscribed) subscribeNode();
      // Events may have been missed while the connection was down or the node failing over: read again (§7 step 2).
      if (status === 'recovered' || (status === 'connected' && previous !== undefined && previous !== 'connected' && previous !== 'connecting')) {
        this.refresh(10);
      }
    });
    if (this.explicitSubscription()) subscribeNode(load);
    else load();
  }

  /** GET the object; the first success is `load`, later ones `change`. */
  protected _get(onError: (rsp: RestResponse) => void): void {
    const url = this.getRestUrl();
    sendRestRequest('GET', `${url}${url.includes('?') ? '&' : '?'}nocache=${Date.now()}`, undefined, {
      success: (rsp) => {
        const data = rsp.object?.[this.getXmlRoot()];
        this._setData(isObject(data) ? data : {});
        this.#loadedOrChanged();
      },
      error: onError,
    });
  }

  #loadedOrChanged(): void {
    if (this._loaded) return this._fire('change', this);
    this._loaded = true;
    this._fire('load', this);
  }

  protected _setData(data: XmlJsObject): void {
    this._data = data;
    if (!this._id) this._id = this._idFromData(data);
  }

  protected _idFromData(data: XmlJsObject): string {
    return textOf(data.id) || Utilities.getId(textOf(data.uri));
  }

  #receive(message: unknown): void {
    if (!isObject(message)) return;
    const content = typeof message.content === 'string' ? message.content : '';
    const update = isObject(message.object) ? message.object.Update : undefined;
    if (!isObject(update)) return;
    if (settleByNotification(update, content)) return;
    this._processUpdate(update);
  }

  /** One notification on this object's node (§4.3): PUT changed, POST created, DELETE removed. */
  protected _processUpdate(update: XmlJsObject): void {
    const event = textOf(update.event);
    const data = isObject(update.data) ? update.data[this.notificationKey()] : undefined;
    if (isObject(data)) this._setData(data);
    if (event === 'PUT') this.#loadedOrChanged();
    else if (event === 'POST') this._fire('add', this);
    else if (event === 'DELETE') this._fire('delete', this);
  }

  /** New data without telling the handlers (a collection refreshing its items). */
  replaceData(data: XmlJsObject): void { this._setData(data); }

  /** New data for this object from its collection's node: a `change`. */
  applyChange(data: XmlJsObject): void {
    this._setData(data);
    this.#loadedOrChanged();
  }

  /** A write to this object's URL (or `url`), XML built from `{Type: {...}}`. */
  protected _write(method: 'PUT' | 'POST' | 'DELETE', body: XmlJsObject | undefined, handlers: RestHandlers | undefined, url = this.getRestUrl()): this {
    sendRestRequest(method, url, body ? Utilities.js2xml(body) : undefined, handlers ?? {});
    return this;
  }
}

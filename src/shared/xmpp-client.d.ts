// The part of @xmpp/client (untyped JavaScript) Poise uses: the web service's publisher link to a notification
// service in another node, and the acceptance tests' clients.
declare module '@xmpp/client' {
  import type { EventEmitter } from 'node:events';
  import type { Element } from 'ltx';

  /** SASL PLAIN sends `authzid NUL username NUL password` (RFC 4616). */
  export type Authenticate = (credentials: { username: string; password: string; authzid?: string }, mechanism: string) => Promise<void>;

  export interface XmppClient extends EventEmitter {
    start(): Promise<unknown>;
    stop(): Promise<unknown>;
    send(element: Element): Promise<void>;
    /** Writes serialised XML as it is. */
    write(text: string): Promise<void>;
    status: string;
    jid: { toString(): string } | null;
    iqCaller: { request(element: Element, timeout?: number): Promise<Element> };
    reconnect: { stop(): void };
  }

  export function client(options: {
    service: string; domain?: string; resource?: string; username?: string; password?: string;
    credentials?: (authenticate: Authenticate, mechanisms: string[]) => Promise<void>;
  }): XmppClient;

  export function xml(name: string, attrs?: Record<string, string> | null, ...children: Array<Element | string>): Element;
}

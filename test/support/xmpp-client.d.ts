// The part of @xmpp/client (untyped JavaScript) the acceptance tests use.
declare module '@xmpp/client' {
  import type { EventEmitter } from 'node:events';
  import type { Element } from 'ltx';

  export type Authenticate = (credentials: { username: string; password: string }, mechanism: string) => Promise<void>;

  export interface XmppClient extends EventEmitter {
    start(): Promise<unknown>;
    stop(): Promise<unknown>;
    send(element: Element): Promise<void>;
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

// One application's link: open with credentials, then requests in arrival order, events pushed as the session
// receives them. Its provider session lives as long as the socket: when the link closes the session shuts down
// (its devices are unregistered) while the calls themselves stay up in the call model.
import type { Logger } from '../../shared/logger.ts';
import type { CallSnapshot } from '../calls/types.ts';
import type { TelephonyProvider } from '../provider/provider.ts';
import type { ProviderSession, ReplyWith } from '../provider/types.ts';
import { carryOut } from './carry-out.ts';
import { encode, parseClientFrame, type LinkRequest } from './codec.ts';
import { CLOSE_OPEN_REFUSED, type LinkAgent, type LinkCondition, type OpenMessage, type ServerMessage } from './messages.ts';

export interface LinkPeer {
  send(text: string): void;
  /** Closes the socket after what was sent. */
  close(code: number, reason: string): void;
}

export interface LinkConnectionDeps {
  readonly provider: TelephonyProvider;
  readonly agents: () => Promise<readonly LinkAgent[]>;
  readonly log: Logger;
}

export class LinkConnection {
  #session: ProviderSession | undefined;
  #opening = false;
  #closed = false;
  #unsubscribe: (() => void) | undefined;
  /** The request running now: the events it causes name it. */
  #causing: number | undefined;
  /** Requests run one after another so replies leave in the order the requests came. */
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly peer: LinkPeer, private readonly deps: LinkConnectionDeps) {}

  get appUserId(): string | undefined { return this.#session?.appUserId; }

  receive(frame: string): void {
    const parsed = parseClientFrame(frame);
    switch (parsed.kind) {
      case 'link-error':
        this.deps.log.warn({ condition: parsed.condition, reason: parsed.message }, 'provider link: bad frame');
        this.#error(parsed.condition, parsed.message, parsed.id);
        return;
      case 'invalid-request':
        if (!this.#session) return this.#error('not-open', 'open the provider first', parsed.id);
        this.#send({ type: 'reply', id: parsed.id, reply: { ok: false, error: 'InvalidArgument', message: parsed.message } });
        return;
      case 'open':
        this.#open(parsed.message).catch((err: unknown) => {
          this.#opening = false;
          this.deps.log.error({ err }, 'provider link: open failed');
          this.#error('open-refused', 'the call manager could not check the credentials');
        });
        return;
      case 'request':
        if (!this.#session) return this.#error('not-open', 'open the provider first', parsed.request.id);
        this.#enqueue(parsed.request, this.#session);
        return;
    }
  }

  /** The directory's agents changed: the application reads them again. */
  directoryChanged(): void {
    if (this.#session) this.#send({ type: 'directoryChanged' });
  }

  /** The socket is gone: the session's registrations are released, its calls stay. */
  closed(): void {
    this.#closed = true;
    this.#unsubscribe?.();
    this.#session?.shutdown();
  }

  async #open(message: OpenMessage): Promise<void> {
    if (this.#session || this.#opening) return this.#error('already-open', 'the provider is already open');
    this.#opening = true;
    const opened = await this.deps.provider.openProvider({ appUser: message.appUser, password: message.password });
    this.#opening = false;
    if (!opened.ok) {
      this.deps.log.warn({ appUser: message.appUser, error: opened.error }, 'provider link: open refused');
      this.#error('open-refused', `${opened.error}: ${opened.message}`);
      this.peer.close(CLOSE_OPEN_REFUSED, 'open refused');
      return;
    }
    const session = opened.value;
    if (this.#closed) return session.shutdown();
    this.#session = session;
    // Each event carries the call as it stands now, which the application keeps (JTAPI's client-side call).
    this.#unsubscribe = session.onEvent((event) => {
      const call: ReplyWith<CallSnapshot> = session.getCall({ callId: event.callId });
      this.#send({ type: 'event', event, call, ...(this.#causing === undefined ? {} : { cause: this.#causing }) });
    });
    this.deps.log.info({ appUser: session.appUserId }, 'provider link open');
    this.#send({ type: 'opened', appUserId: session.appUserId, runId: this.deps.provider.runId });
  }

  #enqueue(request: LinkRequest, session: ProviderSession): void {
    this.#queue = this.#queue.then(async () => {
      // The provider emits the events a request causes while it runs, so they go out before its reply.
      this.#causing = request.id;
      let running;
      try {
        running = carryOut(session, request, this.deps.agents);
      } finally {
        this.#causing = undefined;
      }
      const reply = await running;
      this.#send({ type: 'reply', id: request.id, reply });
    }).catch((err: unknown) => {
      this.deps.log.error({ err, method: request.method }, 'provider link request failed');
      this.#send({ type: 'reply', id: request.id, reply: { ok: false, error: 'InvalidState', message: 'the request failed in the call manager' } });
    });
  }

  #error(condition: LinkCondition, message: string, id?: number): void {
    this.#send({ type: 'error', condition, message, ...(id === undefined ? {} : { id }) });
  }

  #send(message: ServerMessage): void {
    if (!this.#closed) this.peer.send(encode(message));
  }
}

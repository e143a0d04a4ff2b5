// One BOSH session (XEP-0124 §7–§14, XEP-0206): the request window by rid, held requests answered within
// `wait`, retransmission of recent answers, inactivity. It is the SessionTransport of one XMPP session, so the
// session model is the same as on TCP and WebSocket. Every timer here is cleared in #gone().
import type { XmppSession } from '../../session/session.ts';
import type { SessionTransport } from '../../session/transport.ts';
import { renderBody, terminateBody, type BoshCondition, type BoshRequest } from './body.ts';

export type Respond = (xml: string) => void;

export interface BoshSessionSettings {
  /** Seconds a request is held when there is nothing to send (the client's, at most 30: §6). */
  wait: number;
  hold: number;
  /** Requests the client may have in flight; also the rid window and the answers kept for retransmission. */
  requests: number;
  /** Seconds without a held request before the session ends (§6: 30). */
  inactivity: number;
  /** Only when the client asked with ack='1' (XEP-0124 §9). */
  ack: boolean;
}

interface Held { rid: number; respond: Respond; timer: NodeJS.Timeout }

export class BoshSession implements SessionTransport {
  readonly kind = 'bosh';
  #session: XmppSession | undefined;
  #nextRid = 0;
  #lastRid = 0;
  #held: Held[] = [];
  readonly #early = new Map<number, { request: BoshRequest; respond: Respond }>();
  readonly #answered = new Map<number, string>();
  #pending: string[] = [];
  #pendingBytes = 0;
  #creation: Record<string, string | number> | undefined;
  #ended = false;
  #inactivity: NodeJS.Timeout | undefined;
  #flush: NodeJS.Immediate | undefined;

  constructor(readonly sid: string, readonly settings: BoshSessionSettings, private readonly onGone: (session: BoshSession) => void) {}

  get session(): XmppSession | undefined { return this.#session; }

  /** The session-creation request (§7.1): its answer carries the session attributes and the first features. */
  start(session: XmppSession, request: BoshRequest, creation: Record<string, string | number>, respond: Respond): void {
    this.#session = session;
    this.#creation = creation;
    this.#nextRid = request.rid + 1;
    this.#lastRid = request.rid;
    this.#hold(request.rid, respond);
    session.receive({ type: 'open', attrs: { to: request.attrs.to ?? '', version: request.attrs['xmpp:version'] ?? '1.0' } });
  }

  handle(request: BoshRequest, respond: Respond): void {
    if (this.#ended) return respond(terminateBody('item-not-found'));
    const { rid } = request;
    if (rid < this.#nextRid) return this.#repeat(rid, respond);
    if (rid >= this.#nextRid + this.settings.requests) return this.#fail('item-not-found', respond); // §14.3: outside the window
    if (rid > this.#nextRid) {
      if (this.#early.size >= this.settings.requests) return this.#fail('policy-violation', respond); // overactivity (§11)
      this.#early.set(rid, { request, respond });
      return;
    }
    this.#process(request, respond);
    for (let next = this.#early.get(this.#nextRid); next; next = this.#early.get(this.#nextRid)) {
      this.#early.delete(next.request.rid);
      this.#process(next.request, next.respond);
    }
  }

  /** The HTTP request went away before its answer: forget it, so no answer is written into a closed socket. */
  abandon(respond: Respond): void {
    const index = this.#held.findIndex((h) => h.respond === respond);
    if (index < 0) return;
    const [held] = this.#held.splice(index, 1);
    clearTimeout(held?.timer);
    this.#idleIfEmpty();
  }

  // SessionTransport
  openStream(): void {} // the stream id is the session's authid, sent once in the creation answer
  restart(): void {}
  send(xml: string): void {
    if (this.#ended) return;
    this.#pending.push(xml);
    this.#pendingBytes += Buffer.byteLength(xml);
    this.#scheduleFlush();
  }
  queuedBytes(): number { return this.#pendingBytes; }
  end(streamErrorXml?: string): void {
    if (this.#ended) return;
    const payloads = this.#takePending();
    if (streamErrorXml !== undefined) payloads.push(streamErrorXml);
    const body = terminateBody(streamErrorXml === undefined ? undefined : 'remote-stream-error', payloads);
    for (const held of this.#held) {
      clearTimeout(held.timer);
      held.respond(body);
    }
    this.#held = [];
    this.#gone();
  }

  /** Server shutdown or inactivity: every timer stops and the session model hears the connection is gone. */
  #gone(): void {
    this.#ended = true;
    clearTimeout(this.#inactivity);
    if (this.#flush) clearImmediate(this.#flush);
    this.#flush = undefined;
    for (const held of this.#held) clearTimeout(held.timer);
    for (const { respond } of this.#early.values()) respond(terminateBody());
    this.#early.clear();
    this.onGone(this);
  }

  #process(request: BoshRequest, respond: Respond): void {
    const session = this.#session;
    this.#nextRid = request.rid + 1;
    this.#lastRid = request.rid;
    // With `requests` in flight, sending this rid proves the answers below the window arrived (§14.3): an
    // idle session keeps one answer for retransmission, not `requests` of them, each maybe a whole item.
    for (const old of this.#answered.keys()) if (old <= request.rid - this.settings.requests) this.#answered.delete(old);
    this.#hold(request.rid, respond);
    if (!session) return;
    if (request.attrs['xmpp:restart'] === 'true') {
      session.receive({ type: 'open', attrs: { to: request.attrs.to ?? '', version: '1.0' } }); // XEP-0206 §5
    }
    for (const element of request.payloads) session.receive({ type: 'stanza', element });
    if (request.attrs.type === 'terminate') session.receive({ type: 'close' }); // its answer is the terminate body
  }

  /** §14.3: an answered rid gets its answer again; a held one answers the old copy and holds the new. */
  #repeat(rid: number, respond: Respond): void {
    const held = this.#held.find((h) => h.rid === rid);
    if (held) {
      held.respond(renderBody({ type: 'error' }));
      held.respond = respond;
      return;
    }
    const answer = this.#answered.get(rid);
    if (answer === undefined) return this.#fail('item-not-found', respond);
    respond(answer);
  }

  #hold(rid: number, respond: Respond): void {
    clearTimeout(this.#inactivity);
    this.#inactivity = undefined;
    const held: Held = { rid, respond, timer: setTimeout(() => this.#answer(held, []), this.settings.wait * 1000) };
    this.#held.push(held);
    // §6: a new request while `hold` are held releases the oldest at once.
    while (this.#held.length > this.settings.hold) {
      const oldest = this.#held[0];
      if (oldest) this.#answer(oldest, this.#takePending());
    }
    this.#scheduleFlush();
  }

  #answer(held: Held, payloads: readonly string[]): void {
    clearTimeout(held.timer);
    this.#held = this.#held.filter((h) => h !== held);
    const attrs: Record<string, string | number> = { ...this.#creation };
    this.#creation = undefined;
    if (this.settings.ack && held.rid !== this.#lastRid) attrs.ack = this.#lastRid; // XEP-0124 §9.1
    const body = renderBody(attrs, payloads);
    this.#answered.set(held.rid, body);
    for (const old of this.#answered.keys()) if (old <= held.rid - this.settings.requests) this.#answered.delete(old);
    held.respond(body);
    this.#idleIfEmpty();
  }

  #idleIfEmpty(): void {
    if (this.#held.length > 0 || this.#ended || this.#inactivity) return;
    this.#inactivity = setTimeout(() => {
      this.#session?.log.info('BOSH session inactive; ending it');
      this.#gone();
    }, this.settings.inactivity * 1000);
  }

  /** Stanzas sent in one tick go out in one response (notifications.md §14 "Fan-out"). */
  #scheduleFlush(): void {
    if (this.#ended || this.#pending.length === 0) return;
    this.#flush ??= setImmediate(() => {
      this.#flush = undefined;
      const oldest = this.#held[0];
      if (oldest && this.#pending.length > 0) this.#answer(oldest, this.#takePending());
    });
  }

  #takePending(): string[] {
    const payloads = this.#pending;
    this.#pending = [];
    this.#pendingBytes = 0;
    return payloads;
  }

  #fail(condition: BoshCondition, respond: Respond): void {
    respond(terminateBody(condition));
    this.#session?.log.warn({ condition }, 'BOSH request outside the rules; terminating');
    this.end();
  }
}

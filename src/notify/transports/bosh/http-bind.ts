// /http-bind (XEP-0124 over HTTP POST, notifications.md §6): reads bodies within the size limit, creates
// sessions, routes requests to them by sid. HTTP status is 200 always; errors are terminal binding conditions.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../../shared/logger.ts';
import { NS } from '../../xmpp/namespaces.ts';
import type { NotifyServer } from '../../notify-server.ts';
import { decodeBody, terminateBody, type BoshRequest } from './body.ts';
import { BoshSession, type Respond } from './bosh-session.ts';
import { LazyConnectionLog } from '../../session/connection-log.ts';

export interface BoshOptions {
  /** Longest hold, seconds (§6: 30, the Finesse desktop's). */
  maxWait: number;
  inactivity: number;
  /** §11: 128 KiB. */
  maxBodyBytes: number;
}

export const DEFAULT_BOSH_OPTIONS: BoshOptions = { maxWait: 30, inactivity: 30, maxBodyBytes: 128 * 1024 };

const HOLD = 1;
const REQUESTS = 2; // hold + 1, Openfire's default (§6)
const POLLING = 5;
const MAX_VERSION = [1, 11] as const;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};

export class BoshEndpoint {
  readonly #sessions = new Map<string, BoshSession>();
  #nextConn = 0;

  constructor(private readonly notify: NotifyServer, private readonly log: Logger, private readonly options = DEFAULT_BOSH_OPTIONS) {}

  get sessionCount(): number { return this.#sessions.size; }

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'OPTIONS') {
      res.writeHead(200, CORS).end();
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST, OPTIONS', ...CORS }).end();
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.options.maxBodyBytes) return this.#reply(res, terminateBody('policy-violation'), undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= this.options.maxBodyBytes) chunks.push(chunk); // checked before buffering
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const decoded = decodeBody(Buffer.concat(chunks), size > this.options.maxBodyBytes ? -1 : this.options.maxBodyBytes);
      if (!decoded.ok) {
        this.log.warn({ condition: decoded.condition, bytes: size }, 'BOSH body refused; terminating');
        return this.#reply(res, terminateBody(decoded.condition), undefined);
      }
      this.#dispatch(decoded.request, res);
    });
  }

  /** Server shutdown: sessions get their stream error through the session model first; then everything stops. */
  close(): void {
    for (const bosh of [...this.#sessions.values()]) bosh.end();
  }

  #dispatch(request: BoshRequest, res: ServerResponse): void {
    if (request.sid === undefined) return this.#create(request, res);
    const bosh = this.#sessions.get(request.sid);
    if (!bosh) return this.#reply(res, terminateBody('item-not-found'), undefined);
    const respond = this.#responder(res, request.attrs.content);
    res.on('close', () => bosh.abandon(respond));
    bosh.handle(request, respond);
  }

  #create(request: BoshRequest, res: ServerResponse): void {
    const { attrs } = request;
    const asked = Number(attrs.wait ?? this.options.maxWait);
    const wait = Number.isFinite(asked) && asked >= 0 ? Math.min(asked, this.options.maxWait) : this.options.maxWait;
    const hold = attrs.hold === '0' ? 0 : HOLD;
    const sid = randomBytes(8).toString('hex');
    const bosh = new BoshSession(sid, {
      wait, hold, requests: REQUESTS, inactivity: wait === 0 || hold === 0 ? 60 : this.options.inactivity, ack: attrs.ack === '1',
    }, (gone) => {
      this.#sessions.delete(gone.sid);
      if (gone.session) this.notify.forgetSession(gone.session);
    });
    this.#sessions.set(sid, bosh);
    const log = new LazyConnectionLog(this.log, { conn: `bosh-${++this.#nextConn}`, transport: 'bosh' });
    const session = this.notify.openSession(bosh, log);
    const creation: Record<string, string | number> = {
      'xmlns:xmpp': NS.xbosh, 'xmlns:stream': NS.stream, sid, authid: sid, from: this.notify.domain, wait, hold: HOLD,
      requests: REQUESTS, inactivity: bosh.settings.inactivity, polling: POLLING, ver: version(attrs.ver),
      'xmpp:version': '1.0', 'xmpp:restartlogic': 'true',
    };
    if (bosh.settings.ack) creation.ack = request.rid;
    const respond = this.#responder(res, attrs.content);
    res.on('close', () => bosh.abandon(respond));
    bosh.start(session, request, creation, respond);
  }

  #responder(res: ServerResponse, content: string | undefined): Respond {
    return (xml) => this.#reply(res, xml, content);
  }

  #reply(res: ServerResponse, xml: string, content: string | undefined): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(200, { 'content-type': content ?? 'text/xml; charset=utf-8', ...CORS });
    res.end(xml);
  }
}

/** The lower of the client's `ver` and ours (XEP-0124 §7.1). */
function version(asked: string | undefined): string {
  const m = asked === undefined ? null : /^(\d+)\.(\d+)$/.exec(asked);
  if (!m) return `${MAX_VERSION[0]}.${MAX_VERSION[1]}`;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major < MAX_VERSION[0] || (major === MAX_VERSION[0] && minor < MAX_VERSION[1]) ? `${major}.${minor}` : `${MAX_VERSION[0]}.${MAX_VERSION[1]}`;
}

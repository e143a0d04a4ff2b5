// Every live subscription, grouped into shared feeds (report-feed.ts), and the writing of their rows: once per tick,
// each feed's changes go out as one room broadcast (Socket.IO encodes it once for all members). A client whose
// transport cannot take more (a WebSocket still writing, a polling client between polls) is left out of the
// broadcasts until it drains; then it gets the latest value of each row it missed, so a slow client costs one
// pending key per row, never a growing queue, and never slows the others.
import type { Namespace, Socket } from 'socket.io';
import type { ResetReason } from '../model/engine-role.ts';
import type { ViewChange } from '../model/statistics-view.ts';
import type { ReportContext, ReportId, ReportView } from '../reports/reports.ts';
import type { Row } from '../reports/rows.ts';
import type { Scope } from '../reports/scope.ts';
import { feedKey, ReportFeed } from './report-feed.ts';

const CATCH_UP_RETRY_MS = 20;

interface Member {
  socket: Socket;
  /** This client's subscriptions by id (the id of the feed). */
  feeds: Map<string, ReportFeed>;
  /** While lagging: per feed, the keys of the rows it missed. */
  missed: Map<ReportFeed, Set<string>> | undefined;
}

export class FeedFanOut {
  readonly #feeds = new Map<string, ReportFeed>();
  readonly #members = new Map<string, Member>();
  #nextId = 1;
  #scheduled = false;

  constructor(private readonly context: ReportContext, private readonly namespaces: () => Iterable<Namespace>,
              private readonly now: () => number) {}

  get feedCount(): number { return this.#feeds.size; }

  join(socket: Socket): void {
    this.#members.set(socket.id, { socket, feeds: new Map(), missed: undefined });
  }

  leave(socket: Socket): void {
    const member = this.#members.get(socket.id);
    if (!member) return;
    this.#members.delete(socket.id);
    for (const feed of member.feeds.values()) this.#drop(feed, socket.id);
  }

  subscriptionCount(socket: Socket): number { return this.#members.get(socket.id)?.feeds.size ?? 0; }

  /** Adds the client to the feed for this report, view and scope (made if new); its id and the rows now. */
  subscribe(socket: Socket, report: ReportId, mode: ReportView, scope: Scope): { subscriptionId: string; rows: Row[] } {
    const member = this.#members.get(socket.id);
    if (!member) throw new Error('subscribe from a socket that never joined');
    const key = feedKey(report, mode, scope);
    let feed = this.#feeds.get(key);
    // A new feed has just worked its rows out; a running one may have changes pending, so it works them out afresh.
    const isNew = !feed;
    if (!feed) this.#feeds.set(key, (feed = new ReportFeed(`s${this.#nextId++}`, report, mode, scope, this.context)));
    feed.members.add(socket.id);
    member.feeds.set(feed.id, feed);
    void socket.join(feed.room);
    return { subscriptionId: feed.id, rows: isNew ? [...feed.current.values()] : feed.snapshot() };
  }

  unsubscribe(socket: Socket, subscriptionId: string): boolean {
    const member = this.#members.get(socket.id);
    const feed = member?.feeds.get(subscriptionId);
    if (!member || !feed) return false;
    member.feeds.delete(subscriptionId);
    member.missed?.delete(feed);
    void socket.leave(feed.room);
    this.#drop(feed, socket.id);
    return true;
  }

  change(change: ViewChange): void {
    let touched = false;
    for (const feed of this.#feeds.values()) touched = feed.change(change) || touched;
    if (touched) this.#schedule();
  }

  /** Every feed's whole content again, with the rows that vanished removed. */
  refreshAll(): void {
    for (const feed of this.#feeds.values()) feed.refresh();
    if (this.#feeds.size > 0) this.#schedule();
  }

  /**
   * Tells every subscriber its report starts again, so it subscribes anew for a fresh snapshot (§6.2 `reset`); the
   * full refresh that follows keeps a client that ignores `reset` right as well.
   */
  resetAll(reason: ResetReason): void {
    for (const feed of this.#feeds.values()) {
      for (const namespace of this.namespaces()) namespace.to(feed.room).emit('reset', { subscriptionId: feed.id, reason });
    }
    this.refreshAll();
  }

  close(): void {
    this.#feeds.clear();
    this.#members.clear();
  }

  #drop(feed: ReportFeed, socketId: string): void {
    feed.members.delete(socketId);
    if (feed.members.size === 0) this.#feeds.delete(feedKey(feed.report, feed.mode, feed.scope));
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => { this.#scheduled = false; this.#flush(); });   // one write per feed per tick
  }

  #flush(): void {
    const serverTime = this.now();
    for (const feed of this.#feeds.values()) {
      if (!feed.hasPending) continue;
      const { upsert, remove } = feed.takePending();
      const leftOut: string[] = [];
      for (const socketId of feed.members) {
        const member = this.#members.get(socketId);
        if (!member) continue;
        if (member.missed || !member.socket.conn.transport.writable) {
          this.#noteMissed(member, feed, upsert, remove);
          leftOut.push(socketId);
        }
      }
      if (leftOut.length === feed.members.size) continue;
      const rows = { subscriptionId: feed.id, serverTime, upsert, remove };
      for (const namespace of this.namespaces()) namespace.to(feed.room).except(leftOut).emit('rows', rows);
    }
  }

  #noteMissed(member: Member, feed: ReportFeed, upsert: readonly Row[], remove: readonly string[]): void {
    if (!member.missed) {
      member.missed = new Map();
      member.socket.conn.once('drain', () => this.#catchUp(member));
      // engine.io says drain only after writing something: a client that was left out of everything (polling
      // between requests, a transport being upgraded) is looked at again until it can take the rows.
      this.#retryCatchUp(member);
    }
    let keys = member.missed.get(feed);
    if (!keys) member.missed.set(feed, (keys = new Set()));
    for (const row of upsert) keys.add(row.key);
    for (const key of remove) keys.add(key);
  }

  #retryCatchUp(member: Member): void {
    setTimeout(() => {
      if (!member.missed || !member.socket.connected) return;
      if (member.socket.conn.transport.writable) this.#catchUp(member);
      else this.#retryCatchUp(member);
    }, CATCH_UP_RETRY_MS).unref();
  }

  #catchUp(member: Member): void {
    const missed = member.missed;
    member.missed = undefined;
    if (!missed || !member.socket.connected) return;
    const serverTime = this.now();
    for (const [feed, keys] of missed) {
      if (!member.feeds.has(feed.id)) continue;
      member.socket.emit('rows', { subscriptionId: feed.id, serverTime, ...feed.catchUp(keys) });
    }
  }
}

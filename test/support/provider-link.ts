// A raw provider-link client for tests: JSON frames out, parsed frames in, waited for by condition.
import WebSocket from 'ws';

export type Frame = Record<string, unknown>;

export interface RawLink {
  send(frame: Frame | string): void;
  /** The next frame (in arrival order) that `match` accepts; frames before it are skipped. */
  next(match?: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  /** Sends a request and waits for its reply. */
  request(id: number, method: string, params?: Frame): Promise<Frame>;
  /** Every frame received, in order. */
  readonly log: Frame[];
  readonly closed: Promise<{ code: number }>;
  close(): void;
}

export async function connectRawLink(url: string): Promise<RawLink> {
  const ws = new WebSocket(url);
  const inbox: Frame[] = [];
  const log: Frame[] = [];
  let wake: (() => void) | undefined;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    inbox.push(frame);
    log.push(frame);
    wake?.();
  });
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => { resolve({ code }); wake?.(); }));
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  const link: RawLink = {
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    async next(match = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const at = inbox.findIndex(match);
        if (at >= 0) return inbox.splice(0, at + 1).at(-1)!;
        if (Date.now() > deadline) throw new Error(`no such frame; had ${JSON.stringify(inbox).slice(0, 500)}`);
        await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, 200); });
      }
    },
    async request(id, method, params = {}) {
      link.send({ type: 'request', id, method, params });
      return link.next((f) => f['type'] === 'reply' && f['id'] === id);
    },
    log, closed,
    close: () => ws.close(),
  };
  return link;
}

// The gadget server's one way out (specs for /gadgets/ifr, /gadgets/makeRequest): one request, no redirect
// followed (a 3xx goes back to the gadget as it is, so the allow-list cannot be walked around), a deadline, and
// a cap on the bytes read. Failures are values.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

export interface OutboundRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  /** This node's own HTTPS listener may use a self-signed certificate; nobody else may. */
  trustSelfSigned: boolean;
}

export type OutboundResult =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { ok: false; failure: 'timeout' | 'too-large' | 'network'; message: string };

export function sendOutbound(request: OutboundRequest): Promise<OutboundResult> {
  return new Promise((resolve) => {
    const transport = request.url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    let settled = false;
    const finish = (result: OutboundResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const outgoing = transport.request(request.url, {
      method: request.method, headers, agent: false,
      ...(request.url.protocol === 'https:' ? { rejectUnauthorized: !request.trustSelfSigned } : {}),
    }, (incoming) => {
      const declared = Number(incoming.headers['content-length']);
      if (Number.isFinite(declared) && declared > request.maxBytes) {
        incoming.destroy();
        return finish({ ok: false, failure: 'too-large', message: `the response is larger than ${request.maxBytes} bytes` });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBytes) {
          incoming.destroy();
          finish({ ok: false, failure: 'too-large', message: `the response is larger than ${request.maxBytes} bytes` });
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('end', () => finish({ ok: true, status: incoming.statusCode ?? 502, headers: incoming.headers, body: Buffer.concat(chunks) }));
      incoming.on('error', (err) => finish({ ok: false, failure: 'network', message: err.message }));
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      finish({ ok: false, failure: 'timeout', message: `no answer within ${request.timeoutMs} ms` });
    }, request.timeoutMs);
    outgoing.on('error', (err) => finish({ ok: false, failure: 'network', message: err.message }));
    outgoing.end(request.body);
  });
}

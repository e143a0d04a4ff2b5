// One SOAP request over node's own HTTP client, with a keep-alive agent per AXL URL. A sign-in burst sends thousands
// of these; through `fetch` each one built a web Request, Headers and a stream reader, and the heap they left after
// the burst did not shrink back (docs/performance.md, notification service memory).
import http from 'node:http';
import https from 'node:https';

export interface SoapAnswer { status: number; setCookie: readonly string[]; body: string }

const MAX_ANSWER_BYTES = 4 * 1024 * 1024;   // a getUser answer is a few kB; a bigger one is no AXL answer

export class SoapPoster {
  readonly #url: URL;
  readonly #agent: http.Agent;

  constructor(url: string, maxSockets = 8) {
    this.#url = new URL(url);
    const options = { keepAlive: true, maxSockets };
    this.#agent = this.#url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
  }

  post(headers: Readonly<Record<string, string>>, body: string, timeoutMs: number): Promise<SoapAnswer> {
    const send = this.#url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const request = send(this.#url, {
        method: 'POST', agent: this.#agent, timeout: timeoutMs,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) request.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => resolve({
          status: response.statusCode ?? 0,
          setCookie: response.headers['set-cookie'] ?? [],
          body: Buffer.concat(chunks).toString('utf8'),
        }));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', reject);
      request.end(body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

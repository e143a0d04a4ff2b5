// A raw BOSH client for benchmarks, as CAXL and Strophe drive it (notifications.md §6): signs in with PLAIN,
// binds, sends presence, then keeps one request held and hands every answered body's text to `onBody`.
import http from 'node:http';

const HTTPBIND = "xmlns='http://jabber.org/protocol/httpbind'";
const XBOSH = "xmlns:xmpp='urn:xmpp:xbosh'";
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function post(url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
      headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface BoshListener { close(): void }

export async function openBoshListener(options: {
  url: string; domain: string; username: string; password: string; onBody: (text: string) => void;
}): Promise<BoshListener> {
  const url = new URL(options.url);
  let rid = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  const created = await post(url, `<body ${HTTPBIND} ${XBOSH} xml:lang='en' hold='1' ver='1.9' to='${options.domain}' wait='30' xmpp:version='1.0' rid='${rid}'/>`);
  const sid = /sid='([^']+)'|sid="([^"]+)"/.exec(created)?.slice(1).find(Boolean);
  if (!sid) throw new Error(`no BOSH session: ${created}`);
  const send = (inner: string, extra = '') => post(url, `<body ${HTTPBIND} ${XBOSH} rid='${++rid}' sid='${sid}'${extra}>${inner}</body>`);
  const plain = Buffer.from(`\0${options.username}\0${options.password}`).toString('base64');
  const auth = await send(`<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>${plain}</auth>`);
  if (!auth.includes('<success')) throw new Error(`BOSH sign-in refused for ${options.username}: ${auth}`);
  await post(url, `<body ${HTTPBIND} ${XBOSH} rid='${++rid}' sid='${sid}' to='${options.domain}' xml:lang='en' xmpp:restart='true'/>`);
  await send("<iq type='set' id='bind_1' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>desktop</resource></bind></iq>");
  options.onBody(await send("<presence xmlns='jabber:client'/>"));
  let closed = false;
  void (async () => {
    while (!closed) {
      const text = await send('').catch(() => '');
      if (text.includes("type='terminate'") || text.includes('type="terminate"') || text === '') break;
      options.onBody(text);
    }
  })();
  return { close() { closed = true; void send('', " type='terminate'").catch(() => undefined); } };
}

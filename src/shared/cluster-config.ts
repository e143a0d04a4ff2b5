// The few settings that make a node one of a pair: `--node=A --peer=http://127.0.0.2:8082
// --callmanager-host=127.0.0.1`. They stand for the many lower-level keys a pair needs (the engine elected by the
// database lease, CTI to both engines, the peer in SystemInfo, AXL and the telephony link on the call manager's
// host), each filled in only where it was not given, so any one can still be set by hand.
import type { EnvInput } from './config.ts';

/** Services a node runs when the call manager runs elsewhere (the CUCM of the pair). */
export const PAIR_NODE_SERVICES = 'notify,engine,livedata,web';

const DEFAULT_PORTS = { web: '8082', webHttps: '8445', bosh: '7071', boshHttps: '7443', cti: '12018', callmanagerHttp: '8080' };

/** Fills the lower-level keys from POISE_NODE, POISE_PEER and POISE_CALLMANAGER_HOST; never overrides one given. */
export function expandClusterSettings(input: EnvInput, problems: string[]): EnvInput {
  const out: EnvInput = { ...input };
  const fill = (key: string, value: string) => { if (out[key] === undefined) out[key] = value; };
  const own = (key: string, fallback: string) => out[key] ?? fallback;

  const callmanagerHost = input.POISE_CALLMANAGER_HOST;
  if (callmanagerHost !== undefined) {
    fill('POISE_ONLY', PAIR_NODE_SERVICES);
    const axl = `http://${hostForUrl(callmanagerHost)}:${own('POISE_CALLMANAGER_HTTP_PORT', DEFAULT_PORTS.callmanagerHttp)}/axl/`;
    for (const key of ['POISE_AXL_URL', 'POISE_WEB_AXL_URL', 'POISE_LIVEDATA_AXL_URL']) fill(key, axl);
    fill('POISE_ENGINE_PROVIDER_URL', `ws://${hostForUrl(callmanagerHost)}:${own('POISE_PROVIDER_PORT', '2748')}`);
  }

  if (input.POISE_PEER === undefined) {
    if (input.POISE_NODE !== undefined && input.POISE_PEER_HOST === undefined) {
      problems.push('POISE_NODE names this node of a pair: give its peer too (--peer=http://host:port)');
    }
    return out;
  }
  const peer = parsePeer(input.POISE_PEER);
  if (!peer) {
    problems.push('POISE_PEER: the peer node\'s web address, e.g. http://127.0.0.2:8082');
    return out;
  }
  fill('POISE_PEER_HOST', peer.host);
  // Two nodes of a pair run the same ports (on two addresses), so the peer's ports default to this node's.
  fill('POISE_PEER_HTTPS_PORT', peer.https ? peer.port : own('POISE_WEB_HTTPS_PORT', DEFAULT_PORTS.webHttps));
  fill('POISE_PEER_XMPP_PORT', own('POISE_BOSH_PORT', DEFAULT_PORTS.bosh));
  fill('POISE_PEER_XMPP_SECURE_PORT', own('POISE_BOSH_HTTPS_PORT', DEFAULT_PORTS.boshHttps));
  fill('POISE_ENGINE_ROLE', 'elected');
  fill('POISE_PEER_REPLICATION_PORT', own('POISE_ENGINE_REPLICATION_PORT', '12019'));
  fill('POISE_WEB_CTI_ENGINES', `local,${peer.host}:${own('POISE_CTI_PORT', DEFAULT_PORTS.cti)}`);
  return out;
}

function parsePeer(text: string): { host: string; port: string; https: boolean } | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return host ? { host, port, https: url.protocol === 'https:' } : undefined;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

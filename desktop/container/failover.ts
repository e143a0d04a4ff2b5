// Failover as the desktop sees it (desktop-and-gadgets.md §7 step 3): the two nodes SystemInfo names, the health
// of one node from its SystemInfo, and the polling of the alternate node until it is in service. Every node's
// web service answers SystemInfo to any origin, so the page of the lost node can read its peer's.

export interface AlternatePoll { stop(): void }

export const FAILOVER_POLL_MS = 1000; // Poise polls every 1 s so desktops re-attach within 5 s (§7)

/** A node of the cluster as SystemInfo's primaryNode/secondaryNode give it (rest-api.md §8). */
export interface ClusterNode { host: string; httpsPort: number }

export type NodeHealth = 'in-service' | 'out-of-service' | 'unreachable';

/** The alternate node's origin as DesktopConfig's `alternateHost` (`fqdn:8445`) names it. */
export const alternateOrigin = (alternateHost: string): string => `https://${alternateHost}`;

/** The desktop's origin on a node: HTTPS on its httpsPort (§7 step 3) unless told otherwise. */
export const nodeOrigin = (node: ClusterNode, scheme: 'https' | 'http' = 'https', port = node.httpsPort): string =>
  `${scheme}://${node.host.includes(':') && !node.host.startsWith('[') ? `[${node.host}]` : node.host}:${port}`;

/** primaryNode and secondaryNode of a SystemInfo document, those that name a host. */
export function clusterNodesOf(systemInfo: Document): ClusterNode[] {
  const nodes: ClusterNode[] = [];
  for (const name of ['primaryNode', 'secondaryNode']) {
    const element = systemInfo.getElementsByTagName(name)[0];
    const host = element?.getElementsByTagName('host')[0]?.textContent?.trim() ?? '';
    const port = Number(element?.getElementsByTagName('httpsPort')[0]?.textContent?.trim() || 8445);
    if (host && Number.isInteger(port) && port > 0 && port < 65536) nodes.push({ host, httpsPort: port });
  }
  return nodes;
}

/**
 * The other node: finesse.js tells its own by the XMPP domain (rest-api.md §8); the host the page was loaded from
 * counts as own too. undefined on a single node.
 */
export function alternateNodeOf(nodes: readonly ClusterNode[], ownNames: readonly string[]): ClusterNode | undefined {
  const own = new Set(ownNames.filter(Boolean).map((name) => name.toLowerCase()));
  return nodes.find((node) => !own.has(node.host.toLowerCase()));
}

export interface PageAddress { protocol: string; port: string }

/**
 * Where the peer's desktop is. On HTTPS, or when the two nodes' ports differ: HTTPS on its httpsPort (§7 step 3).
 * A plain-HTTP desktop stays on plain HTTP when the peer's HTTPS port is this node's, since a pair then runs the same
 * ports on two addresses: no certificate warning stands between the agent and the peer in a lab.
 */
export function peerDesktopOrigin(alternate: ClusterNode, own: ClusterNode | undefined, page: PageAddress): string {
  if (page.protocol === 'http:' && page.port && own?.httpsPort === alternate.httpsPort) {
    return nodeOrigin(alternate, 'http', Number(page.port));
  }
  return nodeOrigin(alternate);
}

/** This node among SystemInfo's two, by the names it goes by. */
export const ownNodeOf = (nodes: readonly ClusterNode[], ownNames: readonly string[]): ClusterNode | undefined =>
  nodes.find((node) => ownNames.some((name) => name !== '' && name.toLowerCase() === node.host.toLowerCase()));

const IN_SERVICE = /<status>\s*IN_SERVICE\s*<\/status>/;

/** One look at a node's SystemInfo; origin '' is the page's own node. */
export async function checkNode(origin: string, timeoutMs: number): Promise<NodeHealth> {
  try {
    const response = await fetch(`${origin}/finesse/api/SystemInfo`, {
      cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return response.status === 503 ? 'out-of-service' : 'unreachable';
    return IN_SERVICE.test(await response.text()) ? 'in-service' : 'out-of-service';
  } catch {
    return 'unreachable';
  }
}

export function pollAlternateHost(origin: string, onInService: (origin: string) => void,
                                  intervalMs = FAILOVER_POLL_MS): AlternatePoll {
  let stopped = false;
  const poll = async (): Promise<void> => {
    if (stopped) return;
    const health = await checkNode(origin, Math.max(intervalMs * 3, 1000));
    if (!stopped && health === 'in-service') { stopped = true; onInService(origin); return; }
    if (!stopped) setTimeout(() => void poll(), intervalMs);
  };
  void poll();
  return { stop: () => { stopped = true; } };
}

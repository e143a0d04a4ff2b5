// What a signed-in desktop does about losing its node (desktop-and-gadgets.md §7; docs/failover.md, "The desktop
// moves"): keep a failover ticket, watch the node, and once it is lost poll the other node every second and go
// there, ticket in the fragment, as soon as it is in service. The peer signs the agent in without asking.
import {
  alternateNodeOf, checkNode, ownNodeOf, peerDesktopOrigin, pollAlternateHost, type AlternatePoll, type ClusterNode,
} from './failover.ts';
import { desktopUrlWithTicket, keepFailoverTicket } from './failover-ticket.ts';
import type { PageHub } from './hub-types.ts';
import { watchNode } from './node-watch.ts';

export interface FailoverGuardOptions {
  hub: PageHub;
  auth: string;
  extension: string;
  locale: string;
  /** The nodes of the last SystemInfo, and the names this node goes by (its XMPP domain, the page's host). */
  nodes: readonly ClusterNode[];
  ownNames: readonly string[];
  setFailoverMode: (failing: boolean) => void;
  /** Leaves for the peer's desktop; location.assign in the page. */
  moveTo: (url: string) => void;
}

const OWN_CHECK_TIMEOUT_MS = 2000;

export function guardAgainstNodeLoss(options: FailoverGuardOptions): { stop(): void } {
  const alternate = alternateNodeOf(options.nodes, options.ownNames);
  const keeper = alternate ? keepFailoverTicket(options.auth, options.extension) : undefined;
  let poll: AlternatePoll | undefined;
  const watch = watchNode({
    hub: options.hub,
    checkOwnNode: () => checkNode('', OWN_CHECK_TIMEOUT_MS),
    setFailoverMode: options.setFailoverMode,
    // A single node has nowhere to go: the desktop waits for it, saying so in the banner.
    onLost: () => {
      if (!alternate) return;
      const origin = peerDesktopOrigin(alternate, ownNodeOf(options.nodes, options.ownNames), location);
      poll = pollAlternateHost(origin, () => {
        const ticket = keeper?.current();
        stop();
        options.moveTo(desktopUrlWithTicket(origin, options.locale, ticket));
      });
    },
    onRecovered: () => { poll?.stop(); poll = undefined; },
  });
  function stop(): void {
    poll?.stop();
    watch.stop();
    keeper?.stop();
  }
  return { stop };
}

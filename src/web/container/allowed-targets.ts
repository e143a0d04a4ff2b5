// The allow-list as the gadget server applies it: this node's own ports plus the stored entries, and the
// outbound request made only when the target is on it (desktop-and-gadgets.md §3.3).
import type { ContainerContext } from './context.ts';
import { isAllowedTarget, ownEntries, parseAllowEntry, type AllowEntry } from './allow-list.ts';
import { sendOutbound, type OutboundRequest, type OutboundResult } from './outbound-http.ts';

/** Limits of the gadget server's outbound requests. */
export const OUTBOUND_TIMEOUT_MS = 15_000;
export const OUTBOUND_MAX_BYTES = 4 * 1024 * 1024;

export type GuardedResult = OutboundResult | { ok: false; failure: 'refused'; message: string };

export class AllowedTargets {
  constructor(private readonly context: Pick<ContainerContext, 'site' | 'store' | 'log'>) {}

  async entries(): Promise<AllowEntry[]> {
    const stored = (await this.context.store.proxyAllowList.list()).flatMap((text) => {
      const parsed = parseAllowEntry(text);
      return parsed.ok ? [parsed.entry] : [];
    });
    return [...ownEntries(this.context.site()), ...stored];
  }

  async allows(url: URL): Promise<boolean> {
    return isAllowedTarget(url, await this.entries());
  }

  /** True when `url` is one of this node's own web listeners. */
  isOwn(url: URL): boolean {
    return isAllowedTarget(url, ownEntries(this.context.site()));
  }

  /** A request to this node's own listener, whatever address it is bound to. */
  sendToSelf(request: Omit<OutboundRequest, 'trustSelfSigned' | 'timeoutMs' | 'maxBytes'>): Promise<OutboundResult> {
    return sendOutbound({ ...request, timeoutMs: OUTBOUND_TIMEOUT_MS, maxBytes: OUTBOUND_MAX_BYTES, trustSelfSigned: true });
  }

  /** Sends the request only when its target is allowed; a refusal sends nothing. */
  async send(request: Omit<OutboundRequest, 'trustSelfSigned' | 'timeoutMs' | 'maxBytes'>): Promise<GuardedResult> {
    if (!(await this.allows(request.url))) {
      this.context.log.warn({ host: request.url.host }, 'gadget server refused a target not on the allow-list');
      return { ok: false, failure: 'refused', message: `${request.url.host} is not on the proxy allow-list` };
    }
    return sendOutbound({
      ...request, timeoutMs: OUTBOUND_TIMEOUT_MS, maxBytes: OUTBOUND_MAX_BYTES, trustSelfSigned: this.isOwn(request.url),
    });
  }
}

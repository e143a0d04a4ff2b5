// After the link comes back, the engine re-learns each call it knew (getCall): what happened while the link was
// down reaches it as the events it missed, a party that left as CallCtlConnDisconnectedEv and a call that ended
// as CallInvalidEv, so the contact manager settles agents and calls as it would have live.
import type { CallEvent, CallSnapshot, ConnectionSnapshot } from '../../callmanager/calls/types.ts';
import type { ReplyWith } from '../../callmanager/provider/types.ts';

const live = (c: ConnectionSnapshot) => c.state !== 'DISCONNECTED' && c.state !== 'FAILED';

/** The events between the call as last seen (`before`) and as it is now (`now`, a refusal once it has ended). */
export function missedEvents(before: CallSnapshot, now: ReplyWith<CallSnapshot>, at: number): CallEvent[] {
  const base = {
    seq: 0, at, callId: before.id, cause: 'NORMAL' as const,
    calling: now.ok ? now.value.calling : before.calling, called: now.ok ? now.value.called : before.called,
    lastRedirected: now.ok ? now.value.lastRedirected : before.lastRedirected,
  };
  const stillLive = new Set(now.ok ? now.value.connections.filter(live).map((c) => c.address) : []);
  const events: CallEvent[] = before.connections.filter((c) => live(c) && !stillLive.has(c.address)).map((c) => ({
    ...base, type: 'CallCtlConnDisconnectedEv', address: c.address, state: 'DISCONNECTED', ccState: 'DISCONNECTED',
  }));
  if (!now.ok) events.push({ ...base, type: 'CallInvalidEv', state: 'INVALID' });
  return events;
}

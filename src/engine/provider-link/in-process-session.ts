// The engine's session over the call manager in the same process: each request runs at once on the provider
// session, whose events are emitted while it runs, so they reach the engine before the reply resolves.
import type { TelephonyProvider } from '../../callmanager/provider/provider.ts';
import type { ProviderSession } from '../../callmanager/provider/types.ts';
import type { AsyncProviderSession, SessionOpener } from './async-session.ts';

export function inProcessSession(session: ProviderSession, callManagerRunId: string): AsyncProviderSession {
  return {
    callManagerRunId,
    get appUserId() { return session.appUserId; },
    get state() { return session.state; },
    observe: async (r) => session.observe(r),
    registerRoutePoint: async (r) => session.registerRoutePoint(r),
    registerMediaTerminal: async (r) => session.registerMediaTerminal(r),
    onEvent: (listener) => session.onEvent(listener),
    knownCall: (r) => session.getCall(r),
    getCall: async (r) => session.getCall(r),
    accept: async (r) => session.accept(r),
    reject: async (r) => session.reject(r),
    redirect: async (r) => session.redirect(r),
    answer: async (r) => session.answer(r),
    hold: async (r) => session.hold(r),
    unhold: async (r) => session.unhold(r),
    disconnect: async (r) => session.disconnect(r),
    drop: async (r) => session.drop(r),
    connect: async (r) => session.connect(r),
    consult: async (r) => session.consult(r),
    transfer: async (r) => session.transfer(r),
    conference: async (r) => session.conference(r),
    routeSelect: async (r) => session.routeSelect(r),
    endRoute: async (r) => session.endRoute(r),
    setCallData: async (r) => session.setCallData(r),
    sendDtmf: async (r) => session.sendDtmf(r),
    shutdown: () => session.shutdown(),
  };
}

export function inProcessProvider(provider: TelephonyProvider): SessionOpener {
  return {
    async openProvider(credentials) {
      const opened = await provider.openProvider(credentials);
      return opened.ok ? { ok: true, value: inProcessSession(opened.value, provider.runId) } : opened;
    },
  };
}

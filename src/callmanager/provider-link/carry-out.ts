// A link request carried out on the application's provider session; the call manager's agents for `listAgents`.
import { assertNever } from '../../shared/assert-never.ts';
import type { ProviderSession, Reply, ReplyWith } from '../provider/types.ts';
import type { LinkRequest } from './codec.ts';
import type { LinkAgent } from './messages.ts';

export async function carryOut(
  session: ProviderSession, request: LinkRequest, agents: () => Promise<readonly LinkAgent[]>,
): Promise<Reply | ReplyWith<unknown>> {
  switch (request.method) {
    case 'observe': return session.observe(request.params);
    case 'registerRoutePoint': return session.registerRoutePoint(request.params);
    case 'registerMediaTerminal': return session.registerMediaTerminal(request.params);
    case 'getCall': return session.getCall(request.params);
    case 'accept': return session.accept(request.params);
    case 'reject': return session.reject(request.params);
    case 'redirect': return session.redirect(request.params);
    case 'answer': return session.answer(request.params);
    case 'hold': return session.hold(request.params);
    case 'unhold': return session.unhold(request.params);
    case 'disconnect': return session.disconnect(request.params);
    case 'drop': return session.drop(request.params);
    case 'connect': return session.connect(request.params);
    case 'consult': return session.consult(request.params);
    case 'transfer': return session.transfer(request.params);
    case 'conference': return session.conference(request.params);
    case 'routeSelect': return session.routeSelect(request.params);
    case 'endRoute': return session.endRoute(request.params);
    case 'setCallData': return session.setCallData(request.params);
    case 'sendDtmf': return session.sendDtmf(request.params);
    case 'listAgents':
      if (session.state === 'SHUTDOWN') return { ok: false, error: 'InvalidState', message: 'the provider is SHUTDOWN' };
      return { ok: true, value: await agents() };
    default: return assertNever(request, 'link request');
  }
}

// The telephony provider as the engine reaches it: the call manager's ProviderSession with every request
// answered later, so the same engine runs over the call manager in its own process or over the provider link
// (ARCHITECTURE.md, port 2748). Two promises hold for both: the events a request causes reach the listeners
// before its reply resolves, and `knownCall` answers at once with the call as the events last showed it (JTAPI
// keeps a call's state on the application's side too), so an event listener never waits on the network.
import type { CallEventListener, CallSnapshot } from '../../callmanager/calls/types.ts';
import type {
  AddressRequest, CallDataRequest, CallRequest, ConferenceRequest, ConnectRequest, ConsultRequest, DeviceRequest,
  DtmfRequest, ObserveRequest, ProviderCredentials, ProviderSessionState, RedirectRequest, Reply, ReplyWith,
  RouteSelectRequest, TerminalRequest, TransferRequest,
} from '../../callmanager/provider/types.ts';

export interface AsyncProviderSession {
  readonly appUserId: string;
  readonly state: ProviderSessionState;
  /** The call manager's run: a new value once it restarted, so calls an engine remembers from before are gone. */
  readonly callManagerRunId: string;
  observe(request: ObserveRequest): Promise<Reply>;
  registerRoutePoint(request: DeviceRequest): Promise<Reply>;
  registerMediaTerminal(request: DeviceRequest): Promise<Reply>;
  onEvent(listener: CallEventListener): () => void;
  /** The call as of the event being delivered now (or the last one): no request is sent. */
  knownCall(request: CallRequest): ReplyWith<CallSnapshot>;
  getCall(request: CallRequest): Promise<ReplyWith<CallSnapshot>>;
  accept(request: AddressRequest): Promise<Reply>;
  reject(request: AddressRequest): Promise<Reply>;
  redirect(request: RedirectRequest): Promise<Reply>;
  answer(request: TerminalRequest): Promise<Reply>;
  hold(request: TerminalRequest): Promise<Reply>;
  unhold(request: TerminalRequest): Promise<Reply>;
  disconnect(request: AddressRequest): Promise<Reply>;
  drop(request: CallRequest): Promise<Reply>;
  connect(request: ConnectRequest): Promise<ReplyWith<CallSnapshot>>;
  consult(request: ConsultRequest): Promise<ReplyWith<CallSnapshot>>;
  transfer(request: TransferRequest): Promise<Reply>;
  conference(request: ConferenceRequest): Promise<Reply>;
  routeSelect(request: RouteSelectRequest): Promise<Reply>;
  endRoute(request: AddressRequest): Promise<Reply>;
  setCallData(request: CallDataRequest): Promise<Reply>;
  sendDtmf(request: DtmfRequest): Promise<Reply>;
  shutdown(): void;
}

/** Where the engine opens its session: the call manager in this process, or the provider link. */
export interface SessionOpener {
  openProvider(credentials: ProviderCredentials): Promise<ReplyWith<AsyncProviderSession>>;
}

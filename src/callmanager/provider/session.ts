// One application user's provider session. Privilege is checked before the call model is asked: a terminal
// must be one of the user's associated devices, an address must be on one of them, and a request naming only
// a call needs one of the call's parties on them. The model's TelephonyError becomes the reply's `error`.
import type { CallModel } from '../calls/call-model.ts';
import { TelephonyError } from '../calls/errors.ts';
import type { CallEvent, CallEventListener, CallSnapshot, DialPlan, DeviceKind } from '../calls/types.ts';
import { Observation } from './observation.ts';
import type { Registrations } from './provider.ts';
import type {
  AddressRequest, AppUserGrant, CallDataRequest, CallRequest, ConferenceRequest, ConnectRequest, ConsultRequest,
  DeviceRequest, DtmfRequest, ObserveRequest, ProviderSession, ProviderSessionState, RedirectRequest, Refusal, Reply, ReplyWith,
  RouteSelectRequest, TerminalRequest, TransferRequest,
} from './types.ts';

const OK: Reply = Object.freeze({ ok: true });

export class SessionImpl implements ProviderSession {
  readonly appUserId: string;
  #state: ProviderSessionState = 'IN_SERVICE';
  #controlled: ReadonlySet<string>;
  readonly #observation: Observation;
  #listeners: readonly CallEventListener[] = [];
  readonly #unsubscribe: () => void;

  constructor(grant: AppUserGrant, private readonly model: CallModel, private readonly devices: DialPlan,
              private readonly registrations: Registrations) {
    this.appUserId = grant.userid;
    this.#controlled = new Set(grant.associatedDevices);
    this.#observation = new Observation(
      (callId, addresses, terminals) => model.touches(callId, addresses, terminals), () => model.callIds(),
    );
    this.#unsubscribe = model.subscribe((event) => this.#deliver(event));
  }

  /** The application user's associated devices changed (AXL updateAppUser): privilege follows at once. */
  setControlledDevices(devices: readonly string[]): void {
    this.#controlled = new Set(devices);
  }

  get state(): ProviderSessionState {
    return this.#state;
  }

  observe({ addresses = [], terminals = [] }: ObserveRequest): Reply {
    return this.#reply(() => {
      if (!Array.isArray(addresses) || !Array.isArray(terminals)) {
        throw new TelephonyError('InvalidArgument', 'addresses and terminals must be lists');
      }
      for (const terminal of terminals) this.#requireTerminal(terminal);
      for (const address of addresses) this.#requireAddress(address);
      this.#observation.add(addresses, terminals);
    });
  }

  registerRoutePoint({ device }: DeviceRequest): Reply {
    return this.#reply(() => this.#register(device, 'CTI_ROUTE_POINT'));
  }

  registerMediaTerminal({ device }: DeviceRequest): Reply {
    return this.#reply(() => this.#register(device, 'CTI_PORT'));
  }

  onEvent(listener: CallEventListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  getCall({ callId }: CallRequest): ReplyWith<CallSnapshot> {
    return this.#replyWith(() => this.#requireCall(callId));
  }

  accept({ callId, address }: AddressRequest): Reply {
    return this.#reply(() => this.model.accept(callId, this.#requireAddress(address)));
  }

  reject({ callId, address }: AddressRequest): Reply {
    return this.#reply(() => this.model.reject(callId, this.#requireAddress(address)));
  }

  redirect({ callId, address, dest }: RedirectRequest): Reply {
    return this.#reply(() => this.model.redirect(callId, this.#requireAddress(address), dest));
  }

  answer({ callId, terminal }: TerminalRequest): Reply {
    return this.#reply(() => this.model.answer(callId, this.#requireTerminal(terminal)));
  }

  hold({ callId, terminal }: TerminalRequest): Reply {
    return this.#reply(() => this.model.hold(callId, this.#requireTerminal(terminal)));
  }

  unhold({ callId, terminal }: TerminalRequest): Reply {
    return this.#reply(() => this.model.unhold(callId, this.#requireTerminal(terminal)));
  }

  disconnect({ callId, address }: AddressRequest): Reply {
    return this.#reply(() => this.model.disconnect(callId, this.#requireAddress(address)));
  }

  drop({ callId }: CallRequest): Reply {
    return this.#reply(() => this.model.drop(this.#requireCall(callId).id));
  }

  connect({ terminal, address, dest }: ConnectRequest): ReplyWith<CallSnapshot> {
    return this.#replyWith(() => {
      this.#requireTerminal(terminal);
      if (address !== undefined) this.#requireAddress(address);
      return this.model.originate({ fromTerminal: terminal, to: dest, ...(address === undefined ? {} : { fromAddress: address }) });
    });
  }

  consult({ callId, terminal, dest }: ConsultRequest): ReplyWith<CallSnapshot> {
    return this.#replyWith(() => this.model.consult(callId, this.#requireTerminal(terminal), dest));
  }

  transfer(request: TransferRequest): Reply {
    return this.#reply(() => {
      const controller = this.#requireTerminal(request.terminal);
      const target = 'otherCallId' in request
        ? { otherCallId: request.otherCallId, controller }
        : { dest: request.dest, controller };
      this.model.transfer(request.callId, target);
    });
  }

  conference({ callId, terminal, otherCallId }: ConferenceRequest): Reply {
    return this.#reply(() => this.model.conference(callId, otherCallId, this.#requireTerminal(terminal)));
  }

  routeSelect({ callId, address, routes }: RouteSelectRequest): Reply {
    return this.#reply(() => {
      this.#requireAddress(address);
      if (!Array.isArray(routes) || routes.length === 0) throw new TelephonyError('InvalidArgument', 'no routes');
      let refusal: TelephonyError | undefined;
      for (const dest of routes) {
        try {
          this.model.redirect(callId, address, dest);
          return;
        } catch (err) {
          // Only a destination that cannot take the call moves on to the next route.
          if (!(err instanceof TelephonyError) || (err.kind !== 'ResourceUnavailable' && err.kind !== 'InvalidParty')) {
            throw err;
          }
          refusal = err;
        }
      }
      if (refusal) throw refusal;
    });
  }

  endRoute(request: AddressRequest): Reply {
    return this.reject(request);
  }

  setCallData({ callId, callVariables }: CallDataRequest): Reply {
    return this.#reply(() => this.model.setCallData(this.#requireCall(callId).id, callVariables));
  }

  sendDtmf({ callId, address, digits }: DtmfRequest): Reply {
    return this.#reply(() => this.model.sendDtmf(callId, this.#requireAddress(address), digits));
  }

  shutdown(): void {
    if (this.#state === 'SHUTDOWN') return;
    this.#state = 'SHUTDOWN';
    this.#unsubscribe();
    this.registrations.releaseAll(this);
    this.#observation.clear();
    this.#listeners = [];
  }

  #deliver(event: CallEvent): void {
    if (!this.#observation.admits(event)) return;
    for (const listener of this.#listeners) listener(event);
  }

  #register(device: string, kind: DeviceKind): void {
    this.#requireTerminal(device);
    const found = this.devices.device(device);
    if (!found) throw new TelephonyError('InvalidArgument', `no device ${device}`);
    if (found.kind !== kind) throw new TelephonyError('InvalidArgument', `${device} is a ${found.kind}, not a ${kind}`);
    this.registrations.claim(device, this);
    this.#observation.add(found.lines.map((line) => line.pattern), [device]);
  }

  #requireTerminal(terminal: string): string {
    if (!this.#controlled.has(terminal)) {
      throw new TelephonyError('PrivilegeViolation', `${String(terminal)} is not a device of ${this.appUserId}`);
    }
    return terminal;
  }

  #requireAddress(address: string): string {
    if (!this.#inDomain(address)) {
      throw new TelephonyError('PrivilegeViolation', `${String(address)} is not on a device of ${this.appUserId}`);
    }
    return address;
  }

  #inDomain(address: string): boolean {
    return this.devices.resolve(address).some((a) => this.#controlled.has(a.deviceName));
  }

  #requireCall(callId: string): CallSnapshot {
    const call = this.model.getCall(callId);
    if (!call) throw new TelephonyError('InvalidArgument', `no call ${String(callId)}`);
    const ours = call.connections.some((c) => this.#inDomain(c.address)
      || c.terminalConnections.some((tc) => this.#controlled.has(tc.terminal)));
    if (!ours) {
      throw new TelephonyError('PrivilegeViolation', `call ${callId} has no party on a device of ${this.appUserId}`);
    }
    return call;
  }

  #reply(action: () => void): Reply {
    const outcome = this.#replyWith(action);
    return outcome.ok ? OK : outcome;
  }

  #replyWith<T>(action: () => T): ReplyWith<T> {
    if (this.#state === 'SHUTDOWN') return refusal(new TelephonyError('InvalidState', 'the provider is SHUTDOWN'));
    try {
      return { ok: true, value: action() };
    } catch (err) {
      if (err instanceof TelephonyError) return refusal(err);
      throw err;
    }
  }
}

function refusal(err: TelephonyError): Refusal {
  return { ok: false, error: err.kind, message: err.message };
}

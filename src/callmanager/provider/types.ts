// The telephony provider as the contact-center engine sees it (spec telephony-and-routing.md §3.3): JTAPI's
// Provider reduced to what UCCX uses, named as JTAPI names it. Every request names its call and its party by
// `callId` and `address` or `terminal`, and every reply is a value: `{ ok: true }` or the JTAPI exception name
// in `error`. Nothing throws on a refused request, so the same replies can travel as JSON when the engine runs
// in another process.
import type { CallEventListener, CallSnapshot, TelephonyErrorKind } from '../calls/types.ts';

export interface Refusal {
  readonly ok: false;
  readonly error: TelephonyErrorKind;
  readonly message: string;
}
export type Reply = { readonly ok: true } | Refusal;
export type ReplyWith<T> = { readonly ok: true; readonly value: T } | Refusal;

/** The application user, as the directory knows it: who it is and which devices it may control. */
export interface AppUserGrant {
  readonly userid: string;
  readonly associatedDevices: readonly string[];
}
/** Checks an application user's password; null when the user or the password is wrong. */
export type AuthenticateAppUser = (userid: string, password: string) => Promise<AppUserGrant | null>;

export interface ProviderCredentials { readonly appUser: string; readonly password: string }

export interface ObserveRequest { readonly addresses?: readonly string[]; readonly terminals?: readonly string[] }
export interface DeviceRequest { readonly device: string }
export interface CallRequest { readonly callId: string }
export interface AddressRequest { readonly callId: string; readonly address: string }
export interface TerminalRequest { readonly callId: string; readonly terminal: string }
export interface RedirectRequest extends AddressRequest { readonly dest: string }
export interface ConsultRequest extends TerminalRequest { readonly dest: string }
/** `terminal` is the transfer controller. */
export type TransferRequest = TerminalRequest & ({ readonly otherCallId: string } | { readonly dest: string });
export interface ConferenceRequest extends TerminalRequest { readonly otherCallId: string }
/** The first route that takes the call wins (JTAPI RouteSession.selectRoute). */
export interface RouteSelectRequest extends AddressRequest { readonly routes: readonly string[] }
export interface CallDataRequest extends CallRequest { readonly callVariables: Readonly<Record<string, string>> }
/** JTAPI Call.connect: `terminal` goes off hook on `address` (default its first line) and dials `dest`. */
export interface ConnectRequest { readonly terminal: string; readonly address?: string; readonly dest: string }
/** `address` sends the digits to the far end of the call. */
export interface DtmfRequest extends AddressRequest { readonly digits: string }

export type ProviderSessionState = 'IN_SERVICE' | 'SHUTDOWN';

export interface ProviderSession {
  readonly appUserId: string;
  readonly state: ProviderSessionState;
  /** Adds call observers on addresses and terminals of the user's devices. */
  observe(request: ObserveRequest): Reply;
  /** Registers a CTI route point (and observes it and its lines). */
  registerRoutePoint(request: DeviceRequest): Reply;
  /** Registers a CTI port (and observes it and its lines): calls can reach it from now on. */
  registerMediaTerminal(request: DeviceRequest): Reply;
  /** Events of the calls at observed addresses and terminals; returns the unsubscribe function. */
  onEvent(listener: CallEventListener): () => void;
  getCall(request: CallRequest): ReplyWith<CallSnapshot>;
  accept(request: AddressRequest): Reply;
  reject(request: AddressRequest): Reply;
  redirect(request: RedirectRequest): Reply;
  answer(request: TerminalRequest): Reply;
  hold(request: TerminalRequest): Reply;
  unhold(request: TerminalRequest): Reply;
  disconnect(request: AddressRequest): Reply;
  drop(request: CallRequest): Reply;
  /** Places a new call from a controlled terminal; replies with it. */
  connect(request: ConnectRequest): ReplyWith<CallSnapshot>;
  /** Replies with the consultation call. */
  consult(request: ConsultRequest): ReplyWith<CallSnapshot>;
  transfer(request: TransferRequest): Reply;
  conference(request: ConferenceRequest): Reply;
  routeSelect(request: RouteSelectRequest): Reply;
  /** Ends the route session without a route: the offer is rejected and the caller released. */
  endRoute(request: AddressRequest): Reply;
  setCallData(request: CallDataRequest): Reply;
  sendDtmf(request: DtmfRequest): Reply;
  /** Unregisters this session's devices and stops its events; every later request replies InvalidState. */
  shutdown(): void;
}

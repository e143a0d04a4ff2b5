// Engines of a pair share one call manager over the provider link, and a CTI device has one registering
// application at a time: the master's engine registers the route points and CTI ports, the standby's waits.
// While standby, a registration is noted and answered ok (nothing routes through this engine anyway); on
// becoming master the noted devices are registered, again every second while the old master still holds them
// (its link closes when its node dies; the call manager then releases them).
import type { Logger } from '../../shared/logger.ts';
import type { DeviceRequest, Reply } from '../../callmanager/provider/types.ts';
import type { AsyncProviderSession, SessionOpener } from './async-session.ts';

const RETRY_MS = 1000;
type Kind = 'routePoint' | 'mediaTerminal';

export class RegistrationGate implements SessionOpener {
  #active: boolean;
  #session: AsyncProviderSession | undefined;
  readonly #wanted = new Map<string, Kind>();
  readonly #registered = new Set<string>();
  #retry: NodeJS.Timeout | undefined;

  constructor(private readonly inner: SessionOpener, active: boolean, private readonly log: Logger) {
    this.#active = active;
  }

  async openProvider(credentials: Parameters<SessionOpener['openProvider']>[0]): ReturnType<SessionOpener['openProvider']> {
    const opened = await this.inner.openProvider(credentials);
    if (!opened.ok) return opened;
    const session = opened.value;
    this.#session = session;
    this.#registered.clear(); // a new session (an engine master again after stepping down) holds none yet
    const register = (kind: Kind) => (request: DeviceRequest) => this.#register(session, kind, request.device);
    return {
      ok: true,
      value: {
        get appUserId() { return session.appUserId; },
        get state() { return session.state; },
        get callManagerRunId() { return session.callManagerRunId; },
        observe: (r) => session.observe(r),
        registerRoutePoint: register('routePoint'),
        registerMediaTerminal: register('mediaTerminal'),
        onEvent: (listener) => session.onEvent(listener),
        knownCall: (r) => session.knownCall(r),
        getCall: (r) => session.getCall(r),
        accept: (r) => session.accept(r),
        reject: (r) => session.reject(r),
        redirect: (r) => session.redirect(r),
        answer: (r) => session.answer(r),
        hold: (r) => session.hold(r),
        unhold: (r) => session.unhold(r),
        disconnect: (r) => session.disconnect(r),
        drop: (r) => session.drop(r),
        connect: (r) => session.connect(r),
        consult: (r) => session.consult(r),
        transfer: (r) => session.transfer(r),
        conference: (r) => session.conference(r),
        routeSelect: (r) => session.routeSelect(r),
        endRoute: (r) => session.endRoute(r),
        setCallData: (r) => session.setCallData(r),
        sendDtmf: (r) => session.sendDtmf(r),
        shutdown: () => { clearTimeout(this.#retry); session.shutdown(); },
      },
    };
  }

  /** This engine became master (true) or standby (false). */
  setActive(active: boolean): void {
    if (this.#active === active) return;
    this.#active = active;
    if (active) void this.#registerWanted();
    else clearTimeout(this.#retry);
  }

  async #register(session: AsyncProviderSession, kind: Kind, device: string): Promise<Reply> {
    this.#wanted.set(device, kind);
    if (!this.#active) return { ok: true };
    const reply = await this.#ask(session, kind, device);
    if (reply.ok) this.#registered.add(device);
    return reply;
  }

  #ask(session: AsyncProviderSession, kind: Kind, device: string): Promise<Reply> {
    return kind === 'routePoint' ? session.registerRoutePoint({ device }) : session.registerMediaTerminal({ device });
  }

  async #registerWanted(): Promise<void> {
    const session = this.#session;
    if (!session || !this.#active) return;
    let missing = 0;
    for (const [device, kind] of this.#wanted) {
      if (this.#registered.has(device)) continue;
      const reply = await this.#ask(session, kind, device);
      if (reply.ok) this.#registered.add(device);
      else {
        missing++;
        this.log.info({ device, error: reply.error, reason: reply.message }, 'device not registered yet; trying again');
      }
    }
    if (missing > 0 && this.#active && session.state !== 'SHUTDOWN') {
      this.#retry = setTimeout(() => void this.#registerWanted(), RETRY_MS);
    }
  }
}

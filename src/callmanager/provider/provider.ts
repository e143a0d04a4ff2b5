// The call manager's side of the provider link: opens sessions for application users and keeps which session
// registered which CTI device, since a device has one registering application at a time.
import { randomUUID } from 'node:crypto';
import type { CallModel } from '../calls/call-model.ts';
import { TelephonyError } from '../calls/errors.ts';
import type { DeviceRegistry } from '../calls/types.ts';
import { SessionImpl } from './session.ts';
import type { AppUserGrant, AuthenticateAppUser, ProviderCredentials, ProviderSession, ReplyWith } from './types.ts';

export interface TelephonyProviderDeps {
  readonly model: CallModel;
  /** The dial plan the model resolves against: registrations make CTI ports reachable. */
  readonly devices: DeviceRegistry;
  readonly authenticateAppUser: AuthenticateAppUser;
}

/** Device name → the session that registered it. */
export class Registrations {
  readonly #owners = new Map<string, SessionImpl>();

  constructor(private readonly devices: DeviceRegistry) {}

  claim(device: string, session: SessionImpl): void {
    const owner = this.#owners.get(device);
    if (owner === session) return;
    if (owner) throw new TelephonyError('ResourceUnavailable', `${device} is registered by ${owner.appUserId}`);
    this.#owners.set(device, session);
    this.devices.setRegistered(device, true);
  }

  releaseAll(session: SessionImpl): void {
    for (const [device, owner] of this.#owners) {
      if (owner !== session) continue;
      this.#owners.delete(device);
      this.devices.setRegistered(device, false);
    }
  }
}

export class TelephonyProvider {
  /** Drawn at start: an engine that restarts tells from it whether the calls it had can still be up. */
  readonly runId = randomUUID();
  readonly #registrations: Registrations;
  readonly #sessions = new Set<SessionImpl>();

  constructor(private readonly deps: TelephonyProviderDeps) {
    this.#registrations = new Registrations(deps.devices);
  }

  /** JTAPI getProvider with the application user's credentials: a session IN_SERVICE, or the refusal. */
  async openProvider(credentials: ProviderCredentials): Promise<ReplyWith<ProviderSession>> {
    const { appUser, password } = credentials;
    if (typeof appUser !== 'string' || appUser === '' || typeof password !== 'string' || password === '') {
      return { ok: false, error: 'InvalidArgument', message: 'appUser and password are required' };
    }
    const grant = await this.deps.authenticateAppUser(appUser, password);
    if (!grant) return { ok: false, error: 'PrivilegeViolation', message: 'wrong application user or password' };
    const session = new SessionImpl(grant, this.deps.model, this.deps.devices, this.#registrations);
    this.#sessions.add(session);
    return { ok: true, value: session };
  }

  /** An application user's devices changed in the directory: every open session of that user follows. */
  updateGrant(grant: AppUserGrant): void {
    for (const session of this.#sessions) {
      if (session.state === 'SHUTDOWN') this.#sessions.delete(session);
      else if (session.appUserId.toLowerCase() === grant.userid.toLowerCase()) {
        session.setControlledDevices(grant.associatedDevices);
      }
    }
  }
}

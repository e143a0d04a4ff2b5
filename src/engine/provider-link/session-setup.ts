// What the engine set up on its provider session (registrations, observation), so that the session the link opens
// after a reconnect gets the same: the call manager shut the old one down and released all of it.
import type { LinkMethod } from '../../callmanager/provider-link/messages.ts';
import type { ObserveRequest } from '../../callmanager/provider/types.ts';

export interface SetupRequest { readonly method: LinkMethod; readonly params: object; readonly what: string }

export class SessionSetup {
  readonly #routePoints = new Set<string>();
  readonly #mediaTerminals = new Set<string>();
  readonly #addresses = new Set<string>();
  readonly #terminals = new Set<string>();

  routePoint(device: string): void { this.#routePoints.add(device); }
  mediaTerminal(device: string): void { this.#mediaTerminals.add(device); }
  observe(request: ObserveRequest): void {
    for (const address of request.addresses ?? []) this.#addresses.add(address);
    for (const terminal of request.terminals ?? []) this.#terminals.add(terminal);
  }

  /** The requests that set it all up again: every registration, then one observation of everything. */
  requests(): SetupRequest[] {
    return [
      ...[...this.#routePoints].map((device) => ({ method: 'registerRoutePoint' as const, params: { device }, what: device })),
      ...[...this.#mediaTerminals].map((device) => ({ method: 'registerMediaTerminal' as const, params: { device }, what: device })),
      { method: 'observe', params: { addresses: [...this.#addresses], terminals: [...this.#terminals] }, what: 'observation' },
    ];
  }
}

// The call lab behind a telephony provider, with one application user: `rmcm` controls the route point, the
// CTI ports and agent phones SEP_A and SEP_B (not SEP_C, not the shared line).
import assert from 'node:assert/strict';
import { TelephonyProvider } from '../../src/callmanager/provider/provider.ts';
import type { AppUserGrant, ProviderSession, Reply, ReplyWith } from '../../src/callmanager/provider/types.ts';
import type { CallEvent, TelephonyErrorKind } from '../../src/callmanager/calls/types.ts';
import { callLab, type CallLab } from './call-lab.ts';

export const RMCM: AppUserGrant = { userid: 'rmcm', associatedDevices: ['RP_7001', 'PORT_1', 'PORT_2', 'SEP_A', 'SEP_B'] };
export const OTHER_APP: AppUserGrant = { userid: 'other', associatedDevices: ['PORT_2', 'SEP_C'] };
const PASSWORDS: Record<string, { password: string; grant: AppUserGrant }> = {
  rmcm: { password: 'secret', grant: RMCM },
  other: { password: 'other-secret', grant: OTHER_APP },
};

export interface ProviderLab extends CallLab {
  readonly provider: TelephonyProvider;
  readonly attempts: string[];   // user ids the provider asked about
  open(userid?: string): Promise<ProviderSession>;
}

export function providerLab(): ProviderLab {
  const lab = callLab();
  const attempts: string[] = [];
  const provider = new TelephonyProvider({
    model: lab.model,
    devices: lab.dialPlan,
    authenticateAppUser: async (userid, password) => {
      attempts.push(userid);
      const user = PASSWORDS[userid];
      return user && user.password === password ? user.grant : null;
    },
  });
  return {
    ...lab, provider, attempts,
    async open(userid = 'rmcm') {
      const reply = await provider.openProvider({ appUser: userid, password: PASSWORDS[userid]?.password ?? '' });
      assert.ok(reply.ok, 'openProvider refused');
      return reply.value;
    },
  };
}

export function assertOk(reply: Reply | ReplyWith<unknown>): void {
  assert.ok(reply.ok, reply.ok ? '' : `${reply.error}: ${reply.message}`);
}

export function assertError(reply: Reply | ReplyWith<unknown>, error: TelephonyErrorKind): void {
  assert.equal(reply.ok ? 'ok' : reply.error, error);
}

/** Every event the session delivers, as `callId type address terminal`. */
export function record(session: ProviderSession): string[] {
  const seen: string[] = [];
  session.onEvent((event: CallEvent) => seen.push([event.callId, event.type, event.address, event.terminal].filter(Boolean).join(' ')));
  return seen;
}

// Customers through the call manager's lab API (docs/lab-api.md): the acceptance tests place calls and hang them
// up as a caller would.
import assert from 'node:assert/strict';
import { basicAuth } from './test-node.ts';

const AS_ADMIN = { authorization: basicAuth('admin') };

export interface LabCall { readonly from: string; readonly to: string; readonly callVariables?: Record<string, string> }

/** `call.from` dials `call.to`; returns the lab's call id. */
export async function placeLabCall(cmUrl: string, call: LabCall): Promise<string> {
  const res = await fetch(`${cmUrl}/lab/calls`, {
    method: 'POST', headers: { ...AS_ADMIN, 'content-type': 'application/json' }, body: JSON.stringify(call),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return String((JSON.parse(text) as { callId: unknown }).callId);
}

/** The caller hangs up every call of theirs still on. */
export async function callerHangsUp(cmUrl: string, caller: string): Promise<void> {
  const listed = await fetch(`${cmUrl}/lab/calls`, { headers: AS_ADMIN });
  const { calls } = await listed.json() as { calls: { callId: string; calling: string; state: string }[] };
  for (const call of calls.filter((c) => c.calling === caller && c.state === 'ACTIVE')) {
    const res = await fetch(`${cmUrl}/lab/calls/${call.callId}/abandon`, { method: 'POST', headers: AS_ADMIN });
    assert.equal(res.status, 200, await res.text());
  }
}

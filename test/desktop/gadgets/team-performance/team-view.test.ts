// The team performance gadget's reading of a team (rest-api.md §5.1) and what a supervisor may do (§3.4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agentRow, allowedChanges, supervisedTeams } from '../../../../desktop/gadgets/team-performance/team-view.ts';
import type { User } from '../../../../desktop/gadgets/shared/finesse-api.ts';

test('supervised teams: the library\'s array, or the teams element with one or many Team', () => {
  assert.deepEqual(supervisedTeams([{ id: '1', name: 'Sales', uri: '/finesse/api/Team/1' }]), [{ id: '1', name: 'Sales' }]);
  assert.deepEqual(supervisedTeams({ Team: { id: '2', name: 'Support' } }), [{ id: '2', name: 'Support' }]);
  assert.deepEqual(supervisedTeams({ Team: [{ id: '1', name: '' }, { id: '' }] }), [{ id: '1', name: 'Team 1' }]);
  assert.deepEqual(supervisedTeams(undefined), []);
});

test('an agent row from the team\'s User data', () => {
  const user = {
    getId: () => 'agent2',
    getData: () => ({ loginId: 'agent2', firstName: 'Ben', lastName: 'Okafor', extension: '1002', state: 'NOT_READY',
      stateChangeTime: '2026-12-06T16:00:00.000Z', reasonCode: { label: 'Lunch' } }),
  } as unknown as User;
  const row = agentRow(user);
  assert.deepEqual({ ...row, user: undefined }, {
    id: 'agent2', name: 'Ben Okafor', state: 'NOT_READY', reason: 'Lunch', since: Date.UTC(2026, 11, 6, 16), extension: '1002', user: undefined,
  });
  const signedOut = agentRow({ getId: () => 'agent9', getData: () => ({ extension: null, state: 'LOGOUT', stateChangeTime: null }) } as unknown as User);
  assert.deepEqual([signedOut.name, signedOut.extension, signedOut.since], ['agent9', '', undefined]);
});

test('a supervisor may make Ready from Not Ready, Not Ready from Ready or wrap-up, and sign out anyone signed in', () => {
  const table = Object.fromEntries(['LOGOUT', 'NOT_READY', 'READY', 'RESERVED', 'TALKING', 'WORK', 'WORK_READY', '']
    .map((state) => [state, [...allowedChanges(state)].sort().join(',')]));
  assert.deepEqual(table, {
    LOGOUT: '', NOT_READY: 'LOGOUT,READY', READY: 'LOGOUT,NOT_READY', RESERVED: 'LOGOUT', TALKING: 'LOGOUT',
    WORK: 'LOGOUT,NOT_READY', WORK_READY: 'LOGOUT,NOT_READY', '': '',
  });
});

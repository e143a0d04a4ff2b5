import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelText } from '../../../desktop/container/labels.ts';

test('label keys become words; literals stay', () => {
  assert.equal(labelText('finesse.container.tabs.agent.homeLabel'), 'Home');
  assert.equal(labelText('finesse.container.tabs.supervisor.manageTeamLabel'), 'Manage Team');
  assert.equal(labelText('My CRM'), 'My CRM');
});

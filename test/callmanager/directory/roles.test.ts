import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axlAccess, roles } from '../../../src/callmanager/directory/index.ts';

test('AXL access from roles (axl.md §2)', () => {
  assert.equal(axlAccess([roles.AXL_API_ACCESS]), 'full');
  assert.equal(axlAccess([roles.CCM_SUPER_USERS]), 'full');
  assert.equal(axlAccess([roles.AXL_API_USERS, roles.AXL_READ_ONLY_API_ACCESS]), 'read-only');
  assert.equal(axlAccess([roles.AXL_API_USERS, roles.AXL_READ_ONLY_API_ACCESS, roles.AXL_API_ACCESS]), 'full');
  assert.equal(axlAccess([roles.AXL_READ_ONLY_API_ACCESS]), undefined); // the pair, or nothing
  assert.equal(axlAccess([roles.CCM_ADMIN_USERS]), undefined);
  assert.equal(axlAccess([roles.AGENT, roles.SUPERVISOR, roles.ADMINISTRATOR]), undefined);
  assert.equal(axlAccess([]), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BannerState } from '../../../desktop/container/banner-state.ts';

test('all well: no words', () => {
  const state = new BannerState();
  state.connection('connected');
  assert.deepEqual(state.view(), { words: '', reason: '' });
});

test('the engine lost with the connection up: the contact center is not available until IN_SERVICE', () => {
  const state = new BannerState();
  state.system('OUT_OF_SERVICE');
  assert.equal(state.view().reason, 'out-of-service');
  assert.match(state.view().words, /^The contact center is not available right now\. You are still signed in/);
  state.system('IN_SERVICE');
  assert.deepEqual(state.view(), { words: '', reason: '' });
});

test('a lost connection says more than the status, and failing more than reconnecting', () => {
  const state = new BannerState();
  state.system('OUT_OF_SERVICE');
  assert.equal(state.connection('reconnecting'), false);
  assert.equal(state.view().reason, 'lost');
  assert.match(state.view().words, /^Reconnecting… Your desktop will update/);
  state.connection('failing');
  state.connection('disconnected'); // the tunnel's own statuses go on while the node counts as lost
  assert.equal(state.view().reason, 'failing');
  assert.match(state.view().words, /moves to the other node/);
});

test('back after a loss: read the status again, since its events may have been missed; not on a plain connect', () => {
  const state = new BannerState();
  assert.equal(state.connection('connecting'), false);
  assert.equal(state.connection('connected'), true, 'connecting counts as down: the first connect reads it too');
  assert.equal(state.connection('connected'), false, 'a duplicate');
  state.system('OUT_OF_SERVICE');
  state.connection('reconnecting');
  assert.equal(state.connection('recovered'), true);
  assert.equal(state.view().reason, 'out-of-service', 'until the status read again says otherwise');
});

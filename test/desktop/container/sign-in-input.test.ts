import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSignInInput, problemWords, type SignInProblem } from '../../../desktop/container/sign-in-input.ts';

test('a good input has no problems', () => {
  assert.deepEqual(checkSignInInput({ userId: 'agent1', password: 'x', extension: '1001' }), []);
  assert.deepEqual(checkSignInInput({ userId: ' john.doe@example.com ', password: 'x', extension: ' 1001 ' }), []);
});

test('every field is checked, in form order', () => {
  assert.deepEqual(checkSignInInput({ userId: '', password: '', extension: '' }).map((p) => [p.field, p.problem.kind]), [
    ['userId', 'missing-id'], ['password', 'missing-password'], ['extension', 'missing-extension'],
  ]);
  assert.deepEqual(checkSignInInput({ userId: 'a b', password: 'x', extension: '10a1' }).map((p) => p.problem.kind), ['bad-id', 'bad-extension']);
});

test('every problem has words', () => {
  const problems: SignInProblem[] = [
    { kind: 'wrong-password' }, { kind: 'extension-refused', detail: 'in use' }, { kind: 'engine-down' },
    { kind: 'unreachable' }, { kind: 'layout', detail: 'x' }, { kind: 'unexpected', detail: 'y' },
  ];
  for (const problem of problems) assert.ok(problemWords(problem).length > 10, problem.kind);
  assert.match(problemWords({ kind: 'wrong-password' }), /password is wrong/);
  assert.match(problemWords({ kind: 'extension-refused' }), /in use by someone else or it is not yours/);
});

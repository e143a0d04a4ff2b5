// finesse.d.ts (Poise extension): a gadget written in TypeScript against it compiles, a wrong call does not, and
// it names every class and member group the library installs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { clientservices, containerservices, cslogger, restservices, utilities } from '../../../desktop/finesse/library.ts';

const TYPES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../desktop/finesse/types');

function diagnostics(extraSource?: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(TYPES, 'tsconfig.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  assert.ok(parsed);
  const extra = path.join(TYPES, 'wrong-use.ts');
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (extraSource !== undefined && name === extra ? extraSource : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => (extraSource !== undefined && name === extra) || fileExists(name);
  const files = extraSource === undefined ? parsed.fileNames : [...parsed.fileNames, extra];
  const program = ts.createProgram(files, parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

test('the example gadget compiles against finesse.d.ts', () => {
  assert.deepEqual(diagnostics(), []);
});

test('a state that does not exist, or a handler with the wrong shape, does not compile', () => {
  const errors = diagnostics(`/// <reference path="./finesse.d.ts" />
const u = new finesse.restservices.User({ id: 'agent1' });
u.setState(finesse.restservices.User.States.SLEEPING);
u.makeCall('1002', { success: (rsp: string) => rsp });
`);
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0] ?? '', /SLEEPING/);
});

test('every class and singleton the library installs is declared', async () => {
  const dts = await readFile(path.join(TYPES, 'finesse.d.ts'), 'utf8');
  const installed = { restservices, clientservices, containerservices, cslogger, utilities };
  for (const [namespace, members] of Object.entries(installed)) {
    for (const name of Object.keys(members)) {
      assert.match(dts, new RegExp(`namespace ${namespace} \\{[\\s\\S]*?\\b(class|const) ${name}\\b`), `finesse.${namespace}.${name}`);
    }
  }
});

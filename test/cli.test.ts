// `npm start` as a newcomer runs it: a fresh data directory, nothing configured but ports. The node prints its
// URLs and the demo logins, answers AXL with them, and keeps the generated password across restarts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Started { output: string; stop(): Promise<number | string | null> }

async function startCli(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, POISE_DATA_DIR: dataDir, POISE_CALLMANAGER_PORT: '0', POISE_CALLMANAGER_HTTP_PORT: '0', POISE_PROVIDER_PORT: '0', POISE_XMPP_PORT: '0', POISE_XMPP_TLS_PORT: '0', POISE_BOSH_PORT: '0',
    POISE_LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.POISE_DEMO_PASSWORD;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  // A clean stop exits 0; a signal that killed the process shows as its name.
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Demo logins') && output.endsWith('\n\n')) resolve();
    });
    void exited.then((code) => reject(new Error(`exited with ${code} before it was ready:\n${output}\n${errors}`)));
  });
  return { output, stop: async () => { child.kill('SIGTERM'); return exited; } };
}

const soap = (operation: string) =>
  `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="http://www.cisco.com/AXL/API/12.5"><soapenv:Body><ns:${operation}/></soapenv:Body></soapenv:Envelope>`;

test('npm start on a fresh data directory prints URLs and logins that work, and keeps the password', { timeout: 120_000 }, async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'poise-cli-'));
  try {
    const first = await startCli(dataDir);
    const password = /password for all: (\S+)\)/.exec(first.output)?.[1];
    const axlUrl = /AXL \(SOAP, plain HTTP\)\s+(\S+)/.exec(first.output)?.[1];
    const labUrl = /Lab API \(JSON\)\s+(\S+)/.exec(first.output)?.[1];
    assert.ok(password && axlUrl && labUrl, first.output);
    for (const login of ['admin', 'agent1', 'agent10', 'supervisor1', 'supervisor2', '7001', '7002']) {
      assert.ok(first.output.includes(login), `${login} is printed`);
    }
    assert.match(first.output, /https:\/\/127\.0\.0\.1:\d+\/axl\//);
    const auth = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;

    const version = await fetch(axlUrl, {
      method: 'POST', body: soap('getCCMVersion'),
      headers: { authorization: auth, 'content-type': 'text/xml', soapaction: '"CUCM:DB ver=12.5 getCCMVersion"' },
    });
    assert.equal(version.status, 200);
    assert.match(await version.text(), /<ns:getCCMVersionResponse[^>]*><return><componentVersion><version>12\.5\.1\.10000-22<\/version>/);

    const call = await fetch(`${labUrl}calls`, {
      method: 'POST', body: JSON.stringify({ from: '+14085550100', to: '7001' }),
      headers: { authorization: auth, 'content-type': 'application/json' },
    });
    assert.equal(call.status, 201);
    assert.equal(await first.stop(), 0);

    const second = await startCli(dataDir);
    assert.ok(second.output.includes(`password for all: ${password})`), 'the stored password is printed again');
    assert.equal(await second.stop(), 0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

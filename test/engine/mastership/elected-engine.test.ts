// An elected engine on the real PostgreSQL server (TEST_DATABASE_URL): while another engine of the cluster holds
// the lock, this node's engine is standby and its web service reports OUT_OF_SERVICE; when the other lets go, the
// engine becomes master within a heartbeat or two and SystemInfo says IN_SERVICE.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isEngineService, type EngineService } from '../../../src/engine/index.ts';
import { PostgresMastership, type MastershipRole } from '../../../src/engine/mastership/pg-mastership.ts';
import { startWebNode, type WebFixture } from '../../support/web.ts';

const databaseUrl = process.env.TEST_DATABASE_URL;
const ENGINE_LOCK_KEY = 0x504f4953;
const quiet = { info: () => undefined, warn: () => undefined };

describe('an elected engine', { skip: databaseUrl ? false : 'TEST_DATABASE_URL is not set', timeout: 60_000 }, () => {
  const name = `poise_test_${randomBytes(6).toString('hex')}`;
  let scratchUrl: string;
  let rival: PostgresMastership;
  let rivalRole: MastershipRole = 'standby';
  let fx: WebFixture;
  let engine: EngineService;

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  const until = async (what: string, condition: () => boolean | Promise<boolean>, ms = 10_000) => {
    const deadline = performance.now() + ms;
    while (!await condition()) {
      if (performance.now() > deadline) assert.fail(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const systemStatus = async () => (await fx.call('GET', '/SystemInfo', { as: null })).xml?.getChildText('status');

  before(async () => {
    await admin(`create database ${name}`);
    const url = new URL(databaseUrl!);
    url.pathname = `/${name}`;
    scratchUrl = url.toString();
    // The other engine of the cluster, already master.
    rival = new PostgresMastership({ connectionString: scratchUrl, lockKey: ENGINE_LOCK_KEY, log: quiet, onRole: (r) => { rivalRole = r; } });
    rival.start();
    await until('the rival is master', () => rivalRole === 'master');
    fx = await startWebNode({ DATABASE_URL: scratchUrl, POISE_ENGINE_ROLE: 'elected', POISE_ONLY: 'callmanager,engine,web' });
    const found = fx.node.services.find(isEngineService);
    assert.ok(found);
    engine = found;
  });
  after(async () => {
    await rival?.close();
    await fx?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  test('standby while the other engine holds the lock: SystemInfo OUT_OF_SERVICE', async () => {
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(engine.cti.role, 'standby');
    assert.equal(await systemStatus(), 'OUT_OF_SERVICE');
  });

  test('master once the other lets go: SystemInfo IN_SERVICE', async () => {
    await rival.close();
    await until('the engine is master', () => engine.cti.role === 'master', 5000);
    await until('SystemInfo says IN_SERVICE', async () => await systemStatus() === 'IN_SERVICE', 10_000);
  });
});

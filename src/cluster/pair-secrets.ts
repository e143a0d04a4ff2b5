// The secrets both nodes and the call manager must share, made at the pair's first start and kept in its data
// directory (readable by the owner only), so a restarted node rejoins with the same ones.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PairSecrets { readonly demoPassword: string; readonly clusterSecret: string }

export async function loadPairSecrets(dataDir: string, demoPassword?: string): Promise<PairSecrets> {
  const file = join(dataDir, 'pair-secrets.json');
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Partial<PairSecrets>;
    if (typeof stored.demoPassword === 'string' && typeof stored.clusterSecret === 'string') {
      return { demoPassword: demoPassword ?? stored.demoPassword, clusterSecret: stored.clusterSecret };
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secrets = {
    demoPassword: demoPassword ?? randomBytes(9).toString('base64url'),
    clusterSecret: randomBytes(32).toString('base64url'),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Stored form: scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>. The cost travels with the hash, so a
// cheaper test cost never weakens production hashes and the default can rise without a migration.
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
export const DEFAULT_SCRYPT_LOG2_COST = 14; // N = 16384, the cost node's scrypt defaults to
const MIN_LOG2_COST = 1;
const MAX_LOG2_COST = 20; // refuse stored hashes that would cost more than 1 GiB to check

// Each derivation holds 128·N·r bytes (16 MiB at the default cost) on a libuv thread, and every thread keeps
// its own malloc arena afterwards: a sign-in burst on four threads left that much RSS four times over. Two at a
// time bounds it and leaves threads free for file I/O; the others queue, in order.
const MAX_CONCURRENT_DERIVATIONS = 2;
let derivations = 0;
const waitingDerivations: Array<() => void> = [];

async function derive(secret: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  if (derivations >= MAX_CONCURRENT_DERIVATIONS) await new Promise<void>((resolve) => waitingDerivations.push(resolve));
  else derivations += 1;
  try {
    const options: ScryptOptions = { N: 2 ** log2N, r, p, maxmem: 256 * 2 ** log2N * r + 1024 * 1024 };
    return await new Promise<Buffer>((resolve, reject) => {
      scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
    });
  } finally {
    const next = waitingDerivations.shift();
    if (next) next();
    else derivations -= 1;
  }
}

/** Hashes a password or PIN with a fresh salt. */
export async function hashSecret(secret: string, log2N: number = DEFAULT_SCRYPT_LOG2_COST): Promise<string> {
  if (!Number.isInteger(log2N) || log2N < MIN_LOG2_COST || log2N > MAX_LOG2_COST) {
    throw new RangeError(`scrypt cost 2^${log2N} is out of range`);
  }
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(secret, salt, log2N, BLOCK_SIZE, PARALLELISM);
  return ['scrypt', log2N, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

// Checked when there is no stored hash, so an unknown user costs as much time as a wrong password.
const decoys = new Map<number, Promise<string>>();

/**
 * True when `secret` matches `stored`; a missing or unreadable hash never matches, after the same work at
 * `decoyLog2N` (the cost new hashes get) so that the time taken does not tell the two apart.
 */
export async function verifySecret(
  secret: string,
  stored: string | null | undefined,
  decoyLog2N: number = DEFAULT_SCRYPT_LOG2_COST,
): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : undefined;
  if (!parsed) {
    let decoy = decoys.get(decoyLog2N);
    if (!decoy) decoys.set(decoyLog2N, (decoy = hashSecret('decoy', decoyLog2N)));
    const fallback = parseHash(await decoy);
    if (fallback) await derive(secret, fallback.salt, fallback.log2N, fallback.r, fallback.p);
    return false;
  }
  const key = await derive(secret, parsed.salt, parsed.log2N, parsed.r, parsed.p);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

interface ParsedHash { log2N: number; r: number; p: number; salt: Buffer; key: Buffer }

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || key === undefined) return undefined;
  const log2N = Number(n);
  const blockSize = Number(r);
  const parallelism = Number(p);
  if (!Number.isInteger(log2N) || log2N < MIN_LOG2_COST || log2N > MAX_LOG2_COST) return undefined;
  if (!Number.isInteger(blockSize) || blockSize < 1 || blockSize > 16) return undefined;
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 4) return undefined;
  return { log2N, r: blockSize, p: parallelism, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

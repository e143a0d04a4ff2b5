// What a pair shares and must find running before it starts: a PostgreSQL server (configuration and the engines'
// lease) and Redis (notifications and statistics across the nodes). Each check says in plain words what is missing.
import pg from 'pg';
import { Redis } from 'ioredis';

/** Creates the pair's database on the server when it is not there yet (the user must be allowed to). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`the database name ${JSON.stringify(name)} is not a plain identifier`);
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${url.host} (${(err as Error).message}); start it or set DATABASE_URL`);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  redis.on('error', () => {});   // the failed connect below says it
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Redis is not reachable at ${redisUrl} (${(err as Error).message}); start it or set POISE_REDIS_URL`);
  } finally {
    redis.disconnect();
  }
}

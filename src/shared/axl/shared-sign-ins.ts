// Sign-ins a node of the cluster has checked, remembered in Redis for the others: after a failover a thousand
// desktops sign in again on the peer at once, and each check by the call manager is a deliberately slow hash
// (scrypt), about a minute of CPU for them all. A node that finds the credentials here believes them without AXL.
// Redis holds only an HMAC of user and password under the cluster secret: nothing there gives a password back.
// A password changed in the directory is still believed here until the entry expires (TTL), as each node's own
// short cache already does; wrong passwords are never stored, so lockout counting is unchanged.
import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { UserDirectory } from './user-directory.ts';

export interface SharedSignInsOptions {
  readonly redisUrl: string;
  readonly clusterSecret: string;
  readonly ttlSeconds: number;
  readonly log: Logger;
  /** Prefix of the keys; one per cluster when clusters share a Redis. */
  readonly keyPrefix?: string;
}

export class SharedSignIns {
  readonly #redis: Redis;
  readonly #options: SharedSignInsOptions;

  constructor(options: SharedSignInsOptions) {
    this.#options = options;
    // No offline queue: while Redis is away a lookup fails at once and the node asks AXL as it would alone.
    this.#redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: false });
    let warned = false;
    this.#redis.on('error', (err: Error) => {
      if (!warned) options.log.warn({ err }, 'shared sign-ins: Redis unreachable; sign-ins are checked by AXL alone');
      warned = true;
    });
    this.#redis.on('ready', () => { warned = false; });
  }

  async has(userid: string, password: string): Promise<boolean> {
    try {
      return (await this.#redis.exists(this.#key(userid, password))) === 1;
    } catch {
      return false;
    }
  }

  remember(userid: string, password: string): void {
    this.#redis.set(this.#key(userid, password), '1', 'EX', this.#options.ttlSeconds).catch(() => {});
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }

  #key(userid: string, password: string): string {
    const mac = createHmac('sha256', this.#options.clusterSecret).update(`${userid.toLowerCase()}\0${password}`).digest('base64url');
    return `${this.#options.keyPrefix ?? 'poise:sign-in:'}${mac}`;
  }
}

/** The directory, with sign-ins checked anywhere in the cluster believed; everything else goes to it. */
export function withSharedSignIns(directory: UserDirectory, shared: SharedSignIns): UserDirectory {
  return {
    async authenticate(userid, password) {
      if (await shared.has(userid, password)) return true;
      const ok = await directory.authenticate(userid, password);
      if (ok) shared.remember(userid, password);
      return ok;
    },
    getUser: (userid) => directory.getUser(userid),
  };
}

/** The cluster's shared sign-ins when this node has Redis, the cluster secret and a TTL; else undefined. */
export function sharedSignInsOf(
  config: { notify: { redisUrl: string | undefined }; cluster: { secret: string | undefined; sharedSignInSeconds: number } },
  log: Logger,
): SharedSignIns | undefined {
  const { redisUrl } = config.notify;
  const { secret, sharedSignInSeconds } = config.cluster;
  if (!redisUrl || !secret || sharedSignInSeconds === 0) return undefined;
  return new SharedSignIns({ redisUrl, clusterSecret: secret, ttlSeconds: sharedSignInSeconds, log });
}

// A lease in Redis: SET NX PX with a token, renewed while the holder works, released only by its
// holder (compare-and-delete in Lua). A holder that dies (kill -9, lost machine) stops renewing, so
// the lease lapses after its TTL and someone else may take it — no lock outlives its process for long.
import type { Redis } from 'ioredis';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
// Releasing may leave a short cool-down in place of the lease (politeness pause before the next holder).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  if tonumber(ARGV[2]) > 0 then redis.call('SET', KEYS[1], 'cool-down', 'PX', ARGV[2]) else redis.call('DEL', KEYS[1]) end
  return 1
else return 0 end`;

export class RedisLock {
  constructor(
    private readonly redis: Redis,
    readonly key: string,
    readonly ttlMs: number,
  ) {}

  /** True when the lease is now ours. */
  async acquire(token: string): Promise<boolean> {
    return (await this.redis.set(this.key, token, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  /** False when the lease is no longer ours (it lapsed, or someone else holds it now). */
  async renew(token: string): Promise<boolean> {
    return Number(await this.redis.eval(RENEW, 1, this.key, token, String(this.ttlMs))) === 1;
  }

  /** Gives the lease up; with `coolDownMs`, nobody may take it until that pause has passed. */
  async release(token: string, coolDownMs = 0): Promise<boolean> {
    return Number(await this.redis.eval(RELEASE, 1, this.key, token, String(Math.max(0, Math.round(coolDownMs))))) === 1;
  }

  /** Milliseconds until the lease lapses unless renewed (0 when free). */
  async remainingMs(): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.key));
  }

  /** The current holder's token ('cool-down' during a pause), or null when free. */
  holder(): Promise<string | null> {
    return this.redis.get(this.key);
  }

  /**
   * Renews the lease every third of its TTL until the returned function is called. `onLost` runs
   * once when a renewal finds the lease gone or taken (Redis errors are retried on the next tick).
   */
  keepAlive(token: string, onLost: () => void): () => void {
    let lost = false;
    const timer = setInterval(
      () => {
        this.renew(token).then(
          (ours) => {
            if (!ours && !lost) {
              lost = true;
              clearInterval(timer);
              onLost();
            }
          },
          () => undefined,
        );
      },
      Math.max(100, Math.floor(this.ttlMs / 3)),
    );
    timer.unref();
    return () => clearInterval(timer);
  }
}

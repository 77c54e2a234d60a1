// --redis for the distributed commands: an unreachable Redis is "could not work" (exit 3), said once.
import { checkRedis, DEFAULT_PREFIX, parseRedisUrl, RedisUnavailableError, RedisUrlError, validatePrefix } from '../scheduler/distributed/names.ts';
import { UsageError } from './args.ts';

/** True when Redis answers; otherwise writes the reason as `govcheck <command>: …` and returns false. */
export async function redisReachable(url: string, command: string): Promise<boolean> {
  try {
    await checkRedis(url);
    return true;
  } catch (e) {
    if (e instanceof RedisUnavailableError) {
      process.stderr.write(`govcheck ${command}: ${e.message}\n`);
      return false;
    }
    throw e;
  }
}

/** --redis and --prefix checked before anything connects; returns the key prefix to use. */
export function redisPrefixFlag(url: string, prefix: string | undefined): string {
  try {
    parseRedisUrl(url);
    return validatePrefix(prefix ?? DEFAULT_PREFIX);
  } catch (e) {
    if (e instanceof RedisUrlError) throw new UsageError(e.message);
    throw e;
  }
}

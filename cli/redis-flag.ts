// --redis for the distributed commands: an unreachable Redis is "could not work" (exit 3), said once.
import { checkRedis, RedisUnavailableError } from '../scheduler/distributed/names.ts';

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

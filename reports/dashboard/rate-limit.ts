// Failed login attempts per client address: a token is 128 bits, so guessing is hopeless anyway, but an
// unlimited login form still invites scripted hammering. A sliding window, kept in memory (the
// dashboard is one process); addresses whose attempts have all expired are forgotten.

export interface RateVerdict {
  allowed: boolean;
  /** Seconds until the oldest attempt in the window expires (when refused). */
  retryAfterS: number;
}

export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `key` may make another attempt now (nothing is recorded). */
  check(key: string): RateVerdict {
    const t = this.now();
    const recent = this.recent(key, t);
    if (recent.length < this.limit) return { allowed: true, retryAfterS: 0 };
    return { allowed: false, retryAfterS: Math.max(1, Math.ceil((recent[recent.length - this.limit] + this.windowMs - t) / 1000)) };
  }

  /** Records a failed attempt by `key`. */
  record(key: string): void {
    const t = this.now();
    if (this.attempts.size > 10_000) this.forgetExpired(t);
    this.attempts.set(key, [...this.recent(key, t), t]);
  }

  private recent(key: string, t: number): number[] {
    return (this.attempts.get(key) ?? []).filter((a) => a > t - this.windowMs);
  }

  private forgetExpired(t: number): void {
    for (const [k, list] of this.attempts) if (!list.some((a) => a > t - this.windowMs)) this.attempts.delete(k);
  }
}

/**
 * A token bucket: up to `perMinute` takes at once, refilled continuously at `perMinute`. Lets a normal trickle
 * through untouched and cuts a burst down to a minute's worth.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perMinute;
    this.last = now();
  }

  /** Takes a token if one is there; false means the caller is over the rate. */
  take(): boolean {
    const now = this.now();
    // A clock set back must not drain the bucket.
    this.tokens = Math.min(this.perMinute, this.tokens + (Math.max(0, now - this.last) * this.perMinute) / 60_000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Counts requests whose listeners are still running. Bolt answers Slack's HTTP request at ack(), before the
 * listener finishes, so closing the server does not wait for them: shutdown waits here instead.
 */
export class InFlight {
  private running = 0;
  private waiters: Array<() => void> = [];

  begin(): () => void {
    this.running += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Resolves true once nothing is running, or false when the time is up first. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

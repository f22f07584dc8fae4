/**
 * Counts failed logins per key (a login name, a client address) within a
 * sliding window. Kept in memory: a restart forgives everyone, which is
 * acceptable for a small server and keeps the login path free of writes.
 */
export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until this key may try again, or 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < this.limit) return 0;
    return times[times.length - this.limit]! + this.windowMs - now;
  }

  recordFailure(key: string, now = Date.now()): void {
    const times = this.recent(key, now);
    times.push(now);
    this.failures.set(key, times);
    if (this.failures.size > 10_000) this.sweep(now);
  }

  /** Takes back one failure recorded at `time` (an attempt that turned out right). */
  forgive(key: string, time: number): void {
    const times = this.failures.get(key);
    const at = times?.indexOf(time) ?? -1;
    if (times && at >= 0) times.splice(at, 1);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const fresh = times.filter((t) => t > now - this.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    return fresh;
  }

  /** Drops keys whose failures have all left the window, so the map cannot grow without end. */
  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}

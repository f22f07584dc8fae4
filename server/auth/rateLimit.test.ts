import { describe, expect, it } from 'vitest';
import { FailureCounter } from './rateLimit';

describe('FailureCounter', () => {
  it('blocks a key after the limit within the window and lets it try again once the oldest failure leaves it', () => {
    const counter = new FailureCounter(3, 1000);
    counter.recordFailure('a', 0);
    counter.recordFailure('a', 100);
    expect(counter.retryAfterMs('a', 200)).toBe(0);
    counter.recordFailure('a', 200);
    expect(counter.retryAfterMs('a', 300)).toBe(700);
    expect(counter.retryAfterMs('b', 300)).toBe(0);
    expect(counter.retryAfterMs('a', 1001)).toBe(0);
  });

  it('forgets a key when cleared', () => {
    const counter = new FailureCounter(1, 1000);
    counter.recordFailure('a', 0);
    expect(counter.retryAfterMs('a', 1)).toBeGreaterThan(0);
    counter.clear('a');
    expect(counter.retryAfterMs('a', 1)).toBe(0);
  });
});

describe('FailureCounter.forgive', () => {
  it('takes back one recorded failure', () => {
    const counter = new FailureCounter(2, 1000);
    counter.recordFailure('a', 10);
    counter.recordFailure('a', 20);
    expect(counter.retryAfterMs('a', 30)).toBeGreaterThan(0);
    counter.forgive('a', 20);
    expect(counter.retryAfterMs('a', 30)).toBe(0);
  });
});

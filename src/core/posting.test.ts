import { describe, expect, it } from 'vitest';
import { postingDeadline, STOP_POSTING_BEFORE_TIMEOUT_MS } from './posting.js';

describe('postingDeadline', () => {
  it('stops at half the remaining time when that leaves more than the in-flight margin', () => {
    expect(postingDeadline(1_000, 60_000)).toBe(31_000);
    expect(postingDeadline(0, 30_000)).toBe(15_000);
  });

  it('keeps at least the in-flight margin before the timeout', () => {
    expect(postingDeadline(1_000, 20_000)).toBe(1_000 + 20_000 - STOP_POSTING_BEFORE_TIMEOUT_MS);
  });

  it('is already past when less than the margin is left (nothing new starts)', () => {
    expect(postingDeadline(1_000, 5_000)).toBeLessThan(1_000);
  });
});

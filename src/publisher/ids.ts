/**
 * Message ids are ULIDs (https://github.com/ulid/spec) from the `ulid` package: 48-bit millisecond time + 80 random
 * bits in Crockford base32, so ids sort by publish time and fit the contract's MessageId pattern. The monotonic
 * factory increments the random part within one millisecond, so ids from one process stay strictly ordered.
 */
import { decodeTime, isValid, monotonicFactory } from 'ulid';

export type IdGenerator = () => string;

export function createUlidGenerator(now: () => number = Date.now): IdGenerator {
  const next = monotonicFactory();
  return () => next(now());
}

export const ulid: IdGenerator = createUlidGenerator();

/** The publish time of a ULID message id (the publishers' default ids), else undefined. */
export function ulidTime(id: string): number | undefined {
  return isValid(id) ? decodeTime(id) : undefined;
}

/** A correlation id that follows the message through every log line (`c-` + a UUID). */
export function newCorrelationId(): string {
  return `c-${globalThis.crypto.randomUUID()}`;
}

/**
 * Message ids are ULIDs (https://github.com/ulid/spec): 48-bit millisecond time + 80 random bits in Crockford
 * base32, so ids sort by publish time and fit the contract's MessageId pattern. Within one millisecond the random
 * part is incremented (the spec's monotonic mode) so ids from one process stay strictly ordered.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type IdGenerator = () => string;

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** 16 base32 digits (80 bits), one 5-bit digit per entry. */
function randomDigits(): number[] {
  return Array.from(randomBytes(16), (b) => b % 32);
}

export function createUlidGenerator(now: () => number = Date.now): IdGenerator {
  let lastTime = -1;
  let lastRandom: number[] = [];
  return () => {
    const time = now();
    if (time <= lastTime) {
      // Same (or a backwards) millisecond: increment the previous random part to stay sortable.
      const digits = [...lastRandom];
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === 31) {
        digits[i] = 0;
        i -= 1;
      }
      if (i < 0) throw new Error('ULID random part overflowed within one millisecond');
      digits[i] = (digits[i] as number) + 1;
      lastRandom = digits;
    } else {
      lastTime = time;
      lastRandom = randomDigits();
    }
    return encodeTime(lastTime) + lastRandom.map((d) => ALPHABET[d]).join('');
  };
}

export const ulid: IdGenerator = createUlidGenerator();

/** A correlation id that follows the message through every log line (`c-` + a UUID). */
export function newCorrelationId(): string {
  return `c-${globalThis.crypto.randomUUID()}`;
}

/**
 * Shared helpers for the edge tests: SDK client settings and polling. The `@connections` stand-in is the one the
 * handler tests use too (`RecordingRegistry`, src/local/edge/testing/recording-registry.ts).
 */
import { TEST_CREDENTIALS } from '../../../src/local/edge/testing/test-edge.js';

export { RecordingRegistry } from '../../../src/local/edge/testing/recording-registry.js';

export function clientConfig(endpoint: string): {
  endpoint: string;
  region: string;
  credentials: typeof TEST_CREDENTIALS;
} {
  return { endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS };
}

/** Polls `check` until it returns a value other than undefined (bounded). */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

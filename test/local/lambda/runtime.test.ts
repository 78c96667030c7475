import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLambdaRuntime } from '../../../src/local/lambda/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('in-process Lambda runtime', () => {
  it('imports src/handlers-style modules lazily, once per function, with a Lambda-like context', async () => {
    const runtime = createLambdaRuntime({
      handlersDir: fixtures,
      env: { FIXTURE_SETTING: 'from-env' },
      timeoutMs: 2000,
    });
    const first = (await runtime.invoke('echo', { a: 1 })) as Record<string, unknown>;
    const second = (await runtime.invoke('echo', { a: 2 })) as Record<string, unknown>;
    expect(first).toMatchObject({ event: { a: 1 }, functionName: 'echo', env: 'from-env' });
    expect(first.requestId).not.toBe(second.requestId);
    expect(first.loadedAt).toBe(second.loadedAt);
    expect(first.remaining as number).toBeGreaterThan(1500);
    expect(first.remaining as number).toBeLessThanOrEqual(2000);
    expect(runtime.stats().echo).toMatchObject({ invocations: 2, errors: 0, coldStarts: 1 });
    expect(runtime.stats().echo?.billedDurationMs).toBeGreaterThanOrEqual(2);
  });

  it('times out a slow invocation and counts it as an error', async () => {
    const runtime = createLambdaRuntime({ handlersDir: fixtures, timeouts: { slow: 100 } });
    await expect(runtime.invoke('slow', {})).rejects.toThrow('Task timed out after 0.10 seconds');
    expect(runtime.stats().slow).toMatchObject({ invocations: 1, errors: 1, timeouts: 1 });
  });

  it('fails clearly for a missing module, a module without handler, and an invalid name', async () => {
    const runtime = createLambdaRuntime({ handlersDir: fixtures });
    await expect(runtime.invoke('missing', {})).rejects.toThrow('Function not found');
    await expect(runtime.invoke('no-handler', {})).rejects.toThrow(
      'does not export a function named "handler"',
    );
    await expect(runtime.invoke('../etc/passwd', {})).rejects.toThrow('Invalid function name');
  });

  it('runs at most asyncConcurrency asynchronous invocations of a function at once, in arrival order', async () => {
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const runtime = createLambdaRuntime({
      asyncConcurrency: 3,
      timeoutMs: 200,
      loadHandler: async () => async (event: unknown) => {
        running += 1;
        peak = Math.max(peak, running);
        order.push((event as { n: number }).n);
        // Each invocation alone is far inside its 200 ms timeout; 20 at once would not be if queued time counted.
        await new Promise((resolveWait) => setTimeout(resolveWait, 20));
        running -= 1;
      },
    });
    for (let n = 0; n < 20; n++) runtime.invokeAsync('burst', { n }, { source: 'test' });
    await runtime.drain();
    expect(peak).toBe(3);
    expect(order).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(runtime.stats().burst).toMatchObject({ invocations: 20, errors: 0, timeouts: 0 });
    expect(runtime.failures.list()).toEqual([]);
  });

  it('retries asynchronous invocations twice, then records the failure; drain waits for them', async () => {
    let calls = 0;
    const runtime = createLambdaRuntime({
      loadHandler: async () => () => {
        calls += 1;
        throw new Error(`attempt ${calls}`);
      },
      retryDelaysMs: [10, 10],
    });
    runtime.invokeAsync('fails', { x: 1 }, { source: 'test' });
    await runtime.drain();
    expect(calls).toBe(3);
    expect(runtime.failures.list()).toEqual([
      expect.objectContaining({
        functionName: 'fails',
        source: 'test',
        attempts: 3,
        error: { name: 'Error', message: 'attempt 3' },
        event: { x: 1 },
      }),
    ]);
  });

  it('stop() cuts retry backoffs short and still records the failure', async () => {
    const runtime = createLambdaRuntime({
      loadHandler: async () => () => {
        throw new Error('nope');
      },
      retryDelaysMs: [60_000],
    });
    runtime.invokeAsync('fails', {}, { source: 'test' });
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await runtime.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(runtime.failures.list()[0]?.error.message).toContain('Runtime stopped before retry');
  });
});

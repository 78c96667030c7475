/**
 * The journal of accepted asynchronous invocations (`--data-dir`): what was accepted and not finished is
 * handed to the next run, a torn last line from a crash is ignored, and an invocation interrupted by stop()
 * stays pending instead of being recorded as a failure.
 */
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AsyncInvocationJournal } from '../../../src/local/lambda/async-journal.js';
import { createLambdaRuntime, type LambdaHandler } from '../../../src/local/lambda/index.js';

const journalPath = (): string => join(mkdtempSync(join(tmpdir(), 'wspush-journal-')), 'queue.jsonl');

describe('asynchronous invocation journal', () => {
  it('gives the next run what was accepted and not done, oldest first, and compacts the file', () => {
    const path = journalPath();
    const first = new AsyncInvocationJournal(path);
    const ids = [1, 2, 3].map((n) =>
      first.accept({ functionName: 'user-router', source: 'sns:t', retries: 2, event: { n } }),
    );
    first.done(ids[1] as number);
    first.close();
    appendFileSync(path, '{"accepted":{"id":9,"functionName":"user-rou'); // a crash mid-write
    const second = new AsyncInvocationJournal(path);
    expect(second.unfinished().map((e) => e.event)).toEqual([{ n: 1 }, { n: 3 }]);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
    const next = second.accept({ functionName: 'f', source: 's', retries: 2, event: {} });
    expect(next).toBeGreaterThan(ids[2] as number);
    second.close();
  });

  it('with a runtime: done after success; a stop during retries leaves it pending, and the next run resumes it', async () => {
    const path = journalPath();
    let failing = true;
    const seen: unknown[] = [];
    const handler: LambdaHandler = (event) => {
      seen.push(event);
      if (failing) throw new Error('not yet');
      return 'ok';
    };
    const journal = new AsyncInvocationJournal(path);
    const runtime = createLambdaRuntime({
      loadHandler: async () => handler,
      retryDelaysMs: [60_000],
      journal,
    });
    runtime.invokeAsync('router', { n: 1 }, { source: 'sns:t', retries: 1 });
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    await runtime.stop();
    journal.close();
    expect(runtime.failures.list()).toEqual([]);

    failing = false;
    const reopened = new AsyncInvocationJournal(path);
    const next = createLambdaRuntime({ loadHandler: async () => handler, journal: reopened });
    expect(next.resumeJournaled()).toBe(1);
    await next.drain();
    expect(seen).toEqual([{ n: 1 }, { n: 1 }]);
    expect(reopened.unfinished()).toEqual([]);
    reopened.close();
    expect(new AsyncInvocationJournal(path).unfinished()).toEqual([]);
  });
});

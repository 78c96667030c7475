/**
 * In-process Lambda runtime: loads `src/handlers/<name>.ts` lazily (one cold start per function), calls
 * `handler(event, context)` with a Lambda-like context and a timeout, and counts invocations, errors and
 * duration per function (the benchmark's cost model reads these counters).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { AsyncInvocationJournal } from './async-journal.js';
import { FailureStore } from './failure-store.js';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown> | unknown;

export interface FunctionStats {
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  /** sum of wall-clock handler durations */
  durationMs: number;
  /** sum of durations rounded up to 1 ms per invocation, as Lambda bills */
  billedDurationMs: number;
}

export interface AsyncInvokeOptions {
  /** what triggered it, kept in the failure record */
  source: string;
  /** retries after the first attempt; Lambda's asynchronous invocation default is 2 */
  retries?: number;
}

export interface LambdaRuntimeOptions {
  /** resolves a function name to its handler; default imports `<handlersDir>/<name>.ts` (or `.js`) */
  loadHandler?: (name: string) => Promise<LambdaHandler>;
  /** directory of handler modules; default `src/handlers` of this repository */
  handlersDir?: string;
  /** set on `process.env` before the first cold start (handlers read configuration at cold start) */
  env?: Record<string, string>;
  /** default invocation timeout; Lambda's default is 3 s, ours is more generous for slow CI machines */
  timeoutMs?: number;
  /** per-function timeouts */
  timeouts?: Record<string, number>;
  memoryLimitMb?: number;
  region?: string;
  accountId?: string;
  /** delays before the asynchronous retries (index 0 before the first retry) */
  retryDelaysMs?: readonly number[];
  /**
   * Asynchronous invocations (SNS) running at once per function; the rest wait in a FIFO queue, as events
   * wait in Lambda's internal async queue when a function is at its concurrency. Unbounded, a publish burst
   * would start every invocation at once in this one process, time them all out and multiply the load with
   * retries. Default 4.
   */
  asyncConcurrency?: number;
  /**
   * Makes accepted asynchronous invocations durable (`--data-dir`): journaled before `invokeAsync` returns,
   * marked done when they succeed or fail for good; one interrupted by `stop()` stays pending for the next run.
   */
  journal?: AsyncInvocationJournal;
}

export class InvocationTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export interface LambdaRuntime {
  invoke(name: string, event: unknown): Promise<unknown>;
  /**
   * Fire-and-forget like `InvocationType: Event`: accepted (journaled, with a journal) when it returns, run
   * after the current I/O turn, retried, then recorded in `failures`.
   */
  invokeAsync(name: string, event: unknown, options: AsyncInvokeOptions): void;
  /** Runs the invocations a previous run's journal left unfinished (call once the handlers can load). */
  resumeJournaled(): number;
  /** resolves when no asynchronous invocation (including retries) is pending */
  drain(): Promise<void>;
  stats(): Record<string, FunctionStats>;
  resetStats(): void;
  readonly failures: FailureStore;
  /** stops scheduling asynchronous retries; pending ones are recorded as failures */
  stop(): Promise<void>;
}

const defaultHandlersDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../handlers');

function isFunctionNameValid(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(name);
}

async function importHandler(handlersDir: string, name: string): Promise<LambdaHandler> {
  const candidates = [join(handlersDir, `${name}.ts`), join(handlersDir, `${name}.js`)];
  const file = candidates.find((path) => existsSync(path));
  if (!file) throw new Error(`Function not found: no handler module ${candidates.join(' or ')}`);
  const mod = (await import(pathToFileURL(file).href)) as { handler?: unknown };
  if (typeof mod.handler !== 'function')
    throw new Error(`${file} does not export a function named "handler"`);
  return mod.handler as LambdaHandler;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A delay that ends early when `signal` aborts (so stop() does not wait out retry backoffs). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createLambdaRuntime(options: LambdaRuntimeOptions = {}): LambdaRuntime {
  const handlersDir = options.handlersDir ?? defaultHandlersDir;
  const load = options.loadHandler ?? ((name: string) => importHandler(handlersDir, name));
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const retryDelays = options.retryDelaysMs ?? [1000, 2000];
  const handlers = new Map<string, Promise<LambdaHandler>>();
  const counters = new Map<string, FunctionStats>();
  const failures = new FailureStore();
  const pending = new Set<Promise<void>>();
  const stopping = new AbortController();
  let envApplied = false;

  function statsFor(name: string): FunctionStats {
    let s = counters.get(name);
    if (!s) {
      s = { invocations: 0, errors: 0, timeouts: 0, coldStarts: 0, durationMs: 0, billedDurationMs: 0 };
      counters.set(name, s);
    }
    return s;
  }

  function getHandler(name: string): Promise<LambdaHandler> {
    let handler = handlers.get(name);
    if (!handler) {
      if (!envApplied && options.env) {
        Object.assign(process.env, options.env);
        envApplied = true;
      }
      statsFor(name).coldStarts += 1;
      handler = load(name);
      // A failed cold start (syntax error, missing config) is retried on the next invocation, as Lambda does.
      handler.catch(() => handlers.delete(name));
      handlers.set(name, handler);
    }
    return handler;
  }

  async function invoke(name: string, event: unknown): Promise<unknown> {
    if (!isFunctionNameValid(name)) throw new Error(`Invalid function name: ${JSON.stringify(name)}`);
    const stats = statsFor(name);
    stats.invocations += 1;
    const timeoutMs = options.timeouts?.[name] ?? options.timeoutMs ?? 30_000;
    const started = performance.now();
    const deadline = Date.now() + timeoutMs;
    const requestId = randomUUID();
    const context: Context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${name}`,
      memoryLimitInMB: String(options.memoryLimitMb ?? 1024),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: `local/[$LATEST]${requestId.replaceAll('-', '')}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = await getHandler(name);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => {
            stats.timeouts += 1;
            reject(
              new InvocationTimeoutError(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`),
            );
          },
          Math.max(0, deadline - Date.now()),
        );
      });
      return await Promise.race([Promise.resolve().then(() => handler(event, context)), timeout]);
    } catch (error) {
      stats.errors += 1;
      throw toError(error);
    } finally {
      if (timer) clearTimeout(timer);
      const elapsed = performance.now() - started;
      stats.durationMs += elapsed;
      stats.billedDurationMs += Math.max(1, Math.ceil(elapsed));
    }
  }

  const asyncLimit = Math.max(1, options.asyncConcurrency ?? 4);
  const asyncSlots = new Map<string, { running: number; waiting: Array<() => void> }>();

  /** Waits for one of the function's asynchronous slots (FIFO); the timeout starts only once running. */
  async function invokeInSlot(name: string, event: unknown): Promise<void> {
    let slot = asyncSlots.get(name);
    if (!slot) {
      slot = { running: 0, waiting: [] };
      asyncSlots.set(name, slot);
    }
    const held = slot;
    if (held.running >= asyncLimit) await new Promise<void>((resolveSlot) => held.waiting.push(resolveSlot));
    else held.running += 1;
    try {
      await invoke(name, event);
    } finally {
      const next = held.waiting.shift();
      // The slot passes straight to the next waiter, so `running` stays within the limit.
      if (next) next();
      else held.running -= 1;
    }
  }

  function invokeAsync(name: string, event: unknown, asyncOptions: AsyncInvokeOptions): void {
    const retries = asyncOptions.retries ?? 2;
    const journalId = options.journal?.accept({
      functionName: name,
      source: asyncOptions.source,
      retries,
      event,
    });
    runAsync(name, event, asyncOptions.source, retries, journalId);
  }

  function runAsync(
    name: string,
    event: unknown,
    source: string,
    retries: number,
    journalId: number | undefined,
  ): void {
    const run = async (): Promise<void> => {
      // After the current I/O turn: the caller (SNS Publish) answers before any subscriber runs.
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
      let lastError: Error = new Error('not invoked');
      let attempts = 0;
      for (let attempt = 0; attempt <= retries; attempt += 1) {
        if (attempt > 0) {
          if (stopping.signal.aborted) break;
          await sleep(retryDelays[Math.min(attempt - 1, retryDelays.length - 1)] ?? 1000, stopping.signal);
          if (stopping.signal.aborted) break;
        }
        attempts += 1;
        try {
          await invokeInSlot(name, event);
          if (journalId !== undefined) options.journal?.done(journalId);
          return;
        } catch (error) {
          lastError = toError(error);
        }
      }
      const interrupted = stopping.signal.aborted && attempts <= retries;
      // With a journal an invocation the stop interrupted is not a failure: the next run retries it.
      if (interrupted && journalId !== undefined) return;
      if (interrupted) {
        lastError = new Error(
          `Runtime stopped before retry ${attempts} of ${retries}; last error: ${lastError.message}`,
        );
      }
      failures.record({
        functionName: name,
        source,
        attempts,
        error: { name: lastError.name, message: lastError.message },
        event,
      });
      if (journalId !== undefined) options.journal?.done(journalId);
    };
    const promise = run().finally(() => pending.delete(promise));
    pending.add(promise);
  }

  function resumeJournaled(): number {
    const unfinished = options.journal?.unfinished() ?? [];
    for (const entry of unfinished)
      runAsync(entry.functionName, entry.event, entry.source, entry.retries, entry.id);
    return unfinished.length;
  }

  async function drain(): Promise<void> {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  }

  return {
    invoke,
    invokeAsync,
    resumeJournaled,
    drain,
    stats: () => Object.fromEntries([...counters].map(([name, s]) => [name, { ...s }])),
    resetStats: () => counters.clear(),
    failures,
    async stop() {
      stopping.abort();
      await drain();
    },
  };
}

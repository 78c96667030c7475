/**
 * Lambda under virtual time: an invocation has one vCPU (calls reserve CPU one after another), a timeout after
 * which it is frozen (every port call it makes afterwards never returns, as a killed sandbox's would not), cold
 * starts when more environments are needed than are warm, and billed duration × memory.
 */
import type { Sleep } from '../../src/core/ports.js';
import { AWS_MODEL } from './aws-model.js';
import type { VirtualTime } from './virtual-time.js';

export interface FunctionSpec {
  name: string;
  memoryMb: number;
  timeoutMs: number;
}

const never = <T>(): Promise<T> => new Promise<T>(() => {});

export class Invocation {
  dead = false;
  private cpuFreeAt: number;
  readonly startedAt: number;

  constructor(
    private readonly vt: VirtualTime,
    readonly spec: FunctionSpec,
  ) {
    this.startedAt = vt.elapsed();
    this.cpuFreeAt = this.startedAt;
  }

  remainingMs(): number {
    return this.startedAt + this.spec.timeoutMs - this.vt.elapsed();
  }

  /** The promise's outcome, unless the invocation was killed meanwhile (then it never settles). */
  guard<T>(promise: Promise<T>): Promise<T> {
    return promise.then(
      (value) => (this.dead ? never<T>() : value),
      (error: unknown) => (this.dead ? never<T>() : Promise.reject(error)),
    );
  }

  /** Waits in virtual time; never resolves once the invocation is dead. */
  readonly sleep: Sleep = (ms) =>
    new Promise<void>((resolve) =>
      this.vt.after(ms, () => {
        if (!this.dead) resolve();
      }),
    );

  /** Spends `ms` of this invocation's single vCPU (after whatever CPU work is already queued). */
  cpu(ms: number): Promise<void> {
    const start = Math.max(this.vt.elapsed(), this.cpuFreeAt);
    this.cpuFreeAt = start + ms;
    return this.sleep(this.cpuFreeAt - this.vt.elapsed());
  }
}

export interface FunctionStats {
  invocations: number;
  coldStarts: number;
  timeouts: number;
  errors: number;
  billedMs: number;
  gbSeconds: number;
  maxConcurrent: number;
}

export type InvokeOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown; timedOut: boolean };

export class LambdaFunction {
  readonly stats: FunctionStats = {
    invocations: 0,
    coldStarts: 0,
    timeouts: 0,
    errors: 0,
    billedMs: 0,
    gbSeconds: 0,
    maxConcurrent: 0,
  };
  private running = 0;

  constructor(
    private readonly vt: VirtualTime,
    readonly spec: FunctionSpec,
    /** Environments already initialised (a warm function). */
    private warm = 0,
  ) {}

  async invoke<T>(handler: (invocation: Invocation) => Promise<T>): Promise<InvokeOutcome<T>> {
    this.stats.invocations++;
    this.running++;
    this.stats.maxConcurrent = Math.max(this.stats.maxConcurrent, this.running);
    let initMs = 0;
    if (this.warm > 0) this.warm--;
    else {
      this.stats.coldStarts++;
      initMs = AWS_MODEL.lambda.initMs;
      await this.vt.sleep(initMs);
    }
    const invocation = new Invocation(this.vt, this.spec);
    const outcome = await new Promise<InvokeOutcome<T>>((resolve) => {
      this.vt.after(this.spec.timeoutMs, () => {
        invocation.dead = true;
        resolve({ ok: false, error: new Error('Task timed out'), timedOut: true });
      });
      handler(invocation).then(
        (value) => {
          if (!invocation.dead) resolve({ ok: true, value });
        },
        (error: unknown) => {
          if (!invocation.dead) resolve({ ok: false, error, timedOut: false });
        },
      );
    });
    // Once the handler has answered, its unfinished work is frozen too (a returned invocation stops running).
    invocation.dead = true;
    const durationMs = Math.ceil(this.vt.elapsed() - invocation.startedAt) + initMs;
    this.stats.billedMs += durationMs;
    this.stats.gbSeconds += (durationMs / 1000) * (this.spec.memoryMb / 1024);
    if (!outcome.ok) {
      if (outcome.timedOut) this.stats.timeouts++;
      else this.stats.errors++;
    }
    this.running--;
    this.warm++;
    return outcome;
  }
}

/**
 * SQS under virtual time: a standard queue (delay, visibility timeout, receive count, redrive to a DLQ after
 * `maxReceiveCount` receives), a stand-in for the SQS client that the product's real `SqsJobQueue` drives, and
 * the Lambda event source mapping (batches, documented concurrency scaling, `maximumConcurrency`, partial batch
 * responses).
 */
import {
  ChangeMessageVisibilityCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { RandomSource } from '../../src/core/ports.js';
import { AWS_MODEL } from './aws-model.js';
import type { Invocation, LambdaFunction } from './lambda.js';
import { lognormal, type VirtualTime } from './virtual-time.js';

export interface SimMessage {
  id: number;
  body: string;
  receiveCount: number;
  /** Incremented on every receive, so a stale visibility timer is ignored. */
  receipt: number;
}

export interface QueueStats {
  sent: number;
  sentDelayed: number;
  sendRequests: number;
  receiveRequests: number;
  deleteRequests: number;
  visibilityRequests: number;
  dlq: number;
  sentBytes: number;
}

export class SimQueue {
  readonly stats: QueueStats = {
    sent: 0,
    sentDelayed: 0,
    sendRequests: 0,
    receiveRequests: 0,
    deleteRequests: 0,
    visibilityRequests: 0,
    dlq: 0,
    sentBytes: 0,
  };
  readonly dlq: SimMessage[] = [];
  /** Every body sent, in order (the scenarios inspect them). */
  readonly sentBodies: Array<{ body: string; delaySeconds: number }> = [];
  private ready: SimMessage[] = [];
  private head = 0;
  private nextId = 0;
  /** Messages delayed or in flight (not ready, not deleted). */
  private pending = 0;
  onVisible: () => void = () => {};

  constructor(
    private readonly vt: VirtualTime,
    readonly name: string,
    readonly settings: { visibilityTimeoutMs: number; maxReceiveCount: number },
  ) {}

  backlog(): number {
    return this.ready.length - this.head;
  }

  /** Nothing ready, delayed or in flight. */
  drained(): boolean {
    return this.backlog() === 0 && this.pending === 0;
  }

  enqueue(body: string, delaySeconds: number): void {
    this.stats.sent++;
    this.stats.sentBytes += body.length;
    this.sentBodies.push({ body, delaySeconds });
    const message: SimMessage = { id: this.nextId++, body, receiveCount: 0, receipt: 0 };
    if (delaySeconds > 0) {
      this.stats.sentDelayed++;
      this.pending++;
      this.vt.after(delaySeconds * 1000, () => {
        this.pending--;
        this.makeReady(message);
      });
    } else this.makeReady(message);
  }

  /** Receives up to `max` messages; one past its receive limit goes to the DLQ instead. */
  take(max: number): SimMessage[] {
    const batch: SimMessage[] = [];
    while (batch.length < max && this.head < this.ready.length) {
      const message = this.ready[this.head++] as SimMessage;
      if (message.receiveCount >= this.settings.maxReceiveCount) {
        this.dlq.push(message);
        this.stats.dlq++;
        continue;
      }
      message.receiveCount++;
      message.receipt++;
      this.pending++;
      batch.push(message);
    }
    if (this.head > 10_000 && this.head * 2 > this.ready.length) {
      this.ready = this.ready.slice(this.head);
      this.head = 0;
    }
    return batch;
  }

  delete(message: SimMessage): void {
    message.receipt++;
    this.pending--;
  }

  /** Visible again after `afterMs` (the visibility timeout, or a ChangeMessageVisibility). */
  release(message: SimMessage, afterMs: number): void {
    const receipt = message.receipt;
    this.vt.after(afterMs, () => {
      if (message.receipt !== receipt) return;
      this.pending--;
      this.makeReady(message);
    });
  }

  private makeReady(message: SimMessage): void {
    this.ready.push(message);
    this.onVisible();
  }
}

/**
 * What `SqsJobQueue` needs of an `SQSClient`, answering after a modeled round trip. A send takes effect even if
 * the invocation that made it is killed before the answer arrives (SQS has the message either way).
 */
export function simSqsClient(
  vt: VirtualTime,
  queue: SimQueue,
  invocation: Invocation,
  random: RandomSource,
): SQSClient {
  const latency = (bytes: number): number =>
    lognormal(random, AWS_MODEL.sqs.requestMedianMs, AWS_MODEL.sqs.requestSigma) +
    bytes / AWS_MODEL.sqs.bytesPerMs;
  const send = async (command: unknown): Promise<unknown> => {
    if (command instanceof SendMessageCommand) {
      const body = command.input.MessageBody ?? '';
      queue.stats.sendRequests++;
      await vt.sleep(latency(body.length));
      queue.enqueue(body, command.input.DelaySeconds ?? 0);
      return invocation.guard(Promise.resolve({}));
    }
    if (command instanceof SendMessageBatchCommand) {
      const entries = command.input.Entries ?? [];
      const bytes = entries.reduce((sum, e) => sum + (e.MessageBody?.length ?? 0), 0);
      queue.stats.sendRequests++;
      await vt.sleep(latency(bytes));
      for (const entry of entries) queue.enqueue(entry.MessageBody ?? '', entry.DelaySeconds ?? 0);
      return invocation.guard(Promise.resolve({ Successful: [], Failed: [] }));
    }
    if (command instanceof ChangeMessageVisibilityCommand) {
      queue.stats.visibilityRequests++;
      return invocation.guard(vt.sleep(latency(0)).then(() => ({})));
    }
    throw new Error(`the simulated SQS client does not model ${String(command)}`);
  };
  return { send } as unknown as SQSClient;
}

/** One record's outcome: done, or failed and visible again after `retryInMs` (default: the visibility timeout). */
export type RecordOutcome = { ok: true } | { ok: false; retryInMs?: number };

export type BatchHandler = (invocation: Invocation, records: SimMessage[]) => Promise<RecordOutcome[]>;

/** The Lambda event source mapping for one queue. */
export class EventSourceMapping {
  private limit: number = AWS_MODEL.sqs.initialConcurrency;
  private running = 0;
  private scaling = false;
  private pumpQueued = false;
  maxRunning = 0;

  constructor(
    private readonly vt: VirtualTime,
    private readonly queue: SimQueue,
    private readonly fn: LambdaFunction,
    private readonly settings: { batchSize: number; maximumConcurrency: number },
    private readonly handler: BatchHandler,
  ) {
    this.limit = Math.min(this.limit, settings.maximumConcurrency);
    // Messages that become visible together (one SendMessageBatch) are received together.
    queue.onVisible = () => {
      if (this.pumpQueued) return;
      this.pumpQueued = true;
      this.vt.after(0, () => {
        this.pumpQueued = false;
        this.pump();
      });
    };
  }

  idle(): boolean {
    return this.running === 0 && this.queue.drained();
  }

  private pump(): void {
    while (this.running < this.limit && this.queue.backlog() > 0) {
      const batch = this.queue.take(this.settings.batchSize);
      if (batch.length === 0) break;
      this.queue.stats.receiveRequests++;
      this.running++;
      this.maxRunning = Math.max(this.maxRunning, this.running);
      this.vt.after(AWS_MODEL.sqs.pollToInvokeMs, () => void this.runBatch(batch));
    }
    if (this.queue.backlog() > 0 && this.limit < this.settings.maximumConcurrency && !this.scaling) {
      this.scaling = true;
      this.vt.after(1000, () => this.scaleUp());
    }
  }

  /** Up to 300 more concurrent batches per minute while messages wait: +5 each second. */
  private scaleUp(): void {
    this.scaling = false;
    if (this.queue.backlog() === 0) return;
    this.limit = Math.min(this.settings.maximumConcurrency, this.limit + AWS_MODEL.sqs.scaleUpPerMinute / 60);
    this.pump();
  }

  private async runBatch(batch: SimMessage[]): Promise<void> {
    const outcome = await this.fn.invoke((invocation) => this.handler(invocation, batch));
    const visibility = this.queue.settings.visibilityTimeoutMs;
    let deleted = 0;
    batch.forEach((message, index) => {
      const result = outcome.ok ? outcome.value[index] : undefined;
      if (result?.ok) {
        this.queue.delete(message);
        deleted++;
      } else
        this.queue.release(message, result?.ok === false ? (result.retryInMs ?? visibility) : visibility);
    });
    if (deleted > 0) this.queue.stats.deleteRequests++;
    this.running--;
    this.pump();
  }
}

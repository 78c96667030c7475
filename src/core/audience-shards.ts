/**
 * Streams a broadcast's audience into fan-out shard jobs as the router reads it: each topic partition is read
 * one Query page at a time, each page is sent as shard jobs at once (several sends in flight), and the next page
 * is read meanwhile. Every sent shard job is claimed (partition, start key → end key) so a router retried by SNS
 * skips the ranges already sent instead of sending their shards again, and reads only the rest.
 *
 * Why claims on the page's key range (not SQS deduplication): standard queues have no deduplication, and
 * FIFO queues cap throughput and keep dedup ids only 5 minutes. A range claim is exact even when connections
 * came and went between two handlings: a retry reads an unclaimed gap only up to the next claimed page's start.
 */
import { chunk } from './concurrency.js';
import type { FanoutJob, TopicSubscriber } from './model.js';
import type {
  Clock,
  ConnectionStore,
  DomainLogger,
  JobQueue,
  ShardClaim,
  ShardClaimStore,
  SubscriberPage,
} from './ports.js';
import { silentLogger } from './ports.js';

/** What every shard job of the broadcast carries besides its connections (envelope or stored reference). */
export type ShardJobBase = Omit<FanoutJob, 'shard' | 'shards' | 'partition' | 'connectionIds' | 'attempt'>;

/** Shard-job sends in flight per router invocation (each a SendMessage of up to 256 KB). */
export const SHARD_SENDS_IN_FLIGHT = 16;

export interface ShardStreamDeps {
  store: ConnectionStore;
  shardClaims: ShardClaimStore;
  fanoutQueue: JobQueue<FanoutJob>;
  clock: Clock;
  logger?: DomainLogger;
}

export interface ShardStreamInput {
  realm: string;
  topic: string;
  /** The message id claim's scope and id: the claims' key. */
  scope: string;
  messageId: string;
  base: ShardJobBase;
  nowSeconds: number;
  claimExpiresAt: number;
  shardSize: number;
  /** Stop reading new pages at this time (epoch ms); absent: no deadline. */
  stopAt?: number;
  /** Claims of an earlier handling of this publish (empty for a first one). */
  claims: readonly ShardClaim[];
  /** First pages already read per partition (the router's small-audience probe). */
  firstPages?: ReadonlyMap<number, SubscriberPage>;
  /** The ids of a page's subscribers to put in shard jobs (the rest are handled otherwise); default all. */
  admit?: (subscribers: readonly TopicSubscriber[]) => Promise<string[]>;
}

export interface ShardStreamResult {
  /** Subscribers read and sent in this handling. */
  audience: number;
  /** Shard jobs sent in this handling. */
  shards: number;
  /** Pages an earlier handling had sent, skipped. */
  skippedPages: number;
  /** False when the deadline stopped it: the rest is left to a retried handling. */
  complete: boolean;
}

/** Sends with at most `limit` in flight; the first failure stops new work and is rethrown by `settle`. */
class BoundedSends {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  get failed(): boolean {
    return this.failure !== undefined;
  }

  async add(task: () => Promise<void>): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    const running: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    if (this.failure) throw this.failure.error;
  }
}

export async function streamShards(
  deps: ShardStreamDeps,
  input: ShardStreamInput,
): Promise<ShardStreamResult> {
  const sends = new BoundedSends(SHARD_SENDS_IN_FLIGHT);
  const result: ShardStreamResult = { audience: 0, shards: 0, skippedPages: 0, complete: true };
  const partitions = Array.from({ length: deps.store.topicPartitionCount(input.topic) }, (_, p) => p);
  // Partitions are read side by side; within one, pages follow each other (each starts where the last ended).
  await Promise.all(
    partitions.map((partition) =>
      streamPartition(
        deps,
        input,
        partition,
        input.claims.filter((c) => c.partition === partition),
        sends,
        result,
      ),
    ),
  );
  await sends.settle();
  return result;
}

async function streamPartition(
  deps: ShardStreamDeps,
  input: ShardStreamInput,
  partition: number,
  claims: readonly ShardClaim[],
  sends: BoundedSends,
  result: ShardStreamResult,
): Promise<void> {
  const claimed = new Map(claims.map((c) => [c.after, c]));
  const starts = claims.map((c) => c.after).sort(byteOrder);
  let after = '';
  let firstShard = 0;
  let prefetched = input.firstPages?.get(partition);
  for (;;) {
    const done = claimed.get(after);
    if (done) {
      result.skippedPages++;
      if (done.next === undefined) return;
      after = done.next;
      firstShard = done.endShard;
      prefetched = undefined;
      continue;
    }
    if (sends.failed || (input.stopAt !== undefined && deps.clock.now() >= input.stopAt)) {
      result.complete = false;
      return;
    }
    const through = starts.find((start) => byteOrder(start, after) > 0);
    const page =
      prefetched ??
      (await deps.store.readTopicSubscriberPage(input.realm, input.topic, partition, input.nowSeconds, {
        ...(after === '' ? {} : { after }),
        ...(through === undefined ? {} : { through }),
        limit: input.shardSize,
      }));
    prefetched = undefined;
    const ids = input.admit
      ? await input.admit(page.subscribers)
      : page.subscribers.map((s) => s.connectionId);
    result.audience += page.subscribers.length;
    // One claim per shard job, its range ending at the job's last id: a page read in several jobs (the probe's
    // first page) whose send fails part-way is re-sent only for the jobs SQS did not take.
    const groups = chunk(ids, input.shardSize);
    for (const [i, connectionIds] of groups.entries()) {
      const next = i === groups.length - 1 ? page.next : connectionIds.at(-1);
      const claim: ShardClaim = { partition, after, firstShard, endShard: firstShard + 1 };
      if (next !== undefined) claim.next = next;
      result.shards++;
      await sends.add(() => sendShard(deps, input, claim, connectionIds));
      firstShard = claim.endShard;
      if (next !== undefined) after = next;
    }
    if (page.next === undefined) return;
    after = page.next;
  }
}

/** Sends one shard job, then claims its range (a crash in between re-sends this one job only). */
async function sendShard(
  deps: ShardStreamDeps,
  input: ShardStreamInput,
  claim: ShardClaim,
  connectionIds: string[],
): Promise<void> {
  const job: FanoutJob = {
    ...input.base,
    shard: claim.firstShard,
    partition: claim.partition,
    connectionIds,
  };
  await deps.fanoutQueue.sendAll([job]);
  const first = await deps.shardClaims.claim(input.scope, input.messageId, claim, input.claimExpiresAt);
  if (!first) {
    (deps.logger ?? silentLogger).warn('a concurrent handling of this publish sent the same page', {
      messageId: input.messageId,
      partition: claim.partition,
      shard: claim.firstShard,
    });
  }
}

/** DynamoDB orders string sort keys by their UTF-8 bytes; connection ids are ASCII, so code units suffice. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

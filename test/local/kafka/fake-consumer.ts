/**
 * An in-process stand-in for a Kafka consumer (the event source's `KafkaConsumerPort`): no broker can run on
 * this project's machines, so tests hand partition batches to the event source as kafkajs would, and read back
 * the offsets it committed.
 */
import type { KafkaSourceRecord } from '../../../src/local/events/kafka.js';
import type { ConsumedBatch, KafkaConsumerPort } from '../../../src/local/kafka/kafka-event-source.js';

export class FakeKafkaConsumer implements KafkaConsumerPort {
  /** Highest offset marked done, per `<topic>-<partition>`. */
  readonly committed = new Map<string, number>();
  subscription: { topics: readonly string[]; groupId: string; fromBeginning: boolean } | undefined;
  stopped = false;
  private onBatch: ((batch: ConsumedBatch, done: (offset: number) => void) => Promise<void>) | undefined;
  private nextOffset = new Map<string, number>();

  async run(options: Parameters<KafkaConsumerPort['run']>[0]): Promise<void> {
    this.subscription = {
      topics: options.topics,
      groupId: options.groupId,
      fromBeginning: options.fromBeginning,
    };
    this.onBatch = options.onBatch;
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }

  /** Offsets are assigned per partition in order, as a broker does. */
  record(
    topic: string,
    partition: number,
    value: string | null,
    key: string | null,
    headers: [string, string][] = [],
  ) {
    const id = `${topic}-${partition}`;
    const offset = this.nextOffset.get(id) ?? 0;
    this.nextOffset.set(id, offset + 1);
    return {
      topic,
      partition,
      offset,
      timestamp: Date.now(),
      key,
      value,
      headers,
    } satisfies KafkaSourceRecord;
  }

  /** Hands one partition batch over and waits until the event source is done with it. */
  async deliver(records: KafkaSourceRecord[]): Promise<void> {
    const first = records[0];
    if (!this.onBatch || !first) throw new Error('not running, or an empty batch');
    await this.onBatch({ topic: first.topic, partition: first.partition, records }, (offset) => {
      const id = `${first.topic}-${first.partition}`;
      this.committed.set(id, Math.max(this.committed.get(id) ?? -1, offset));
    });
  }
}

/**
 * The local Kafka event source's consumer on kafkajs (pure JavaScript): one consumer group, manual offset
 * resolution (an offset is committed only once the router is done with it), one partition batch at a time.
 */
import type { KafkaConsumerPort } from './kafka-event-source.js';

export async function kafkajsConsumer(options: {
  brokers: readonly string[];
  clientId?: string;
}): Promise<KafkaConsumerPort> {
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({
    clientId: options.clientId ?? 'wspush-local',
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
  });
  let consumer: ReturnType<typeof kafka.consumer> | undefined;
  return {
    async run({ topics, groupId, fromBeginning, onBatch }) {
      consumer = kafka.consumer({ groupId });
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning });
      await consumer.run({
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
          await onBatch(
            {
              topic: batch.topic,
              partition: batch.partition,
              records: batch.messages.map((m) => ({
                topic: batch.topic,
                partition: batch.partition,
                offset: Number(m.offset),
                timestamp: Number(m.timestamp),
                key: m.key,
                value: m.value,
                headers: Object.entries(m.headers ?? {}).flatMap(([name, value]) =>
                  (Array.isArray(value) ? value : [value])
                    .filter((v): v is Buffer | string => v !== undefined)
                    .map((v) => [name, v] as const),
                ),
              })),
            },
            (offset) => resolveOffset(String(offset)),
          );
          await heartbeat();
        },
      });
    },
    async stop() {
      await consumer?.disconnect();
    },
  };
}

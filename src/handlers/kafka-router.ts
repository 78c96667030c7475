/**
 * Kafka router (event source mappings of the stack's two Kafka topics): decodes the records with Powertools'
 * Kafka consumer, checks each against the contract's Kafka channels and routes it with the same services as
 * the SNS routers. Bad records go to the failure queue with their reason and never block their partition; a
 * routing failure is reported for its partition (ReportBatchItemFailures) so the mapping resumes from it.
 */
import { kafkaConsumer } from '@aws-lambda-powertools/kafka';
import type { ConsumerRecord, ConsumerRecords, MSKEvent } from '@aws-lambda-powertools/kafka/types';
import type { Context } from 'aws-lambda';
import type { KafkaChannelName } from '../../generated/kafka.js';
import type { KafkaRejectedRecord } from '../../generated/models.js';
import type { BroadcastService } from '../core/broadcast.js';
import { routeKafkaBatch } from '../core/kafka-batch.js';
import type { KafkaRecordInput } from '../core/kafka-records.js';
import { type JobQueue, systemClock } from '../core/ports.js';
import type { UserDeliveryService } from '../core/user-delivery.js';
import type { LambdaContext } from './events.js';
import type { KafkaBatchResponse, KafkaEvent } from './kafka-events.js';
import { kafkaTopics } from './runtime/kafka-config.js';
import { count, countPosts, instrumented, log, withCorrelationId } from './runtime/observability.js';
import { broadcastService, kafkaFailureQueue, userDeliveryService } from './runtime/services.js';
import { logTraceSink } from './runtime/trace-log.js';

export interface KafkaRouterDeps {
  broadcast: Pick<BroadcastService, 'route'>;
  users: Pick<UserDeliveryService, 'route'>;
  failures: Pick<JobQueue<KafkaRejectedRecord>, 'send'>;
  /** This stack's topic of each channel. */
  topics: Record<KafkaChannelName, string>;
  now?: () => number;
}

type Decoded = ConsumerRecord<string | undefined, string | undefined>;

function toInput(record: Decoded): KafkaRecordInput {
  const raw = record.originalValue as string | null | undefined;
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: record.key,
    valueBytes: typeof raw === 'string' ? Buffer.byteLength(raw, 'base64') : 0,
    value: () => record.value,
    rawValue: raw,
    headers: (record.headers ?? []).flatMap((header) => Object.entries(header)),
  };
}

/** Powertools' consumer with no schema: keys, values and headers decoded from base64 to UTF-8 strings. */
const decodeRecords = kafkaConsumer<string | undefined, string | undefined>(
  async (event: ConsumerRecords<string | undefined, string | undefined>) => event.records,
);

export function createKafkaRouter(deps: KafkaRouterDeps) {
  const now = deps.now ?? systemClock.now;
  const channelByTopic = new Map(Object.entries(deps.topics).map(([c, t]) => [t, c as KafkaChannelName]));
  return (event: KafkaEvent, context?: LambdaContext): Promise<KafkaBatchResponse> =>
    instrumented(context, async () => {
      const decoded = (await decodeRecords(event as unknown as MSKEvent, context as Context)) as Decoded[];
      const outcome = await routeKafkaBatch(decoded.map(toInput), {
        eventSource: event.eventSource,
        channelOf: (topic) => channelByTopic.get(topic),
        now,
        logger: log,
        tracing: { trace: logTraceSink, clock: { now }, random: Math.random },
        withRecord: withCorrelationId,
        reject: (rejected) => deps.failures.send(rejected),
        route: {
          'broadcast-stream': async (envelope) => {
            const result = await deps.broadcast.route(envelope);
            countPosts(result);
            log.info('kafka broadcast routed', {
              messageId: envelope.messageId,
              realm: envelope.realm,
              topic: envelope.topic,
              ...result,
            });
          },
          'user-stream': async (envelope) => {
            const result = await deps.users.route(envelope);
            countPosts(result);
            if (result.inbox === 'stored') count('OfflineStored');
            log.info('kafka user message routed', {
              messageId: envelope.messageId,
              realm: envelope.realm,
              userId: envelope.userId,
              type: envelope.type,
              ...result,
            });
          },
        },
      });
      count('KafkaRecordsRouted', outcome.routed);
      count('KafkaRecordsRejected', outcome.rejected);
      count('InvalidMessages', outcome.rejected);
      count('KafkaRecordsRetried', outcome.failures.length + outcome.notAttempted);
      log.info('kafka batch done', {
        eventSource: event.eventSource,
        records: decoded.length,
        routed: outcome.routed,
        rejected: outcome.rejected,
        failedPartitions: outcome.failures,
        notAttempted: outcome.notAttempted,
      });
      return { batchItemFailures: outcome.failures.map((itemIdentifier) => ({ itemIdentifier })) };
    });
}

export const handler = createKafkaRouter({
  broadcast: broadcastService(),
  users: userDeliveryService(),
  failures: kafkaFailureQueue(),
  topics: kafkaTopics(),
});

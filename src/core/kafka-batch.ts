/**
 * One batch of Kafka records, as an event source mapping hands it over (records of several topic-partitions,
 * each in offset order), routed with the semantics the platform relies on (docs/operations.md#kafka):
 *
 * - Partitions are processed one after the other and each in offset order, so one user's records (one key,
 *   one partition) are routed in produce order.
 * - A record that fails the contract is rejected (sent to the failure queue with its reason, traced
 *   `dead-lettered`) and the partition goes on: bad input never blocks a partition and is never retried.
 * - A valid record is traced `published` (via its Kafka topic and partition@offset), then routed by the SNS
 *   routers' services, so message-id claims (a repeat is dropped), storage and posting are the same.
 * - A record whose routing fails (DynamoDB, SQS or a rejection that cannot be sent) stops its partition: it
 *   is reported as the partition's failure, the records after it are not attempted, and the event source
 *   resumes the partition from that offset (ReportBatchItemFailures). Order is kept; nothing is skipped.
 *
 * All state is per call (no processor shared by overlapping invocations, see src/handlers/runtime/batch.ts).
 */
import type { KafkaChannelEnvelopes, KafkaChannelName } from '../../generated/kafka.js';
import type { KafkaRejectedRecord } from '../../generated/models.js';
import {
  type CheckedRecord,
  checkKafkaRecord,
  type KafkaRecordInput,
  type RecordSource,
} from './kafka-records.js';
import type { DomainLogger } from './ports.js';
import { type TraceDeps, type TraceSource, traceInvalid, tracePublished } from './tracing.js';

/** Where an event source resumes a partition: `partition` is `<topic>-<partition>`, as Lambda names it. */
export interface KafkaItemIdentifier {
  partition: string;
  offset: number;
}

export interface KafkaBatchDeps extends RecordSource {
  /** The routing core of each channel (the SNS routers' services). Throws on a failure worth retrying. */
  route: { [C in KafkaChannelName]: (envelope: KafkaChannelEnvelopes[C]) => Promise<void> };
  /** Keeps a rejected record with its reason (the failure queue). Throws when it could not. */
  reject(rejected: KafkaRejectedRecord): Promise<void>;
  logger: DomainLogger;
  /** Trace records of each record's hop (`published` or `dead-lettered`); none without a sink. */
  tracing: TraceDeps;
  /**
   * Runs one record's work with its correlation id on every log line written inside it (the handler's
   * per-record log context); default: runs it as is.
   */
  withRecord?: <T>(correlationId: string | undefined, fn: () => Promise<T>) => Promise<T>;
}

export interface KafkaBatchOutcome {
  routed: number;
  rejected: number;
  /** One per partition that stopped: the record to resume from. */
  failures: KafkaItemIdentifier[];
  /** Records after a failure, left for the redelivery. */
  notAttempted: number;
}

/** Records grouped by topic-partition (first-seen order), each group sorted by offset. */
export function byPartition(records: readonly KafkaRecordInput[]): Map<string, KafkaRecordInput[]> {
  const groups = new Map<string, KafkaRecordInput[]>();
  for (const record of records) {
    const id = `${record.topic}-${record.partition}`;
    const group = groups.get(id);
    if (group) group.push(record);
    else groups.set(id, [record]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.offset - b.offset);
  return groups;
}

function routeChecked(checked: CheckedRecord & { ok: true }, deps: KafkaBatchDeps): Promise<void> {
  // The union is per channel; the route table is indexed by the same channel.
  const route = deps.route[checked.channel] as (envelope: unknown) => Promise<void>;
  return route(checked.envelope);
}

/** Where a record came from, for its trace records: the Kafka topic and `partition@offset`. */
export function kafkaSource(record: KafkaRecordInput): TraceSource {
  return {
    transport: 'kafka',
    source: record.topic,
    sourceMessageId: `${record.partition}@${record.offset}`,
  };
}

/** One record: routed, or rejected with its reason. Throws when either could not be done (a retry helps). */
async function handleRecord(checked: CheckedRecord, record: KafkaRecordInput, deps: KafkaBatchDeps) {
  const via = kafkaSource(record);
  if (checked.ok) {
    tracePublished(deps.tracing, checked.envelope, via);
    await routeChecked(checked, deps);
    return 'routed' as const;
  }
  const { rejection } = checked;
  deps.logger.warn('kafka record rejected: not delivered', {
    reason: rejection.reason,
    message: rejection.message,
    errors: rejection.errors,
    topic: rejection.topic,
    partition: rejection.partition,
    offset: rejection.offset,
    valueBytes: rejection.valueBytes,
  });
  await deps.reject(rejection);
  // After the failure queue has it: the hop says where the record is now.
  traceInvalid(deps.tracing, rejection, `${rejection.reason}: ${rejection.message}`, via);
  return 'rejected' as const;
}

const runAsIs = <T>(_correlationId: string | undefined, fn: () => Promise<T>): Promise<T> => fn();

export async function routeKafkaBatch(
  records: readonly KafkaRecordInput[],
  deps: KafkaBatchDeps,
): Promise<KafkaBatchOutcome> {
  const outcome: KafkaBatchOutcome = { routed: 0, rejected: 0, failures: [], notAttempted: 0 };
  const withRecord = deps.withRecord ?? runAsIs;
  for (const [partition, group] of byPartition(records)) {
    for (const [index, record] of group.entries()) {
      const checked = checkKafkaRecord(record, deps);
      const correlationId = checked.ok ? checked.envelope.correlationId : checked.rejection.correlationId;
      const stopped = await withRecord(correlationId, async () => {
        try {
          outcome[await handleRecord(checked, record, deps)]++;
          return false;
        } catch (error) {
          deps.logger.error('kafka record failed: the partition resumes from it', {
            partition,
            offset: record.offset,
            notAttempted: group.length - index - 1,
            error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
          });
          return true;
        }
      });
      if (stopped) {
        outcome.failures.push({ partition, offset: record.offset });
        outcome.notAttempted += group.length - index - 1;
        break;
      }
    }
  }
  return outcome;
}

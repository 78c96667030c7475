/**
 * One batch of Kafka records, as an event source mapping hands it over (records of several topic-partitions,
 * each in offset order), routed with the semantics the platform relies on (docs/operations.md#kafka):
 *
 * - Partitions are processed one after the other and each in offset order, so one user's records (one key,
 *   one partition) are routed in produce order.
 * - A record that fails the contract is rejected (sent to the failure queue with its reason) and the
 *   partition goes on: bad input never blocks a partition and is never retried.
 * - A record whose routing fails (DynamoDB, SQS or a rejection that cannot be sent) stops its partition: it
 *   is reported as the partition's failure, the records after it are not attempted, and the event source
 *   resumes the partition from that offset (ReportBatchItemFailures). Order is kept; nothing is skipped.
 */
import type { KafkaChannelEnvelopes, KafkaChannelName, KafkaRejectedRecord } from '../../generated/index.js';
import {
  type CheckedRecord,
  checkKafkaRecord,
  type KafkaRecordInput,
  type RecordSource,
} from './kafka-records.js';
import type { DomainLogger } from './ports.js';

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

export async function routeKafkaBatch(
  records: readonly KafkaRecordInput[],
  deps: KafkaBatchDeps,
): Promise<KafkaBatchOutcome> {
  const outcome: KafkaBatchOutcome = { routed: 0, rejected: 0, failures: [], notAttempted: 0 };
  for (const [partition, group] of byPartition(records)) {
    for (const [index, record] of group.entries()) {
      const checked = checkKafkaRecord(record, deps);
      try {
        if (checked.ok) {
          await routeChecked(checked, deps);
          outcome.routed++;
        } else {
          const { rejection } = checked;
          deps.logger.warn('kafka record rejected: not delivered', {
            reason: rejection.reason,
            message: rejection.message,
            errors: rejection.errors,
            topic: rejection.topic,
            partition: rejection.partition,
            offset: rejection.offset,
            correlationId: rejection.correlationId,
            valueBytes: rejection.valueBytes,
          });
          await deps.reject(rejection);
          outcome.rejected++;
        }
      } catch (error) {
        deps.logger.error('kafka record failed: the partition resumes from it', {
          partition,
          offset: record.offset,
          notAttempted: group.length - index - 1,
          ...(checked.ok ? { correlationId: checked.envelope.correlationId } : {}),
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
        outcome.failures.push({ partition, offset: record.offset });
        outcome.notAttempted += group.length - index - 1;
        break;
      }
    }
  }
  return outcome;
}

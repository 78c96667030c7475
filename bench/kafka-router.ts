/**
 * Kafka router throughput: records per second through the Kafka router in ONE invocation (a mapping batch of
 * N records over 8 partitions: decoded by Powertools, checked against the contract, routed), side by side with
 * the SAME envelopes through the SNS user router (one invocation per message, as SNS invokes it). Both run the
 * real handler factories on the same in-memory routing core (src/core/testing/world.ts): the difference is
 * what each way in costs per record, not DynamoDB or the network.
 */
import { readFileSync } from 'node:fs';
import type { SNSEvent } from 'aws-lambda';
import { kafkaChannels } from '../generated/index.js';
import type { UserEnvelope } from '../src/core/model.js';
import { createWorld, userEnvelope } from '../src/core/testing/world.js';
import { type KafkaSourceRecord, kafkaEvent } from '../src/local/events/kafka.js';
import { median } from './lib/stats.js';
import { type Benchmark, ratioOf } from './lib/types.js';

const PARTITIONS = 8;
const TOPIC = 'wspush-bench-user';

/** The handler modules build their AWS services at import: give them a harmless environment first. */
function handlerEnvironment(): void {
  Object.assign(process.env, {
    TABLE_NAME: 'wspush-bench',
    WS_MANAGEMENT_ENDPOINT: 'http://127.0.0.1:9/local',
    DELIVERY_QUEUE_URL: 'http://127.0.0.1:9/000000000000/wspush-bench-delivery',
    FANOUT_QUEUE_URL: 'http://127.0.0.1:9/000000000000/wspush-bench-fanout',
    FAILURE_QUEUE_URL: 'http://127.0.0.1:9/000000000000/wspush-bench-kafka-router-failures',
    KAFKA_TOPICS: `broadcast-stream=wspush-bench-broadcast,user-stream=${TOPIC}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}

function snsEvent(template: SNSEvent, envelope: UserEnvelope): SNSEvent {
  const record = structuredClone(template.Records[0]) as SNSEvent['Records'][number];
  record.Sns.Message = JSON.stringify(envelope);
  return { Records: [record] };
}

export const kafkaRouterBenchmark: Benchmark = {
  name: 'kafka-router',
  title: 'Kafka router: records/s in one invocation vs the same envelopes through the SNS router',
  async run({ quick, log }) {
    handlerEnvironment();
    const { createKafkaRouter } = await import('../src/handlers/kafka-router.js');
    const { createUserRouter } = await import('../src/handlers/user-router.js');
    const template = JSON.parse(
      readFileSync(new URL('../test/fixtures/events/sns-user.json', import.meta.url), 'utf8'),
    ) as SNSEvent;
    const records = quick ? 1000 : 5000;
    const users = 200;
    const rounds = quick ? 3 : 5;
    const kafkaRates: number[] = [];
    const snsRates: number[] = [];
    const failures = { send: async () => {} };
    for (let round = 0; round < rounds; round++) {
      // A fresh world per round: same users online, same envelopes, nothing left over from the other path.
      for (const path of round % 2 === 0 ? ['kafka', 'sns'] : ['sns', 'kafka']) {
        const world = createWorld({ concurrency: 50 });
        for (let u = 0; u < users; u++) await world.connect(`conn-${u}`, { userId: `user-${u}` }, []);
        const envelopes = Array.from({ length: records }, (_, i) =>
          userEnvelope({ userId: `user-${i % users}` }),
        );
        if (path === 'kafka') {
          const router = createKafkaRouter({
            broadcast: world.broadcast,
            users: world.users,
            failures,
            topics: { 'broadcast-stream': 'wspush-bench-broadcast', 'user-stream': TOPIC },
          });
          const source: KafkaSourceRecord[] = envelopes.map((e, i) => ({
            topic: TOPIC,
            partition: (i % users) % PARTITIONS,
            offset: i,
            timestamp: 0,
            key: kafkaChannels['user-stream'].key(e),
            value: JSON.stringify(e),
            headers: Object.entries(kafkaChannels['user-stream'].headerValues(e)),
          }));
          const event = kafkaEvent(source, {
            eventSource: 'SelfManagedKafka',
            bootstrapServers: 'bench:9092',
          });
          const start = performance.now();
          const response = await router(event);
          const seconds = (performance.now() - start) / 1000;
          if (response.batchItemFailures.length > 0) throw new Error('the Kafka router reported failures');
          kafkaRates.push(records / seconds);
        } else {
          const router = createUserRouter({ users: world.users });
          const events = envelopes.map((e) => snsEvent(template, e));
          const start = performance.now();
          for (const event of events) await router(event);
          snsRates.push(records / ((performance.now() - start) / 1000));
        }
        if (world.gateway.posts.length !== records) {
          throw new Error(`${path}: ${world.gateway.posts.length} posts for ${records} records`);
        }
      }
      log(
        `round ${round + 1}: kafka ${Math.round(kafkaRates.at(-1) ?? 0)}/s, sns ${Math.round(snsRates.at(-1) ?? 0)}/s`,
      );
    }
    const kafka = median(kafkaRates);
    const sns = median(snsRates);
    return {
      figures: [
        {
          figure: `records/s through the Kafka router, one invocation of ${records} records (${PARTITIONS} partitions), validated and routed`,
          value: kafka,
          unit: 'records/s',
          baselineName: 'same envelopes through the SNS user router, one invocation each',
          baseline: sns,
          ratio: ratioOf(kafka, sns, 'higher'),
          better: 'higher',
          target: '≥ 1× (batching must not cost throughput)',
          pass: kafka >= sns,
        },
      ],
      details: { records, users, partitions: PARTITIONS, rounds, kafkaRates, snsRates },
      notes: [
        'Both paths run the real handler factories (createKafkaRouter, createUserRouter) on the same in-memory ' +
          'UserDeliveryService (src/core/testing/world.ts), every record posted to one live connection of its user; ' +
          'medians of alternating rounds in one process.',
        'Not measured here: DynamoDB and @connections latency (the same for both paths), and Lambda invocation ' +
          'overhead, which favours Kafka further in AWS (one invocation per batch vs one per SNS message).',
      ],
    };
  },
};

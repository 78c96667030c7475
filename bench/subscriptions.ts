/**
 * DynamoDB units of live subscriptions, measured through the real stores on dynalite with
 * `ReturnConsumedCapacity: TOTAL` on every call (dynalite applies DynamoDB's rules: strongly consistent reads
 * 1 RCU per 4 KB, eventually consistent half, writes 1 WCU per 1 KB): a `subscribe` to a new family topic, to
 * one already held, an `unsubscribe`, and a publish (the broadcast router's reads and writes) to a family topic
 * side by side with the fixed topics, each with one subscriber.
 */
import { matchTopic, type TopicDefinition, type TopicFamily } from '../generated/index.js';
import { DynamoConnectionStore } from '../src/adapters/dynamodb-connection-store.js';
import { DynamoHeldMessageStore } from '../src/adapters/dynamodb-held-message-store.js';
import { DynamoHistoryStore, DynamoMessageIdStore } from '../src/adapters/dynamodb-message-stores.js';
import { DynamoEnvelopeStore, DynamoShardClaimStore } from '../src/adapters/dynamodb-shard-stores.js';
import { DynamoTable } from '../src/adapters/dynamodb-table.js';
import { startLocalDynamo } from '../src/adapters/testing/local-dynamodb.js';
import { BroadcastService } from '../src/core/broadcast.js';
import type { FanoutJob, Identity } from '../src/core/model.js';
import { defaultPostSettings } from '../src/core/posting.js';
import { SubscriptionService } from '../src/core/subscriptions.js';
import { FakeConnectionGateway, MemoryJobQueue } from '../src/core/testing/memory.js';
import { topicPartitions } from '../src/core/topic-access.js';
import { historyFamily, payloadFor, topicIn, topics } from '../test/support/contract-picks.js';
import { meteredClient, type Units } from './lib/consumed-capacity.js';
import type { Benchmark, Figure } from './lib/types.js';

const alice: Identity = { userId: 'alice', realm: 'acme', roles: [] };
// Picked from the contract: open fixed topics with and without a history, and an open family with a history.
const withHistory = topics.openHistory;
const withoutHistory = topics.openDrop;
const family = (id: string | number): string => topicIn(historyFamily, String(id));

function definitionOf(topic: string): TopicDefinition<TopicFamily> {
  const match = matchTopic(topic);
  if (!match.ok) throw new Error(`${topic} is no topic of the contract: ${match.reason}`);
  return match.definition;
}

/** "fixed, history 20, 34 partitions": how the contract stores a topic's messages and subscribers. */
function described(topic: string, kind: string): string {
  const { offline, partitions } = definitionOf(topic);
  const policy = offline.policy === 'history' ? `history ${offline.historySize}` : 'drop';
  return `${kind}, ${policy}${partitions > 1 ? `, ${partitions} partitions` : ''}`;
}

function row(figure: string, units: Units, baselineName: string, baseline: Units | null): Figure[] {
  return (['rcu', 'wcu'] as const).map((kind) => ({
    figure: `${figure} (${kind.toUpperCase()})`,
    value: units[kind],
    unit: kind.toUpperCase(),
    baselineName,
    baseline: baseline === null ? null : baseline[kind],
    ratio: null,
    better: 'lower',
    target: 'measured (docs/data-model.md)',
    pass: null,
  }));
}

export const subscriptionsBenchmark: Benchmark = {
  name: 'subscriptions',
  title: 'DynamoDB units per subscribe, unsubscribe and family publish',
  async run() {
    const dynamo = await startLocalDynamo('wspush-bench-subscriptions');
    try {
      const client = meteredClient(dynamo.documentClient);
      const table = new DynamoTable(client, { tableName: dynamo.tableName });
      const store = new DynamoConnectionStore(table, { topicPartitions });
      const clock = { now: () => Date.now() };
      const subscriptions = new SubscriptionService({
        store,
        history: new DynamoHistoryStore(table),
        clock,
        settings: { maxTopicsPerConnection: 20 },
      });
      const broadcast = new BroadcastService({
        gateway: new FakeConnectionGateway(),
        sleep: async () => {},
        random: Math.random,
        settings: defaultPostSettings,
        store,
        history: new DynamoHistoryStore(table),
        held: new DynamoHeldMessageStore(table),
        messageIds: new DynamoMessageIdStore(table),
        shardClaims: new DynamoShardClaimStore(table),
        envelopes: new DynamoEnvelopeStore(table),
        fanoutQueue: new MemoryJobQueue<FanoutJob>(),
        clock,
        broadcast: { shardThreshold: 1000, shardSize: 500, connectingGraceSeconds: 5 },
      });
      const connectionId = 'BenchConnAAAAAA=';
      const expiresAt = Math.floor(Date.now() / 1000) + 7800;
      const fixed = [withHistory, withoutHistory];
      await store.saveConnection({
        connectionId,
        userId: 'alice',
        realm: 'acme',
        topics: fixed,
        connectedAt: Date.now(),
        expiresAt,
      });
      const connectUnits = client.take();

      await subscriptions.subscribe(connectionId, alice, [family(8812)]);
      const subscribeNew = client.take();
      await subscriptions.subscribe(connectionId, alice, [family(8812)]);
      const subscribeHeld = client.take();
      await subscriptions.subscribe(connectionId, alice, [1, 2, 3, 4, 5].map(family));
      const subscribeFive = client.take();
      await subscriptions.unsubscribe(connectionId, alice, [family(1)]);
      const unsubscribe = client.take();

      const envelope = (topic: string) => ({
        messageId: `m-${topic}-${Date.now()}`,
        correlationId: 'c-bench',
        realm: 'acme',
        topic,
        publishedAt: new Date().toISOString(),
        payload: payloadFor(topic),
      });
      await broadcast.route(envelope(family(8812)));
      const publishFamily = client.take();
      await broadcast.route(envelope(withoutHistory));
      const publishFixed = client.take();
      await broadcast.route(envelope(withHistory));
      const publishFixedHistory = client.take();

      const figures: Figure[] = [
        ...row('subscribe to 1 new family topic', subscribeNew, 'connect with 2 fixed topics', connectUnits),
        ...row('subscribe to 5 new family topics', subscribeFive, 'subscribe to 1', subscribeNew),
        ...row('subscribe to a topic already held', subscribeHeld, 'subscribe to 1 new', subscribeNew),
        ...row('unsubscribe 1 topic', unsubscribe, 'subscribe to 1 new', subscribeNew),
        ...row(
          `publish to ${family(8812)} (${described(family(8812), 'family')}, 1 subscriber)`,
          publishFamily,
          `${withoutHistory} (${described(withoutHistory, 'fixed')})`,
          publishFixed,
        ),
        ...row(
          `publish to ${withHistory} (${described(withHistory, 'fixed')})`,
          publishFixedHistory,
          `${withoutHistory} (${described(withoutHistory, 'fixed')})`,
          publishFixed,
        ),
      ];
      return {
        figures,
        details: {
          connectUnits,
          subscribeNew,
          subscribeHeld,
          subscribeFive,
          unsubscribe,
          publishFamily,
          publishFixed,
          publishFixedHistory,
        },
        notes: [
          'Units as dynalite reports them with ReturnConsumedCapacity TOTAL, through the real stores and services (no platform).',
          'subscribe = GetItem (consistent) + conditional UpdateItem of the meta row + BatchWriteItem of the new rows + the consistent re-check GetItem; a topic already held costs the first GetItem only.',
          `A publish to a family topic costs what a publish to a fixed topic with the same offline policy and partitions costs: the concrete name is an ordinary key (${family(8812)} vs ${withHistory}: 1 RCU + 1 WCU each, the history put and its trim Query included).`,
          `dynalite reports 0 units for a Query that reads nothing, where DynamoDB charges at least 0.5 RCU: each empty partition of ${withHistory} (${definitionOf(withHistory).partitions - 1} of ${definitionOf(withHistory).partitions} here) would add 0.5 RCU on AWS.`,
        ],
      };
    } finally {
      await dynamo.stop();
    }
  },
};

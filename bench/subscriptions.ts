/**
 * DynamoDB units of live subscriptions, measured through the real stores on dynalite with
 * `ReturnConsumedCapacity: TOTAL` on every call (dynalite applies DynamoDB's rules: strongly consistent reads
 * 1 RCU per 4 KB, eventually consistent half, writes 1 WCU per 1 KB): a `subscribe` to a new family topic, to
 * one already held, an `unsubscribe`, and a publish (the broadcast router's reads and writes) to a family topic
 * side by side with the fixed topics, each with one subscriber.
 */
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
import { meteredClient, type Units } from './lib/consumed-capacity.js';
import type { Benchmark, Figure } from './lib/types.js';

const alice: Identity = { userId: 'alice', realm: 'acme', roles: [] };

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
      const fixed = ['announcements', 'job-status'];
      await store.saveConnection({
        connectionId,
        userId: 'alice',
        realm: 'acme',
        topics: fixed,
        connectedAt: Date.now(),
        expiresAt,
      });
      const connectUnits = client.take();

      await subscriptions.subscribe(connectionId, alice, ['jobs.8812']);
      const subscribeNew = client.take();
      await subscriptions.subscribe(connectionId, alice, ['jobs.8812']);
      const subscribeHeld = client.take();
      await subscriptions.subscribe(connectionId, alice, ['jobs.1', 'jobs.2', 'jobs.3', 'jobs.4', 'jobs.5']);
      const subscribeFive = client.take();
      await subscriptions.unsubscribe(connectionId, alice, ['jobs.1']);
      const unsubscribe = client.take();

      const envelope = (topic: string, payload: Record<string, unknown>) => ({
        messageId: `m-${topic}-${Date.now()}`,
        correlationId: 'c-bench',
        realm: 'acme',
        topic,
        publishedAt: new Date().toISOString(),
        payload,
      });
      const job = { jobId: '8812', status: 'running', progress: 40, updatedAt: new Date().toISOString() };
      await broadcast.route(envelope('jobs.8812', job));
      const publishFamily = client.take();
      await broadcast.route(envelope('job-status', job));
      const publishFixed = client.take();
      await broadcast.route(envelope('announcements', { title: 't', body: 'b', severity: 'info' }));
      const publishAnnouncements = client.take();

      const figures: Figure[] = [
        ...row('subscribe to 1 new family topic', subscribeNew, 'connect with 2 fixed topics', connectUnits),
        ...row('subscribe to 5 new family topics', subscribeFive, 'subscribe to 1', subscribeNew),
        ...row('subscribe to a topic already held', subscribeHeld, 'subscribe to 1 new', subscribeNew),
        ...row('unsubscribe 1 topic', unsubscribe, 'subscribe to 1 new', subscribeNew),
        ...row(
          'publish to jobs.8812 (family, history 20, 1 subscriber)',
          publishFamily,
          'job-status (fixed, drop)',
          publishFixed,
        ),
        ...row(
          'publish to announcements (fixed, history 20, 4 partitions)',
          publishAnnouncements,
          'job-status (fixed, drop)',
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
          publishAnnouncements,
        },
        notes: [
          'Units as dynalite reports them with ReturnConsumedCapacity TOTAL, through the real stores and services (no platform).',
          'subscribe = GetItem (consistent) + conditional UpdateItem of the meta row + BatchWriteItem of the new rows + the consistent re-check GetItem; a topic already held costs the first GetItem only.',
          'A publish to a family topic costs what a publish to a fixed topic with the same offline policy and partitions costs: the concrete name is an ordinary key (jobs.8812 vs announcements: 1 RCU + 1 WCU each, the history put and its trim Query included).',
          'dynalite reports 0 units for a Query that reads nothing, where DynamoDB charges at least 0.5 RCU: the empty partitions of announcements (3 of 4 here) would add 1.5 RCU on AWS.',
        ],
      };
    } finally {
      await dynamo.stop();
    }
  },
};

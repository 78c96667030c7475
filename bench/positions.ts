/**
 * Positioned replay (`since`, issue #12) through the real services and stores on dynalite: a client that saw 17
 * of a 20-deep history and missed the last 3 reconnects, once as today (no `since`: the whole history is
 * replayed and the client drops what it has by id) and once with its position. Counts the frames each delivery
 * job posts and the DynamoDB units of each (ReturnConsumedCapacity TOTAL), and the extra write units a publish
 * to a history topic pays for its position (the head row's UpdateItem and the position kept on the id claim).
 */
import { DynamoConnectionStore } from '../src/adapters/dynamodb-connection-store.js';
import { DynamoHeldMessageStore } from '../src/adapters/dynamodb-held-message-store.js';
import {
  DynamoHistoryStore,
  DynamoInboxStore,
  DynamoMessageIdStore,
} from '../src/adapters/dynamodb-message-stores.js';
import { DynamoEnvelopeStore, DynamoShardClaimStore } from '../src/adapters/dynamodb-shard-stores.js';
import { DynamoTable } from '../src/adapters/dynamodb-table.js';
import { startLocalDynamo } from '../src/adapters/testing/local-dynamodb.js';
import { BroadcastService } from '../src/core/broadcast.js';
import { ConnectionService } from '../src/core/connections.js';
import { DeliveryWorker } from '../src/core/delivery-worker.js';
import type { DeliveryJob, FanoutJob } from '../src/core/model.js';
import { defaultPostSettings } from '../src/core/posting.js';
import { parseSinceParameter } from '../src/core/stream-positions.js';
import { FakeConnectionGateway, MemoryJobQueue } from '../src/core/testing/memory.js';
import { historySize, topicExample, topics } from '../test/support/contract-picks.js';
import { type MeteredClient, meteredClient, type Units } from './lib/consumed-capacity.js';
import type { Benchmark, Figure } from './lib/types.js';

const topic = topics.openHistory;
const DEPTH = 20;
const MISSED = 3;

interface Reconnect {
  /** Topic frames posted, those the client had already, and the `recovery` frames saying recovered: true. */
  replayed: number;
  alreadySeen: number;
  recovery: number;
  units: Units;
}

/** The message-id store, counting the write units of keepPosition (the position kept on the claim). */
class KeepMeter extends DynamoMessageIdStore {
  private static units = 0;
  constructor(
    table: DynamoTable,
    private readonly client: MeteredClient,
  ) {
    super(table);
  }
  static take(): number {
    const out = KeepMeter.units;
    KeepMeter.units = 0;
    return out;
  }
  override async keepPosition(
    ...args: Parameters<DynamoMessageIdStore['keepPosition']>
  ): ReturnType<DynamoMessageIdStore['keepPosition']> {
    const before = this.client.peek().wcu;
    const kept = await super.keepPosition(...args);
    KeepMeter.units += this.client.peek().wcu - before;
    return kept;
  }
}

const figure = (f: Omit<Figure, 'ratio'> & { ratio?: number | null }): Figure => ({ ratio: null, ...f });

export const positionsBenchmark: Benchmark = {
  name: 'positions',
  title: 'Positioned replay: frames replayed on reconnect, and write units per publish',
  async run() {
    if (historySize(topic) < DEPTH) throw new Error(`${topic} keeps fewer than ${DEPTH} messages`);
    const dynamo = await startLocalDynamo('wspush-bench-positions');
    try {
      const client = meteredClient(dynamo.documentClient);
      const table = new DynamoTable(client, { tableName: dynamo.tableName });
      const store = new DynamoConnectionStore(table);
      const history = new DynamoHistoryStore(table);
      const held = new DynamoHeldMessageStore(table);
      const gateway = new FakeConnectionGateway();
      const clock = { now: () => Date.now() };
      const post = { gateway, sleep: async () => {}, random: Math.random, settings: defaultPostSettings };
      const broadcast = new BroadcastService({
        ...post,
        store,
        history,
        held,
        messageIds: new KeepMeter(table, client),
        shardClaims: new DynamoShardClaimStore(table),
        envelopes: new DynamoEnvelopeStore(table),
        fanoutQueue: new MemoryJobQueue<FanoutJob>(),
        clock,
        broadcast: { shardThreshold: 1000, shardSize: 500, connectingGraceSeconds: 5 },
      });
      const deliveryQueue = new MemoryJobQueue<DeliveryJob>();
      const connections = new ConnectionService({
        store,
        deliveryQueue,
        clock,
        settings: { connectionTtlSeconds: 7800, maxTopicsPerConnection: 20 },
      });
      const worker = new DeliveryWorker({
        ...post,
        store,
        inbox: new DynamoInboxStore(table),
        history,
        held,
        clock,
        delivery: {
          connectingGraceSeconds: 5,
          connectionTtlSeconds: 7800,
          idleTimeoutSeconds: 600,
          maxConnectionSeconds: 7200,
          inboxMaxItems: 100,
        },
      });

      // 20 publishes (nobody connected), one millisecond of publishedAt apart so history order is publish order.
      const start = Date.now() - 60_000;
      const publishes: { units: Units; head: number; keep: number }[] = [];
      const ids: string[] = [];
      for (let i = 0; i < DEPTH; i++) {
        const messageId = `bench-${start}-${String(i).padStart(3, '0')}`;
        ids.push(messageId);
        client.take();
        await broadcast.route({
          messageId,
          correlationId: `c-${messageId}`,
          realm: 'acme',
          topic,
          publishedAt: new Date(start + i).toISOString(),
          payload: topicExample(topic),
        });
        const head = client.byPrefix().stream?.wcu ?? 0;
        publishes.push({ units: client.take(), head, keep: KeepMeter.take() });
      }
      const head = await history.head('acme', topic, Math.floor(Date.now() / 1000));
      if (head?.offset !== DEPTH)
        throw new Error(`expected offset ${DEPTH}, head is ${JSON.stringify(head)}`);
      const seen = new Set(ids.slice(0, DEPTH - MISSED));

      const reconnect = async (connectionId: string, since?: string): Promise<Reconnect> => {
        await connections.register({
          connectionId,
          identity: { userId: 'alice', realm: 'acme', roles: [] },
          requestedTopics: [topic],
          connectedAt: Date.now() - 10_000,
          correlationId: `c-${connectionId}`,
          ...(since ? { since: parseSinceParameter(since, undefined) } : {}),
        });
        const job = deliveryQueue.jobs().at(-1) as DeliveryJob;
        client.take();
        await worker.process(job);
        const units = client.take();
        const frames = gateway.framesTo(connectionId);
        const replayed = frames.filter((f) => f.kind === 'topic');
        return {
          replayed: replayed.length,
          alreadySeen: replayed.filter((f) => seen.has(String(f.id))).length,
          recovery: frames.filter((f) => f.kind === 'recovery' && f.recovered === true).length,
          units,
        };
      };
      const today = await reconnect('BenchToday');
      const positioned = await reconnect('BenchSince', `${topic}~${DEPTH - MISSED}~${head.epoch}`);

      // Steady-state publishes (the first one of a stream creates the head row): mean over the rest.
      const steady = publishes.slice(1);
      const mean = (pick: (p: (typeof publishes)[number]) => number) =>
        steady.reduce((sum, p) => sum + pick(p), 0) / steady.length;
      const headWcu = mean((p) => p.head);
      const keepWcu = mean((p) => p.keep);
      const totalWcu = mean((p) => p.units.wcu);
      const target = 'only the 3 missed, 0 already seen';
      const figures: Figure[] = [
        figure({
          figure: `topic frames replayed on reconnect after missing ${MISSED} of ${DEPTH}`,
          value: positioned.replayed,
          unit: 'frames',
          baselineName: 'today (no since: whole history)',
          baseline: today.replayed,
          ratio: positioned.replayed === 0 ? null : today.replayed / positioned.replayed,
          better: 'lower',
          target,
          pass: positioned.replayed === MISSED && positioned.alreadySeen === 0,
        }),
        figure({
          figure: 'of which the client had already',
          value: positioned.alreadySeen,
          unit: 'frames',
          baselineName: 'today',
          baseline: today.alreadySeen,
          better: 'lower',
          target: '0',
          pass: positioned.alreadySeen === 0,
        }),
        figure({
          figure: 'recovery frames (recovered: true)',
          value: positioned.recovery,
          unit: 'frames',
          baselineName: 'today',
          baseline: today.recovery,
          better: 'lower',
          target: '1 per positioned topic',
          pass: positioned.recovery === 1,
        }),
        figure({
          figure: 'read units of the reconnect delivery job',
          value: positioned.units.rcu,
          unit: 'RCU',
          baselineName: 'today',
          baseline: today.units.rcu,
          better: 'lower',
          target: 'measured',
          pass: null,
        }),
        figure({
          figure: `extra write units per publish to a history topic: head UpdateItem ${headWcu} + position on the claim ${keepWcu}`,
          value: headWcu + keepWcu,
          unit: 'WCU',
          baselineName: 'the rest of the publish',
          baseline: totalWcu - headWcu - keepWcu,
          better: 'lower',
          target: 'measured (docs/data-model.md)',
          pass: null,
        }),
      ];
      return {
        figures,
        details: { depth: DEPTH, missed: MISSED, today, positioned, publishes, headWcu, keepWcu, totalWcu },
        notes: [
          `Topic ${topic} (picked from the contract: open, with history), ${DEPTH} publishes through the real broadcast router, then two reconnects through ConnectionService.register and DeliveryWorker.process on dynalite (no platform).`,
          `Write units per publish are the mean over publishes 2–${DEPTH} (the first creates the head row): the head row's UpdateItem (stream# key) and keepPosition's UpdateItem on the message-id claim, measured call by call.`,
          'The positioned reconnect reads the head row (1 consistent GetItem) besides the history Query it shares with today.',
        ],
      };
    } finally {
      await dynamo.stop();
    }
  },
};

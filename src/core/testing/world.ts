/** Every domain service wired to in-memory ports, for unit tests. */

// Test code only: the topic and payloads come from the contract, picked by trait.
import {
  topics as contractTopics,
  topicExample,
  userMessageExample,
  userMessageType,
} from '../../../test/support/contract-picks.js';
import { BroadcastService } from '../broadcast.js';
import { ClientFrameService } from '../client-frames.js';
import { ConnectionService } from '../connections.js';
import { DeliveryWorker } from '../delivery-worker.js';
import { FrameBudget } from '../frame-budget.js';
import type { BroadcastEnvelope, DeliveryJob, FanoutJob, Identity, UserEnvelope } from '../model.js';
import type { Pacer } from '../pacing.js';
import type { PostSettings } from '../posting.js';
import { TokenExpiryGuard } from '../token-expiry.js';
import { UserDeliveryService } from '../user-delivery.js';
import {
  FakeConnectionGateway,
  ManualClock,
  MemoryConnectionStore,
  MemoryEnvelopeStore,
  MemoryFrameBudgetStore,
  MemoryHeldMessageStore,
  MemoryHistoryStore,
  MemoryInboxStore,
  MemoryJobQueue,
  MemoryMessageIdStore,
  MemoryShardClaimStore,
  MemoryTraceSink,
  recordingSleep,
} from './memory.js';

export interface WorldOptions {
  shardThreshold?: number;
  shardSize?: number;
  inboxMaxItems?: number;
  graceSeconds?: number;
  concurrency?: number;
  /** The gateway limits the worker announces in the welcome frame; default the contract's 600 / 7200. */
  idleTimeoutSeconds?: number;
  maxConnectionSeconds?: number;
  /** `OFFLINE_RETENTION_MAX_DAYS`; default unset (the contract's retention). */
  offlineRetentionMaxDays?: number;
  /** Share of per-connection broadcast successes traced (TRACE_SAMPLE_PER_MILLE / 1000); default 0. */
  traceSampleRate?: number;
  /** Paces the broadcast service's posts (bulk), as the fan-out worker's are. */
  pacer?: Pacer;
  /** `CLOSE_EXPIRED_TOKENS_AFTER_SECONDS`: the worker closes connections whose token expired; default unset. */
  closeExpiredTokensAfterSeconds?: number;
  /** Envelopes over this many JSON bytes are stored once for shard jobs (default INLINE_ENVELOPE_MAX_BYTES). */
  inlineEnvelopeMaxBytes?: number;
}

export function createWorld(options: WorldOptions = {}) {
  const clock = new ManualClock();
  const store = new MemoryConnectionStore();
  const inbox = new MemoryInboxStore();
  const history = new MemoryHistoryStore();
  const held = new MemoryHeldMessageStore();
  const messageIds = new MemoryMessageIdStore();
  const shardClaims = new MemoryShardClaimStore();
  const envelopes = new MemoryEnvelopeStore();
  const gateway = new FakeConnectionGateway();
  const deliveryQueue = new MemoryJobQueue<DeliveryJob>();
  const fanoutQueue = new MemoryJobQueue<FanoutJob>();
  const sleep = recordingSleep();
  const settings: PostSettings = {
    concurrency: options.concurrency ?? 4,
    throttleRetries: 3,
    backoff: { baseDelayMs: 50, maxDelayMs: 1000 },
  };
  const trace = new MemoryTraceSink();
  const post = { gateway, sleep, random: () => 0.5, settings };
  const traced = { trace, traceSampleRate: options.traceSampleRate ?? 0 };
  const grace = options.graceSeconds ?? 30;
  /** Epochs are `epoch1`, `epoch2`, … in the order streams start (exact frames in tests). */
  let epochs = 0;
  const connections = new ConnectionService({
    store,
    deliveryQueue,
    clock,
    settings: { connectionTtlSeconds: 7800, maxTopicsPerConnection: 20 },
  });
  const budgetStore = new MemoryFrameBudgetStore(store);
  const budget = new FrameBudget({
    store: budgetStore,
    gateway,
    now: () => clock.now(),
  });
  const tokenExpiry =
    options.closeExpiredTokensAfterSeconds === undefined
      ? undefined
      : new TokenExpiryGuard({
          gateway,
          now: () => clock.now(),
          afterSeconds: options.closeExpiredTokensAfterSeconds,
        });
  const world = {
    budget,
    budgetStore,
    clock,
    store,
    inbox,
    history,
    held,
    messageIds,
    shardClaims,
    envelopes,
    gateway,
    deliveryQueue,
    fanoutQueue,
    sleep,
    trace,
    connections,
    frames: new ClientFrameService({ connections, clock, budget }),
    broadcast: new BroadcastService({
      ...post,
      ...traced,
      ...(options.pacer ? { pacer: options.pacer } : {}),
      store,
      history,
      held,
      messageIds,
      shardClaims,
      envelopes,
      fanoutQueue,
      clock,
      newEpoch: () => `epoch${++epochs}`,
      broadcast: {
        shardThreshold: options.shardThreshold ?? 500,
        shardSize: options.shardSize ?? 250,
        connectingGraceSeconds: grace,
        ...(options.inlineEnvelopeMaxBytes === undefined
          ? {}
          : { inlineEnvelopeMaxBytes: options.inlineEnvelopeMaxBytes }),
      },
    }),
    users: new UserDeliveryService({
      ...post,
      ...traced,
      store,
      inbox,
      held,
      messageIds,
      deliveryQueue,
      clock,
      userDelivery: {
        inboxMaxItems: options.inboxMaxItems ?? 1000,
        connectingGraceSeconds: grace,
        deliveryDelaySeconds: 1,
        ...(options.offlineRetentionMaxDays !== undefined
          ? { offlineRetentionMaxDays: options.offlineRetentionMaxDays }
          : {}),
      },
    }),
    worker: new DeliveryWorker({
      ...post,
      ...traced,
      store,
      inbox,
      history,
      held,
      clock,
      delivery: {
        connectingGraceSeconds: grace,
        connectionTtlSeconds: 7800,
        idleTimeoutSeconds: options.idleTimeoutSeconds ?? 600,
        maxConnectionSeconds: options.maxConnectionSeconds ?? 7200,
        inboxMaxItems: options.inboxMaxItems ?? 1000,
      },
      ...(tokenExpiry ? { tokenExpiry } : {}),
    }),
    /** Registers a connection `seconds` ago (so it is past the connecting grace unless told otherwise). */
    async connect(
      connectionId: string,
      identity: Partial<Identity> = {},
      topics: string[] = [contractTopics.openHistory],
      secondsAgo = 60,
    ) {
      return connections.register({
        connectionId,
        identity: { userId: 'alice', realm: 'acme', roles: [], ...identity },
        requestedTopics: topics,
        connectedAt: clock.now() - secondsAgo * 1000,
        correlationId: `c-${connectionId}`,
      });
    },
    /** `connect`, then the welcome job's mark: an open connection that routers post to directly. */
    async open(
      connectionId: string,
      identity: Partial<Identity> = {},
      topics: string[] = [contractTopics.openHistory],
      secondsAgo = 60,
    ) {
      const result = await world.connect(connectionId, identity, topics, secondsAgo);
      await store.markWelcomed(connectionId, result.record.connectedAt + 500);
      return result;
    },
  };
  return world;
}

export type World = ReturnType<typeof createWorld>;

let sequence = 0;

export function broadcastEnvelope(overrides: Partial<BroadcastEnvelope> = {}): BroadcastEnvelope {
  sequence++;
  return {
    messageId: `m-${sequence}`,
    correlationId: `c-${sequence}`,
    realm: 'acme',
    topic: contractTopics.openHistory,
    publishedAt: '2026-11-27T09:59:00.000Z',
    payload: topicExample(contractTopics.openHistory),
    ...overrides,
  };
}

export function userEnvelope(overrides: Partial<UserEnvelope> = {}): UserEnvelope {
  sequence++;
  return {
    messageId: `u-${sequence}`,
    correlationId: `c-${sequence}`,
    realm: 'acme',
    userId: 'alice',
    type: userMessageType,
    publishedAt: '2026-11-27T09:59:00.000Z',
    payload: userMessageExample(userMessageType),
    ...overrides,
  };
}

/**
 * The domain services wired to the AWS adapters, from configuration. Each handler builds only what it
 * needs, once per cold start (the getters throw at import time when a variable is missing).
 */

import { limits } from '../../../generated/index.js';
import type { KafkaRejectedRecord } from '../../../generated/models.js';
import { DynamoConnectionStore } from '../../adapters/dynamodb-connection-store.js';
import { DynamoFrameBudgetStore } from '../../adapters/dynamodb-frame-budget-store.js';
import { DynamoHeldMessageStore } from '../../adapters/dynamodb-held-message-store.js';
import {
  DynamoHistoryStore,
  DynamoInboxStore,
  DynamoMessageIdStore,
} from '../../adapters/dynamodb-message-stores.js';
import { DynamoEnvelopeStore, DynamoShardClaimStore } from '../../adapters/dynamodb-shard-stores.js';
import { DynamoTable } from '../../adapters/dynamodb-table.js';
import { ManagementApiGateway } from '../../adapters/management-api-gateway.js';
import { SqsJobQueue } from '../../adapters/sqs-job-queue.js';
import { BroadcastService } from '../../core/broadcast.js';
import { ClientFrameService } from '../../core/client-frames.js';
import { ConnectionService } from '../../core/connections.js';
import { DeliveryWorker } from '../../core/delivery-worker.js';
import { FrameBudget } from '../../core/frame-budget.js';
import type { DeliveryJob, FanoutJob, TokenCheckJob } from '../../core/model.js';
import { AdaptivePacer, fanoutPlan } from '../../core/pacing.js';
import { type JobQueue, realSleep, systemClock } from '../../core/ports.js';
import { defaultPostSettings, type PostDeps } from '../../core/posting.js';
import { SubscriptionReplies } from '../../core/subscription-replies.js';
import { SubscriptionService } from '../../core/subscriptions.js';
import { TokenChecks, TokenExpiryGuard } from '../../core/token-expiry.js';
import { topicPartitions } from '../../core/topic-access.js';
import type { TraceDeps } from '../../core/tracing.js';
import { UserDeliveryService } from '../../core/user-delivery.js';
import { getDocumentClient, getManagementClient, getSqsClient } from './clients.js';
import * as config from './config.js';
import * as kafkaConfig from './kafka-config.js';
import { log } from './observability.js';
import { logTraceSink } from './trace-log.js';

function table(): DynamoTable {
  return new DynamoTable(getDocumentClient(), { tableName: config.tableName() });
}

function connectionStore(t: DynamoTable = table()): DynamoConnectionStore {
  return new DynamoConnectionStore(t, { topicPartitions });
}

/** The trace port of every service that handles messages (src/core/tracing.ts). */
function traceDeps(): TraceDeps {
  return {
    trace: logTraceSink,
    traceSampleRate: config.traceSamplePerMille() / 1000,
    clock: systemClock,
    random: Math.random,
  };
}

function managementGateway(): ManagementApiGateway {
  return new ManagementApiGateway(getManagementClient(config.managementEndpoint()));
}

function postDeps(gateway: ManagementApiGateway = managementGateway()): PostDeps {
  return {
    gateway,
    sleep: realSleep,
    random: Math.random,
    settings: { ...defaultPostSettings, concurrency: config.postConcurrency() },
  };
}

export function deliveryQueue(): SqsJobQueue<DeliveryJob> {
  return new SqsJobQueue<DeliveryJob>(getSqsClient(), config.deliveryQueueUrl());
}

/**
 * The token-expiry close, on stacks that set closeExpiredTokensAfterSeconds (undefined: off). Its notice and
 * DELETE go through `gateway`.
 */
function tokenExpiryGuard(gateway: ManagementApiGateway = managementGateway()): TokenExpiryGuard | undefined {
  const afterSeconds = config.closeExpiredTokensAfterSeconds();
  if (afterSeconds === undefined) return undefined;
  return new TokenExpiryGuard({ gateway, now: () => systemClock.now(), afterSeconds, logger: log });
}

/**
 * The token check jobs (`$connect` schedules them, the delivery worker carries them out), on stacks that set
 * closeExpiredTokensAfterSeconds; undefined otherwise. They travel on the delivery queue.
 */
export function tokenChecks(): TokenChecks | undefined {
  const guard = tokenExpiryGuard();
  if (guard === undefined) return undefined;
  return new TokenChecks({
    store: connectionStore(),
    queue: new SqsJobQueue<TokenCheckJob>(getSqsClient(), config.deliveryQueueUrl()),
    guard,
    now: () => systemClock.now(),
    maxConnectionSeconds: config.maxConnectionSeconds(),
  });
}

/** A queue for the functions that enqueue no delivery job (only `$connect` does). */
const noDeliveryQueue: JobQueue<DeliveryJob> = {
  send: async () => {
    throw new Error('this function enqueues no delivery job');
  },
  sendAll: async () => {
    throw new Error('this function enqueues no delivery job');
  },
};

/**
 * `$connect` (with its delivery queue) / `$disconnect` / the client-frame routes (without one). The queue is
 * passed in, not built here, so a bundle without `$connect` carries no SQS client.
 */
export function connectionService(queue?: JobQueue<DeliveryJob>, checks?: TokenChecks): ConnectionService {
  return new ConnectionService({
    store: connectionStore(),
    deliveryQueue: queue ?? noDeliveryQueue,
    clock: systemClock,
    settings: {
      connectionTtlSeconds: config.connectionTtlSeconds(),
      maxTopicsPerConnection: limits.maxTopicsPerConnection,
    },
    ...(checks ? { tokenChecks: checks } : {}),
    logger: log,
  });
}

/** The per-connection frame budget of the client-frame routes (contract x-limits, kept on the meta row). */
function frameBudget(t: DynamoTable, gateway: ManagementApiGateway): FrameBudget {
  return new FrameBudget({
    store: new DynamoFrameBudgetStore(t),
    gateway,
    now: () => systemClock.now(),
    logger: log,
  });
}

/** `extendTTL`, `$default`: the reply frame, after the frame budget (and the token-expiry close when enabled). */
export function clientFrameService(): ClientFrameService {
  // The table first: a cold start missing both names TABLE_NAME, as every function does.
  const t = table();
  const gateway = managementGateway();
  const tokenExpiry = tokenExpiryGuard(gateway);
  return new ClientFrameService({
    connections: connectionService(),
    clock: systemClock,
    budget: frameBudget(t, gateway),
    ...(tokenExpiry ? { tokenExpiry } : {}),
  });
}

/** `subscribe` / `unsubscribe`: the subscription service, and the posting of its replies and history. */
export function subscriptionReplies(): SubscriptionReplies {
  const t = table();
  const subscriptions = new SubscriptionService({
    store: connectionStore(t),
    history: new DynamoHistoryStore(t),
    clock: systemClock,
    settings: { maxTopicsPerConnection: limits.maxTopicsPerConnection },
    logger: log,
  });
  const gateway = managementGateway();
  return new SubscriptionReplies({
    ...postDeps(gateway),
    subscriptions,
    budget: frameBudget(t, gateway),
    logger: log,
  });
}

/**
 * The broadcast router and the fan-out worker share one service: the router shards large audiences, the worker
 * runs a shard job (`runShardJob`: posts it and hands the connections not reached to retry or continuation jobs).
 */
export function broadcastService(): BroadcastService {
  const t = table();
  // Bulk posting is paced to this environment's share of the stack's posting budget (src/core/pacing.ts).
  const plan = fanoutPlan(config.postingBudgetPerSecond());
  const deps = postDeps();
  return new BroadcastService({
    ...deps,
    ...traceDeps(),
    settings: { ...deps.settings, concurrency: plan.inFlightPerWorker },
    pacer: new AdaptivePacer(plan.ratePerWorker, systemClock, realSleep),
    store: connectionStore(t),
    history: new DynamoHistoryStore(t),
    held: new DynamoHeldMessageStore(t),
    messageIds: new DynamoMessageIdStore(t),
    shardClaims: new DynamoShardClaimStore(t),
    envelopes: new DynamoEnvelopeStore(t),
    fanoutQueue: new SqsJobQueue<FanoutJob>(getSqsClient(), config.fanoutQueueUrl()),
    clock: systemClock,
    broadcast: {
      shardThreshold: config.fanoutShardThreshold(),
      shardSize: config.fanoutShardSize(),
      connectingGraceSeconds: config.connectingGraceSeconds(),
    },
    logger: log,
  });
}

export function userDeliveryService(): UserDeliveryService {
  const t = table();
  const retentionCap = config.offlineRetentionMaxDays();
  return new UserDeliveryService({
    ...postDeps(),
    ...traceDeps(),
    store: connectionStore(t),
    inbox: new DynamoInboxStore(t),
    held: new DynamoHeldMessageStore(t),
    messageIds: new DynamoMessageIdStore(t),
    deliveryQueue: deliveryQueue(),
    clock: systemClock,
    userDelivery: {
      inboxMaxItems: config.inboxMaxItems(),
      connectingGraceSeconds: config.connectingGraceSeconds(),
      deliveryDelaySeconds: config.deliveryDelaySeconds(),
      ...(retentionCap !== undefined ? { offlineRetentionMaxDays: retentionCap } : {}),
    },
    logger: log,
  });
}

export function deliveryWorker(): DeliveryWorker {
  const t = table();
  const gateway = managementGateway();
  const tokenExpiry = tokenExpiryGuard(gateway);
  return new DeliveryWorker({
    ...postDeps(gateway),
    ...traceDeps(),
    store: connectionStore(t),
    inbox: new DynamoInboxStore(t),
    history: new DynamoHistoryStore(t),
    held: new DynamoHeldMessageStore(t),
    clock: systemClock,
    delivery: {
      connectingGraceSeconds: config.connectingGraceSeconds(),
      connectionTtlSeconds: config.connectionTtlSeconds(),
      idleTimeoutSeconds: config.idleTimeoutSeconds(),
      maxConnectionSeconds: config.maxConnectionSeconds(),
      inboxMaxItems: config.inboxMaxItems(),
    },
    ...(tokenExpiry ? { tokenExpiry } : {}),
    logger: log,
  });
}

/** The Kafka router's failure queue: each record it rejects, with the reason (KafkaRejectedRecord). */
export function kafkaFailureQueue(): SqsJobQueue<KafkaRejectedRecord> {
  return new SqsJobQueue<KafkaRejectedRecord>(getSqsClient(), kafkaConfig.failureQueueUrl());
}

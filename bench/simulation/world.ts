/**
 * The simulated stack: the product's real core services (BroadcastService, UserDeliveryService,
 * ConnectionService, DeliveryWorker) and real adapters where they only wrap an SDK client (ManagementApiGateway,
 * SqsJobQueue), on modeled AWS parts under one virtual clock. Settings are the prod stack's
 * (`infra/pulumi/Pulumi.prod.yaml`), read through the same reader the deployment uses.
 */
import { limits } from '../../generated/index.js';
import { readStackConfig, type StackConfig } from '../../infra/pulumi/config.js';
import { loadStackConfig } from '../../infra/pulumi/stack-files.js';
import { SqsJobQueue } from '../../src/adapters/sqs-job-queue.js';
import { BroadcastService } from '../../src/core/broadcast.js';
import { ConnectionService } from '../../src/core/connections.js';
import { DeliveryWorker, retryDelaySeconds } from '../../src/core/delivery-worker.js';
import { RetryLaterError } from '../../src/core/errors.js';
import type { BroadcastEnvelope, DeliveryJob, FanoutJob } from '../../src/core/model.js';
import { AdaptivePacer, type FanoutPlan, fanoutPlan } from '../../src/core/pacing.js';
import type { RandomSource } from '../../src/core/ports.js';
import { defaultPostSettings, type PostDeps, postingDeadline } from '../../src/core/posting.js';
import { queuePolicy } from '../../src/core/queue-policy.js';
import {
  MemoryEnvelopeStore,
  MemoryHeldMessageStore,
  MemoryHistoryStore,
  MemoryInboxStore,
  MemoryMessageIdStore,
  MemoryShardClaimStore,
} from '../../src/core/testing/memory.js';
import { topicPartitions } from '../../src/core/topic-access.js';
import { AWS_MODEL } from './aws-model.js';
import { SimConnectionsApi } from './connections-api.js';
import {
  SimConnectionData,
  SimConnectionStore,
  SimEnvelopeStore,
  SimHeldMessageStore,
  SimHistoryStore,
  SimInboxStore,
  SimShardClaimStore,
  SimTable,
} from './dynamodb.js';
import { type FunctionSpec, type Invocation, LambdaFunction } from './lambda.js';
import { EventSourceMapping, type RecordOutcome, SimQueue, simSqsClient } from './sqs.js';
import { seededRandom, VirtualTime } from './virtual-time.js';

export const SIM_EPOCH = Date.parse('2026-11-29T00:00:00.000Z');

export function prodStack(): StackConfig {
  const raw = loadStackConfig('prod');
  return readStackConfig('prod', (key) => raw[key]);
}

const spec = (name: string, settings: { memoryMb: number; timeoutSeconds: number }): FunctionSpec => ({
  name,
  memoryMb: settings.memoryMb,
  timeoutMs: settings.timeoutSeconds * 1000,
});

export interface WorldOptions {
  stack: StackConfig;
  seed: number;
  /** Function environments already warm (each function), e.g. for "10k subscribers, warm". */
  warm: number;
  /** The `@connections` account budget (requests/s); AWS's default when omitted. */
  postBudgetPerSecond?: number;
  /**
   * Fault: the router's first attempt stops reading the audience this long after it starts (a router slower
   * than modeled), so SNS retries it; absent: each attempt stops at the handler's own deadline.
   */
  routerFirstAttemptCutOffMs?: number;
}

export class SimWorld {
  readonly vt = new VirtualTime(SIM_EPOCH);
  readonly random: RandomSource;
  readonly table: SimTable;
  readonly data = new SimConnectionData(topicPartitions);
  readonly history = new MemoryHistoryStore();
  readonly inbox = new MemoryInboxStore();
  readonly held = new MemoryHeldMessageStore();
  readonly api: SimConnectionsApi;
  readonly open = new Set<string>();
  /** Every connection counts as open (broadcast scenarios, whose audience is connected before the run). */
  openAll = false;
  readonly fanoutQueue: SimQueue;
  readonly deliveryQueue: SimQueue;
  readonly router: LambdaFunction;
  readonly fanoutWorker: LambdaFunction;
  readonly deliveryWorker: LambdaFunction;
  readonly connect: LambdaFunction;
  readonly authorizer: LambdaFunction;
  readonly fanoutMapping: EventSourceMapping;
  readonly deliveryMapping: EventSourceMapping;
  /** Router invocations, their async retries included. */
  /** Pacers of idle fan-out worker environments (a pacer lives as long as its environment). */
  private readonly idlePacers: AdaptivePacer[] = [];
  readonly plan: FanoutPlan;
  routerAttempts = 0;
  routerFailures = 0;
  snsPublishes = 0;

  constructor(readonly options: WorldOptions) {
    const { stack, warm } = options;
    const vt = this.vt;
    this.random = seededRandom(options.seed);
    this.table = new SimTable(vt, this.random);
    const budget = options.postBudgetPerSecond ?? AWS_MODEL.connectionsApi.accountRatePerSecond;
    this.api = new SimConnectionsApi(
      vt,
      this.random,
      (id) => this.openAll || this.open.has(id),
      budget,
      budget / 2,
    );
    const queueSettings = {
      visibilityTimeoutMs: 6 * stack.functions.worker.timeoutSeconds * 1000,
      maxReceiveCount: queuePolicy.maxReceiveCount,
    };
    this.fanoutQueue = new SimQueue(vt, 'fanout', queueSettings);
    this.deliveryQueue = new SimQueue(vt, 'delivery', queueSettings);
    this.router = new LambdaFunction(vt, spec('broadcast-router', stack.functions.router), warm);
    this.fanoutWorker = new LambdaFunction(vt, spec('fanout-worker', stack.functions.worker), warm);
    this.deliveryWorker = new LambdaFunction(vt, spec('delivery-worker', stack.functions.worker), warm);
    this.connect = new LambdaFunction(vt, spec('connect', stack.functions.websocket), warm);
    this.authorizer = new LambdaFunction(vt, spec('authorizer', stack.functions.authorizer), warm);
    const mapping = {
      batchSize: stack.functions.workerBatchSize,
      maximumConcurrency: stack.functions.workerMaxConcurrency,
    };
    // Fan-out is paced to the stack's posting budget, its mapping sized from it (as the stack deploys it).
    this.plan = fanoutPlan(stack.postingBudgetPerSecond);
    // The fan-out worker's mapping is sized from the budget when fan-out is paced (as the stack deploys it).
    const fanoutMapping = { batchSize: this.plan.batchSize, maximumConcurrency: this.plan.workers };
    this.fanoutMapping = new EventSourceMapping(
      vt,
      this.fanoutQueue,
      this.fanoutWorker,
      fanoutMapping,
      (inv, records) =>
        this.runFanoutBatch(
          inv,
          records.map((r) => r.body),
        ),
    );
    this.deliveryMapping = new EventSourceMapping(
      vt,
      this.deliveryQueue,
      this.deliveryWorker,
      mapping,
      (inv, records) => {
        // One worker per invocation, as the handler makes it: its history reads are shared by the batch.
        const worker = this.deliveryWorkerService(inv).forInvocation();
        return Promise.all(
          records.map((r) =>
            this.runDeliveryRecord(worker, JSON.parse(r.body) as DeliveryJob, r.receiveCount),
          ),
        );
      },
    );
  }

  functions(): LambdaFunction[] {
    return [this.router, this.fanoutWorker, this.deliveryWorker, this.connect, this.authorizer];
  }

  private postDeps(inv: Invocation): PostDeps {
    return {
      gateway: this.api.gatewayFor(inv),
      sleep: inv.sleep,
      random: this.random,
      settings: { ...defaultPostSettings, concurrency: this.options.stack.postConcurrency },
    };
  }

  /** Bulk posting as `broadcastService()` in src/handlers/runtime/services.ts wires it: paced, plan's in-flight. */
  private bulkPostDeps(inv: Invocation, pacer: AdaptivePacer): PostDeps {
    const deps = this.postDeps(inv);
    return { ...deps, pacer, settings: { ...deps.settings, concurrency: this.plan.inFlightPerWorker } };
  }

  private readonly messageIds = new MemoryMessageIdStore();
  readonly shardClaims = new MemoryShardClaimStore();
  readonly envelopes = new MemoryEnvelopeStore();

  private takePacer(): AdaptivePacer {
    return this.idlePacers.pop() ?? new AdaptivePacer(this.plan.ratePerWorker, this.vt, this.vt.sleep);
  }

  private queueFor<T>(queue: SimQueue, inv: Invocation): SqsJobQueue<T> {
    return new SqsJobQueue<T>(simSqsClient(this.vt, queue, inv, this.random), `sim://${queue.name}`);
  }

  broadcastService(inv: Invocation, pacer: AdaptivePacer): BroadcastService {
    const { stack } = this.options;
    return new BroadcastService({
      ...this.bulkPostDeps(inv, pacer),
      store: new SimConnectionStore(this.data, this.table, inv),
      history: new SimHistoryStore(this.history, this.table, inv),
      held: new SimHeldMessageStore(this.held, this.table, inv),
      // The message-id claim (2 writes, + 1 for a history topic's position) is per publish on the router: not modeled.
      messageIds: this.messageIds,
      shardClaims: new SimShardClaimStore(this.shardClaims, this.table, inv),
      envelopes: new SimEnvelopeStore(this.envelopes, this.table, inv),
      fanoutQueue: this.queueFor<FanoutJob>(this.fanoutQueue, inv),
      clock: this.vt,
      broadcast: {
        shardThreshold: stack.fanoutShardThreshold,
        shardSize: stack.fanoutShardSize,
        connectingGraceSeconds: stack.connectingGraceSeconds,
      },
    });
  }

  connectionService(inv: Invocation): ConnectionService {
    const { stack } = this.options;
    return new ConnectionService({
      store: new SimConnectionStore(this.data, this.table, inv),
      deliveryQueue: this.queueFor<DeliveryJob>(this.deliveryQueue, inv),
      clock: this.vt,
      settings: {
        connectionTtlSeconds: stack.connectionTtlSeconds,
        maxTopicsPerConnection: limits.maxTopicsPerConnection,
      },
    });
  }

  deliveryWorkerService(inv: Invocation): DeliveryWorker {
    const { stack } = this.options;
    return new DeliveryWorker({
      ...this.postDeps(inv),
      store: new SimConnectionStore(this.data, this.table, inv),
      inbox: new SimInboxStore(this.inbox, this.table, inv),
      history: new SimHistoryStore(this.history, this.table, inv),
      held: new SimHeldMessageStore(this.held, this.table, inv),
      clock: this.vt,
      delivery: {
        connectingGraceSeconds: stack.connectingGraceSeconds,
        connectionTtlSeconds: stack.connectionTtlSeconds,
        idleTimeoutSeconds: limits.idleTimeoutSeconds,
        maxConnectionSeconds: limits.maxConnectionSeconds,
        inboxMaxItems: stack.inboxMaxItems,
      },
    });
  }

  /** SNS → broadcast router: an asynchronous invoke, retried twice on error or timeout (1 and 2 min later). */
  publishBroadcast(envelope: BroadcastEnvelope): void {
    this.snsPublishes++;
    const attempt = (retry: number): void => {
      this.routerAttempts++;
      const cutOff = retry === 0 ? this.options.routerFirstAttemptCutOffMs : undefined;
      void this.router
        .invoke((inv) => {
          // As the handler: stop reading before the timeout (src/handlers/broadcast-router.ts).
          const deadline = postingDeadline(this.vt.now(), inv.remainingMs());
          const stopAt = cutOff === undefined ? deadline : Math.min(deadline, this.vt.now() + cutOff);
          return this.broadcastService(inv, this.takePacer()).route(envelope, { stopAt });
        })
        .then((outcome) => {
          if (outcome.ok) return;
          this.routerFailures++;
          const delay = AWS_MODEL.lambda.asyncRetryDelaysMs[retry];
          if (delay !== undefined) this.vt.after(delay, () => attempt(retry + 1));
        });
    };
    this.vt.after(AWS_MODEL.lambda.snsToInvokeMs, () => attempt(0));
  }

  /** The fan-out worker's handler: records in parallel (Powertools BatchProcessor), one deadline per batch. */
  private async runFanoutBatch(inv: Invocation, bodies: string[]): Promise<RecordOutcome[]> {
    const pacer = this.takePacer();
    const service = this.broadcastService(inv, pacer);
    const stopAt = postingDeadline(this.vt.now(), inv.remainingMs());
    const outcomes = await Promise.all(
      bodies.map(async (body): Promise<RecordOutcome> => {
        try {
          await service.runShardJob(JSON.parse(body) as FanoutJob, stopAt);
          return { ok: true };
        } catch {
          return { ok: false };
        }
      }),
    );
    this.idlePacers.push(pacer);
    return outcomes;
  }

  /** The delivery worker's handler: a RetryLaterError comes back after `retryDelaySeconds` (ChangeMessageVisibility). */
  private async runDeliveryRecord(
    worker: DeliveryWorker,
    job: DeliveryJob,
    receiveCount: number,
  ): Promise<RecordOutcome> {
    try {
      await worker.process(job);
      return { ok: true };
    } catch (error) {
      if (error instanceof RetryLaterError) {
        this.deliveryQueue.stats.visibilityRequests++;
        return { ok: false, retryInMs: retryDelaySeconds(receiveCount) * 1000 };
      }
      return { ok: false };
    }
  }

  /** Nothing left to run: queues drained and no invocation in flight. */
  settled(): boolean {
    return this.fanoutMapping.idle() && this.deliveryMapping.idle();
  }
}

/**
 * The local AWS edge endpoint: ONE HTTP server (LocalStack's :4566 convention) that serves DynamoDB
 * (embedded dynalite), SQS (JSON protocol), SNS (awsQuery) and the `@connections` management API, so
 * unmodified AWS SDK v3 clients work with `AWS_ENDPOINT_URL`. Credentials and SigV4 are not checked.
 * Local-only admin routes live under `/_local/` (faults, stats, failures, resources, health).
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ConnectionRegistry } from '../gateway/connection-registry.js';
import { FailureStore } from '../lambda/failure-store.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import type { SqsEventSource } from '../lambda/sqs-event-source.js';
import { createRequestGuard } from '../request-guard.js';
import { type DynamoBackend, startDynamoBackend } from './dynamodb-proxy.js';
import type { AdminState } from './edge-admin.js';
import { handleEdgeRequest, sendEdgeError } from './edge-requests.js';
import {
  ACCOUNT_ID,
  contractSubscriptions,
  createContractResources,
  type EdgeResources,
  type EdgeSubscriptions,
  REGION,
  wireFunctions,
} from './edge-resources.js';
import { Faults } from './faults.js';
import { sendJson } from './http-util.js';
import { readJsonFile, SnapshotWriter } from './persistence.js';
import { createSnsActions } from './sns-api.js';
import { SnsService } from './sns-service.js';
import { createSqsActions } from './sqs-api.js';
import { SqsService } from './sqs-service.js';
import { EdgeStats } from './stats.js';

export {
  ACCOUNT_ID,
  type EdgeResources,
  type EdgeSubscriptions,
  REGION,
  type SnsFunctionSubscription,
  type SqsFunctionMapping,
} from './edge-resources.js';

export interface EdgeOptions {
  /** default 127.0.0.1 */
  host?: string;
  /** default 4566; 0 picks a free port */
  port?: number;
  /** host used in returned URLs (queue URLs, `url`); default `host` */
  advertisedHost?: string;
  /** keep DynamoDB (LevelDB), SQS and SNS state under this directory across restarts */
  dataDir?: string;
  registry: ConnectionRegistry;
  /** runs SNS-subscribed functions and SQS event sources; without it deliveries are recorded as failures */
  runtime?: LambdaRuntime;
  /** API Gateway stage of the `@connections` API; default `local` */
  stage?: string;
  /** creates `<prefix><suffix>` topics and queues (+ `-dlq`) for every sns/sqs function of the contract */
  resourcePrefix?: string;
  /**
   * Function wiring. Default (with a runtime): every sns/sqs function of the generated `functionTable`
   * is subscribed to / polls its `<prefix><suffix>` resource. `false`: none (resources are still created).
   */
  subscriptions?: EdgeSubscriptions | false;
  /** VisibilityTimeout of the created work queues; default 30 s */
  queueVisibilityTimeoutSeconds?: number;
}

export interface Edge {
  /** `http://<advertisedHost>:<port>` */
  url: string;
  port: number;
  sns: SnsService;
  sqs: SqsService;
  faults: Faults;
  stats: EdgeStats;
  /** failed asynchronous invocations (the runtime's store when a runtime is given) */
  failures: FailureStore;
  /** topic ARNs and queue URLs created at start, keyed by resource name */
  resources: EdgeResources;
  eventSources: SqsEventSource[];
  queueUrl(name: string): string;
  topicArn(name: string): string;
  /** stops pollers, ends long polls and hung requests, closes the server, flushes state, closes dynalite */
  stop(): Promise<void>;
}

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const host = options.host ?? '127.0.0.1';
  const failures = options.runtime?.failures ?? new FailureStore();
  const { sqs, sns, writers } = await restoreMessaging(options, failures);
  const faults = new Faults();
  const dynamo = await startDynamoBackend({
    ...(options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {}),
    faults,
  });
  let releaseHung: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => {
    releaseHung = resolve;
  });
  let url = `http://${options.advertisedHost ?? host}:${options.port ?? 4566}`;
  const admin: AdminState = {
    faults,
    stats: new EdgeStats(),
    failures,
    runtime: options.runtime,
    eventSources: [],
    resources: undefined,
  };
  const server = createEdgeServer(host, options, {
    admin,
    registry: options.registry,
    stage: options.stage ?? 'local',
    dynamo,
    sqsActions: createSqsActions(sqs, faults),
    snsActions: createSnsActions(sns),
    stopping,
    fallbackBase: () => url,
  });
  const port = await listen(server, host, options.port ?? 4566, dynamo);
  url = `http://${options.advertisedHost ?? host}:${port}`;
  const queueUrl = (name: string): string => `${url}/${ACCOUNT_ID}/${name}`;
  const services = {
    sns,
    sqs,
    prefix: options.resourcePrefix ?? 'wspush-local',
    queueUrl,
    visibilityTimeoutSeconds: options.queueVisibilityTimeoutSeconds ?? 30,
  };
  const resources = createContractResources(services);
  const eventSources =
    options.runtime && options.subscriptions !== false
      ? wireFunctions(
          services,
          options.runtime,
          options.subscriptions ?? contractSubscriptions(services.prefix),
          resources,
        )
      : [];
  admin.resources = resources;
  admin.eventSources = eventSources;
  return {
    url,
    port,
    sns,
    sqs,
    faults,
    stats: admin.stats,
    failures,
    resources,
    eventSources,
    queueUrl,
    topicArn: (name) => sns.topicArn(name),
    async stop() {
      await Promise.allSettled(eventSources.map((s) => s.stop()));
      sqs.stop();
      releaseHung();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writers.sqs?.flush();
      await writers.sns?.flush();
      await dynamo.close();
    },
  };
}

/** SQS and SNS, restored from `dataDir` (and written back on change) when one is given. */
async function restoreMessaging(options: EdgeOptions, failures: FailureStore) {
  const writers: { sqs?: SnapshotWriter; sns?: SnapshotWriter } = {};
  const sqs = new SqsService(REGION, ACCOUNT_ID, () => writers.sqs?.markDirty());
  const sns = new SnsService({
    region: REGION,
    accountId: ACCOUNT_ID,
    runtime: options.runtime,
    sqs,
    failures,
    onChange: () => writers.sns?.markDirty(),
  });
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    const sqsPath = join(options.dataDir, 'sqs.json');
    const snsPath = join(options.dataDir, 'sns.json');
    const sqsState = await readJsonFile(sqsPath);
    if (sqsState !== undefined) sqs.restore(sqsState);
    const snsState = await readJsonFile(snsPath);
    if (snsState !== undefined) sns.restore(snsState);
    writers.sqs = new SnapshotWriter(sqsPath, () => sqs.snapshot());
    writers.sns = new SnapshotWriter(snsPath, () => sns.snapshot());
  }
  return { sqs, sns, writers };
}

function createEdgeServer(
  host: string,
  options: EdgeOptions,
  services: Parameters<typeof handleEdgeRequest>[0],
): Server {
  const guard = createRequestGuard({
    extraHosts: [host, ...(options.advertisedHost ? [options.advertisedHost] : [])],
  });
  const server = createServer((req, res) => {
    // The SDK clients and the CLI send no Origin; a page on another site (a form POST to SNS) does (request-guard.ts).
    const allowed = guard.check(req.headers);
    if (!allowed.ok) {
      sendJson(
        res,
        allowed.status,
        { __type: 'AccessDeniedException', message: allowed.reason },
        { 'x-amzn-ErrorType': 'AccessDeniedException' },
      );
      return;
    }
    handleEdgeRequest(services, req, res).catch((error: unknown) => sendEdgeError(res, error));
  });
  // Long polls (up to 20 s) must not be cut by Node's default request timeouts.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5000;
  return server;
}

async function listen(
  server: Server,
  host: string,
  requestedPort: number,
  dynamo: DynamoBackend,
): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(requestedPort, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await dynamo.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw Object.assign(new Error(`Edge endpoint: port ${requestedPort} on ${host} is already in use`), {
        code,
      });
    }
    throw error;
  }
  return (server.address() as AddressInfo).port;
}

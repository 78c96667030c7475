/**
 * The local AWS edge endpoint: ONE HTTP server (LocalStack's :4566 convention) that serves DynamoDB
 * (embedded dynalite), SQS (JSON protocol), SNS (awsQuery) and the `@connections` management API, so
 * unmodified AWS SDK v3 clients work with `AWS_ENDPOINT_URL`. Credentials and SigV4 are not checked.
 * Local-only admin routes live under `/_local/` (faults, stats, failures, resources, health).
 */
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { functionTable } from '../../../generated/index.js';
import { queuePolicy } from '../../core/queue-policy.js';
import type { ConnectionRegistry } from '../gateway/connection-registry.js';
import { type FailureRecord, FailureStore } from '../lambda/failure-store.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import {
  type SqsEventSource,
  type SqsEventSourceStats,
  startSqsEventSource,
} from '../lambda/sqs-event-source.js';
import { createRequestGuard } from '../request-guard.js';
import { AwsError } from './aws-error.js';
import { handleConnectionsRequest, matchConnectionsPath } from './connections-api.js';
import { type DynamoBackend, startDynamoBackend } from './dynamodb-proxy.js';
import { Faults, parseFaultRule } from './faults.js';
import { BodyTooLargeError, baseUrlOf, readBody, sendJson } from './http-util.js';
import { readJsonFile, SnapshotWriter } from './persistence.js';
import { createSnsActions, handleSnsRequest } from './sns-api.js';
import { SnsService } from './sns-service.js';
import { createSqsActions, handleSqsRequest } from './sqs-api.js';
import { SqsService } from './sqs-service.js';
import { EdgeStats } from './stats.js';

export const ACCOUNT_ID = '000000000000';
export const REGION = 'us-east-1';

export interface SnsFunctionSubscription {
  /** topic name (without ARN), e.g. `wspush-local-user` */
  topicName: string;
  functionName: string;
}

export interface SqsFunctionMapping {
  /** queue name, e.g. `wspush-local-delivery` */
  queueName: string;
  functionName: string;
  batchSize?: number;
  maxConcurrency?: number;
  waitTimeSeconds?: number;
}

export interface EdgeSubscriptions {
  sns?: SnsFunctionSubscription[];
  sqs?: SqsFunctionMapping[];
}

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

export interface EdgeResources {
  topics: Record<string, string>;
  queues: Record<string, string>;
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

type LocalResponse = { status: number; body?: unknown };

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const host = options.host ?? '127.0.0.1';
  const stage = options.stage ?? 'local';
  const prefix = options.resourcePrefix ?? 'wspush-local';
  const faults = new Faults();
  const stats = new EdgeStats();
  const failures = options.runtime?.failures ?? new FailureStore();

  // ---- state (restored from dataDir) ----
  let sqsWriter: SnapshotWriter | undefined;
  let snsWriter: SnapshotWriter | undefined;
  const sqs = new SqsService(REGION, ACCOUNT_ID, () => sqsWriter?.markDirty());
  const sns = new SnsService({
    region: REGION,
    accountId: ACCOUNT_ID,
    runtime: options.runtime,
    sqs,
    failures,
    onChange: () => snsWriter?.markDirty(),
  });
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    const sqsPath = join(options.dataDir, 'sqs.json');
    const snsPath = join(options.dataDir, 'sns.json');
    const sqsState = await readJsonFile(sqsPath);
    if (sqsState !== undefined) sqs.restore(sqsState);
    const snsState = await readJsonFile(snsPath);
    if (snsState !== undefined) sns.restore(snsState);
    sqsWriter = new SnapshotWriter(sqsPath, () => sqs.snapshot());
    snsWriter = new SnapshotWriter(snsPath, () => sns.snapshot());
  }

  const dynamo: DynamoBackend = await startDynamoBackend({
    ...(options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {}),
    faults,
  });

  const sqsActions = createSqsActions(sqs, faults);
  const snsActions = createSnsActions(sns);
  let releaseHung: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => {
    releaseHung = resolve;
  });
  let fallbackBase = `http://${options.advertisedHost ?? host}:${options.port ?? 4566}`;

  function local(method: string, path: string, body: Buffer): LocalResponse {
    const parseJson = (): unknown => {
      try {
        return JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        throw new AwsError('SerializationException', 'The request body is not valid JSON.');
      }
    };
    switch (`${method} ${path}`) {
      case 'GET /_local/health':
        return { status: 200, body: { ok: true } };
      case 'GET /_local/faults':
        return { status: 200, body: { faults: faults.list() } };
      case 'POST /_local/faults': {
        const input = parseJson();
        const rules = (Array.isArray(input) ? input : [input]).map((r) => {
          try {
            return parseFaultRule(r);
          } catch (error) {
            throw new AwsError('ValidationException', `Invalid fault rule: ${(error as Error).message}`);
          }
        });
        return { status: 200, body: { ids: rules.map((r) => faults.add(r)) } };
      }
      case 'DELETE /_local/faults':
        faults.clear();
        return { status: 204 };
      case 'GET /_local/stats':
        return {
          status: 200,
          body: {
            requests: stats.snapshot(),
            functions: options.runtime?.stats() ?? {},
            eventSources: Object.fromEntries(
              eventSources.map((s) => [s.options.queueName, s.stats()] as [string, SqsEventSourceStats]),
            ),
          },
        };
      case 'DELETE /_local/stats':
        stats.reset();
        options.runtime?.resetStats();
        return { status: 204 };
      case 'GET /_local/failures':
        return { status: 200, body: { failures: failures.list() satisfies FailureRecord[] } };
      case 'DELETE /_local/failures':
        failures.clear();
        return { status: 204 };
      case 'GET /_local/resources':
        return { status: 200, body: resources };
      default:
        return { status: 404, body: { message: `No local admin route ${method} ${path}` } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const target = req.headers['x-amz-target'];
    const baseUrl = baseUrlOf(req, fallbackBase);

    if (pathname.startsWith('/_local/')) {
      stats.count('local', `${method} ${pathname}`);
      const result = local(method, pathname, await readBody(req));
      if (result.status === 204) res.writeHead(204).end();
      else sendJson(res, result.status, result.body);
      return;
    }
    const connection = matchConnectionsPath(pathname);
    if (connection) {
      stats.count('connections', method);
      await handleConnectionsRequest(req, res, connection, {
        registry: options.registry,
        stage,
        faults,
        stopping,
      });
      return;
    }
    if (typeof target === 'string') {
      const [service = '', action = ''] = target.split('.');
      if (service.startsWith('DynamoDB_')) {
        stats.count('dynamodb', action);
        dynamo.handle(req, res, await readBody(req), action);
        return;
      }
      if (service === 'AmazonSQS') {
        stats.count('sqs', action);
        await handleSqsRequest(sqsActions, action, await readBody(req), baseUrl, res);
        return;
      }
      stats.count('unknown', target);
      sendJson(
        res,
        400,
        {
          __type: 'UnknownOperationException',
          message: `Unknown operation ${target}: the local edge serves DynamoDB_20120810.*, AmazonSQS.*, SNS (awsQuery) and @connections`,
        },
        { 'x-amzn-ErrorType': 'UnknownOperationException' },
        'application/x-amz-json-1.0',
      );
      return;
    }
    const contentType = req.headers['content-type'] ?? '';
    if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams((await readBody(req)).toString('utf8'));
      const action = params.get('Action') ?? '(none)';
      if (params.get('Version') === '2012-11-05') {
        // The old SQS query protocol: the current SDK no longer speaks it.
        stats.count('sqs', action);
        params.set(
          'Action',
          `${action} (SQS query protocol; use the JSON protocol of @aws-sdk/client-sqs v3)`,
        );
      } else {
        stats.count('sns', action);
      }
      handleSnsRequest(snsActions, params, res);
      return;
    }
    stats.count('unknown', `${method} ${pathname}`);
    sendJson(
      res,
      400,
      {
        __type: 'UnknownOperationException',
        message: `Unknown operation: ${method} ${pathname} has no X-Amz-Target, SNS Action or @connections path`,
      },
      { 'x-amzn-ErrorType': 'UnknownOperationException' },
    );
  }

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
        {
          'x-amzn-ErrorType': 'AccessDeniedException',
        },
      );
      return;
    }
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof AwsError) {
        sendJson(
          res,
          error.statusCode,
          { __type: error.code, message: error.message },
          { 'x-amzn-ErrorType': error.code },
        );
      } else if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, { message: error.message }, { 'x-amzn-ErrorType': 'PayloadTooLargeException' });
      } else {
        sendJson(
          res,
          500,
          { message: `Internal error in the local edge: ${(error as Error).message}` },
          { 'x-amzn-ErrorType': 'InternalFailure' },
        );
      }
    });
  });
  // Long polls (up to 20 s) must not be cut by Node's default request timeouts.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5000;

  const requestedPort = options.port ?? 4566;
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
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.advertisedHost ?? host}:${port}`;
  fallbackBase = url;

  // ---- resources of the contract: topics, work queues with DLQs ----
  const resources: EdgeResources = { topics: {}, queues: {} };
  const queueUrl = (name: string): string => `${url}/${ACCOUNT_ID}/${name}`;
  for (const fn of functionTable) {
    const trigger = fn.trigger;
    if (trigger.kind === 'sns') {
      const name = `${prefix}${trigger.suffix}`;
      resources.topics[name] = sns.createTopic(name);
    } else if (trigger.kind === 'sqs') {
      const name = `${prefix}${trigger.suffix}`;
      const dlq = `${name}-dlq`;
      sqs.createQueue(dlq, { MessageRetentionPeriod: String(queuePolicy.deadLetterRetentionSeconds) });
      if (!sqs.has(name)) {
        sqs.createQueue(name, {
          VisibilityTimeout: String(options.queueVisibilityTimeoutSeconds ?? 30),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: sqs.queueArn(dlq),
            maxReceiveCount: queuePolicy.maxReceiveCount,
          }),
        });
      }
      resources.queues[name] = queueUrl(name);
      resources.queues[dlq] = queueUrl(dlq);
    }
  }

  // ---- function wiring ----
  const eventSources: SqsEventSource[] = [];
  if (options.runtime && options.subscriptions !== false) {
    const wiring: EdgeSubscriptions = options.subscriptions ?? {
      sns: functionTable.flatMap((fn) =>
        fn.trigger.kind === 'sns'
          ? [{ topicName: `${prefix}${fn.trigger.suffix}`, functionName: fn.handler }]
          : [],
      ),
      sqs: functionTable.flatMap((fn) =>
        fn.trigger.kind === 'sqs'
          ? [{ queueName: `${prefix}${fn.trigger.suffix}`, functionName: fn.handler }]
          : [],
      ),
    };
    for (const s of wiring.sns ?? []) {
      const topicArn = sns.createTopic(s.topicName);
      resources.topics[s.topicName] = topicArn;
      sns.subscribe(topicArn, 'lambda', `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${s.functionName}`);
    }
    for (const m of wiring.sqs ?? []) {
      if (!sqs.has(m.queueName)) throw new Error(`Event source mapping: queue ${m.queueName} does not exist`);
      eventSources.push(startSqsEventSource(sqs, options.runtime, m));
    }
  }

  return {
    url,
    port,
    sns,
    sqs,
    faults,
    stats,
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
      await sqsWriter?.flush();
      await snsWriter?.flush();
      await dynamo.close();
    },
  };
}

/**
 * The whole platform in one process: the AWS edge endpoint (DynamoDB, SNS, SQS, @connections), the WebSocket
 * gateway, the in-process Lambda runtime running the real handler modules, and the HTTP server of the
 * identity provider, console and docs. Used by `npm start` and by the end-to-end tests (ports 0).
 *
 * Start order matters because handlers read `process.env` at cold start: every server is listening and the
 * table exists before the first handler module is imported (handler loading waits for `envReady`).
 */

import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { functionTable, routeTable } from '../../generated/index.js';
import { tableDefinition } from '../adapters/table-definition.js';
import { consolePublish } from './console/console-publish.js';
import { loadContractCatalog } from './console/contract-catalog.js';
import { startWebServer, type WebServer } from './console/web-server.js';
import { type Edge, type Faults, startEdge } from './edge/index.js';
import type { ConnectionRegistry } from './gateway/connection-registry.js';
import { type Gateway, type GatewayLogEntry, startGateway } from './gateway/gateway.js';
import { FAKE_CREDENTIALS, handlerEnvironment } from './handler-environment.js';
import { createHandlerLoader } from './handler-loading.js';
import { createIdentityProvider, type IdentityProvider } from './identity-provider.js';
import {
  type LocalKafkaOptions,
  localKafkaTopics,
  prepareLocalKafka,
  startLocalKafka,
} from './kafka/local-kafka.js';
import { AsyncInvocationJournal } from './lambda/async-journal.js';
import { createLambdaRuntime, type LambdaRuntime } from './lambda/runtime.js';
import { TraceStore } from './trace-store.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const RESOURCE_PREFIX = 'wspush-local';
export const TABLE_NAME = 'wspush-local';
export const STAGE = 'local';
export const AUDIENCE = 'wspush';
/** In the data directory: the asynchronous invocations accepted and not yet finished (one JSON per line). */
export const ASYNC_JOURNAL_FILE = 'lambda-async-queue.jsonl';
export { FAKE_CREDENTIALS } from './handler-environment.js';

export interface PlatformOptions {
  /** Interface every server binds; default 127.0.0.1. */
  host?: string;
  /** Defaults 3001 / 4566 / 3000; 0 picks a free port. */
  gatewayPort?: number;
  edgePort?: number;
  idpPort?: number;
  /** Keeps DynamoDB, SQS/SNS state and the signing key on disk. Default: in memory, fresh key. */
  dataDir?: string;
  /**
   * Gateway limits (defaults: the contract's 600 / 7200). Also given to the handlers as `IDLE_TIMEOUT_SECONDS`
   * / `MAX_CONNECTION_SECONDS` so the welcome frame announces them; fractions (tests) are announced rounded
   * down to whole seconds, at least 1 (the contract's integer), so clients act early rather than late.
   */
  idleTimeoutSeconds?: number;
  maxConnectionSeconds?: number;
  /** `DELIVERY_DELAY_SECONDS` of the handlers (tests use 0). Default 1. */
  deliveryDelaySeconds?: number;
  /** The stack setting `closeExpiredTokensAfterSeconds` (function-settings.ts). Default unset: off, as on AWS. */
  closeExpiredTokensAfterSeconds?: number;
  /** Extra environment for the handlers (overrides the computed values). */
  env?: Record<string, string>;
  /** Gateway log sink; default: warnings and errors to stderr. */
  gatewayLog?: (entry: GatewayLogEntry) => void;
  /** Test seam passed to the gateway: runs while a connection is between `$connect` and the handshake. */
  onConnecting?: (connectionId: string) => Promise<void> | void;
  /** Consume the contract's Kafka topics from the developer's brokers (`--kafka-brokers`); unset: no Kafka. */
  kafka?: LocalKafkaOptions;
  /**
   * Import every handler module before the platform is ready (`npm start` sets it). tsx compiles a module on
   * its first import through an esbuild child process in the terminal's process group: one Ctrl+C kills that
   * child too, and a handler first loaded after it (an SNS delivery in flight) would fail and be lost. Cold
   * starts still count at each function's first invocation (the import only fills the module cache).
   */
  preloadHandlers?: boolean;
}

export interface PlatformUrls {
  /** `ws://localhost:3001` */
  gateway: string;
  /** `http://localhost:4566` */
  edge: string;
  /** `http://localhost:3000` (identity provider, console, docs) */
  idp: string;
  console: string;
  docs: string;
  /** `<edge>/local`, the `@connections` endpoint for `ApiGatewayManagementApiClient`. */
  management: string;
  broadcastTopicArn: string;
  userTopicArn: string;
  deliveryQueueUrl: string;
  fanoutQueueUrl: string;
  /** Every topic ARN and queue URL created, by name (DLQs included). */
  topics: Record<string, string>;
  queues: Record<string, string>;
  /** With `kafka`: the Kafka topic of each contract channel (`wspush-local-broadcast`, `wspush-local-user`). */
  kafkaTopics?: Record<string, string>;
}

export interface Platform {
  urls: PlatformUrls;
  edge: Edge;
  gateway: Gateway;
  idp: IdentityProvider;
  runtime: LambdaRuntime;
  faults: Faults;
  /** Every trace record the handlers wrote (`wspush trace`, the console's trace view). */
  traces: TraceStore;
  /** The environment the handlers run with. */
  env: Record<string, string>;
  tableName: string;
  /** Closes sockets (running `$disconnect`), drains invocations, flushes data to disk, closes servers. */
  stop(): Promise<void>;
}

/** The edge needs the gateway's registry and the gateway needs the edge's URL: this forwards once attached. */
function lateRegistry(): ConnectionRegistry & { attach(target: ConnectionRegistry): void } {
  let target: ConnectionRegistry | undefined;
  return {
    attach(value) {
      target = value;
    },
    post: async (id, data) => (target ? target.post(id, data) : 'gone'),
    info: (id) => target?.info(id),
    close: async (id) => (target ? target.close(id) : false),
  };
}

/** The contract and docs name `localhost`; on any other interface, that address. */
function displayHost(host: string): string {
  if (host === '127.0.0.1' || host === '0.0.0.0') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function localUrl(host: string, port: number, scheme: 'http' | 'ws'): string {
  return `${scheme}://${displayHost(host)}:${port}`;
}

/**
 * For tests, benchmarks and scripts: loopback only, free ports, jobs delivered without delay, gateway quiet.
 * Spread it first and override what differs.
 */
export const ephemeralPlatformOptions: Readonly<PlatformOptions> = {
  host: '127.0.0.1',
  gatewayPort: 0,
  edgePort: 0,
  idpPort: 0,
  deliveryDelaySeconds: 0,
  gatewayLog: () => undefined,
};

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const host = options.host ?? '127.0.0.1';
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  };
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  try {
    // 1. Identity provider, console and docs (the issuer URL needs the port).
    const { web, idp, idpUrl } = await startWebAndIdentity(host, options, stoppers);
    // 2. The Lambda runtime: handler modules load only once the environment below is complete.
    const { runtime, handlers, traces, listenForTraces } = startHandlerRuntime(options, stoppers);
    // 3. The edge (creates the topics, queues with DLQs, subscriptions and event-source mappings).
    const registry = lateRegistry();
    const edge = await startEdge({
      host,
      port: options.edgePort ?? 4566,
      advertisedHost: displayHost(host),
      registry,
      runtime,
      stage: STAGE,
      resourcePrefix: RESOURCE_PREFIX,
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    });
    stoppers.push(() => edge.stop());
    // 4. The handlers' environment, then the table.
    const kafka = options.kafka ? prepareLocalKafka(edge, RESOURCE_PREFIX) : undefined;
    const env = handlerEnvironment({
      edgeUrl: edge.url,
      stage: STAGE,
      tableName: TABLE_NAME,
      deliveryQueueUrl: edgeResource(edge, 'queues', '-delivery'),
      fanoutQueueUrl: edgeResource(edge, 'queues', '-fanout'),
      issuerPattern: idp.issuerPattern,
      jwksPath: idp.jwksPath,
      audience: AUDIENCE,
      deliveryDelaySeconds: options.deliveryDelaySeconds,
      closeExpiredTokensAfterSeconds: options.closeExpiredTokensAfterSeconds,
      idleTimeoutSeconds: options.idleTimeoutSeconds,
      maxConnectionSeconds: options.maxConnectionSeconds,
      kafkaEnv: kafka?.env,
      extra: options.env,
    });
    Object.assign(process.env, env);
    await createLocalTable(edge.url);
    await listenForTraces();
    handlers.ready(env);
    if (options.preloadHandlers) {
      // The Kafka functions run (and find their settings) only with --kafka-brokers.
      const used = functionTable.filter((fn) => fn.trigger.kind !== 'kafka' || options.kafka);
      await Promise.all(used.map((fn) => handlers.load(fn.handler)));
    }
    // 5. The gateway, now that the handlers can run.
    const gateway = await startLocalGateway(host, options, runtime);
    registry.attach(gateway.registry);
    // What a previous run accepted and did not finish (a crash, or a stop during retries) runs now.
    runtime.resumeJournaled();
    stoppers.push(async () => {
      await gateway.stop();
      // `$disconnect` and router invocations finish before the edge (and its data) closes.
      await runtime.drain();
    });
    if (options.kafka && kafka)
      await startKafkaSources(options.kafka, { edge, runtime, failureQueue: kafka.failureQueue }, stoppers);
    // 6. The console needs the gateway port and an SNS client through the edge.
    const urls = platformUrls({ host, idpUrl, edge, gateway, env, kafka: options.kafka !== undefined });
    await attachConsole(web, { idp, edge, gateway, traces, urls }, stoppers);
    let stopped: Promise<void> | undefined;
    return {
      urls,
      edge,
      gateway,
      idp,
      runtime,
      faults: edge.faults,
      traces,
      env,
      tableName: TABLE_NAME,
      stop: () => {
        stopped ??= stopAll();
        return stopped;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

type Stoppers = Array<() => Promise<void>>;

/** The HTTP server of the identity provider, console and docs, and the dev identity provider on it. */
async function startWebAndIdentity(host: string, options: PlatformOptions, stoppers: Stoppers) {
  const web: WebServer = await startWebServer({
    host,
    port: options.idpPort ?? 3000,
    docsDir: join(repoRoot, 'docs/api'),
    consolePageFile: join(repoRoot, 'src/local/console/index.html'),
  });
  stoppers.push(() => web.stop());
  const idpUrl = localUrl(host, web.port, 'http');
  const idp = await createIdentityProvider({
    publicBaseUrl: idpUrl,
    audience: AUDIENCE,
    ...(options.dataDir ? { keyFile: join(options.dataDir, 'idp-signing-key.json') } : {}),
  });
  return { web, idp, idpUrl };
}

async function startKafkaSources(
  kafka: LocalKafkaOptions,
  parts: { edge: Edge; runtime: LambdaRuntime; failureQueue: string },
  stoppers: Stoppers,
): Promise<void> {
  const sources = await startLocalKafka(kafka, { ...parts, prefix: RESOURCE_PREFIX });
  // Stopped first: no invocation starts once the gateway and the edge are going away.
  stoppers.push(async () => {
    await Promise.allSettled(sources.map((s) => s.stop()));
  });
}

/**
 * The in-process Lambda runtime and its handler loader; the trace records the handlers write are kept here
 * (in the data dir too, with one). `listenForTraces` once the environment is set: it imports the handlers'
 * logger, which reads it.
 */
function startHandlerRuntime(options: PlatformOptions, stoppers: Stoppers) {
  const traces = new TraceStore(options.dataDir ? { dataDir: options.dataDir } : {});
  // Stops listening (and writes the file) only after the runtime drained: the last invocations trace too.
  let stopListening: () => void = () => undefined;
  stoppers.push(async () => {
    stopListening();
    await traces.flush();
  });
  const handlers = createHandlerLoader(join(repoRoot, 'src/handlers'));
  // Lambda's asynchronous invocation queue, on disk with --data-dir: accepted SNS deliveries survive a crash.
  const journal = options.dataDir
    ? new AsyncInvocationJournal(join(options.dataDir, ASYNC_JOURNAL_FILE))
    : undefined;
  const runtime = createLambdaRuntime({
    loadHandler: (name) => handlers.load(name),
    retryDelaysMs: [200, 500],
    ...(journal ? { journal } : {}),
  });
  stoppers.push(async () => {
    await runtime.stop();
    journal?.close();
  });
  const listenForTraces = async () => {
    const { addTraceListener } = await import('../handlers/runtime/trace-log.js');
    stopListening = addTraceListener((record) => traces.add(record));
  };
  return { runtime, handlers, traces, listenForTraces };
}

/** A queue URL or topic ARN the edge created for `<prefix><suffix>`. */
function edgeResource(edge: Edge, kind: 'queues' | 'topics', suffix: string): string {
  const value = edge.resources[kind][`${RESOURCE_PREFIX}${suffix}`];
  if (!value) throw new Error(`the edge did not create the ${kind.slice(0, -1)} ${RESOURCE_PREFIX}${suffix}`);
  return value;
}

async function createLocalTable(edgeUrl: string): Promise<void> {
  const dynamo = new DynamoDBClient({
    endpoint: edgeUrl,
    region: 'us-east-1',
    credentials: FAKE_CREDENTIALS,
  });
  try {
    await dynamo.send(new CreateTableCommand(tableDefinition(TABLE_NAME)));
  } catch (error) {
    // Kept from a previous run with --data-dir.
    if (!(error instanceof ResourceInUseException)) throw error;
  } finally {
    dynamo.destroy();
  }
}

function startLocalGateway(host: string, options: PlatformOptions, runtime: LambdaRuntime): Promise<Gateway> {
  return startGateway({
    host,
    port: options.gatewayPort ?? 3001,
    stage: STAGE,
    routes: routeTable,
    invoke: (name, event) => runtime.invoke(name, event),
    ...(options.idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds: options.idleTimeoutSeconds } : {}),
    ...(options.maxConnectionSeconds !== undefined
      ? { maxConnectionSeconds: options.maxConnectionSeconds }
      : {}),
    ...(options.gatewayLog ? { log: options.gatewayLog } : {}),
    ...(options.onConnecting ? { onConnecting: options.onConnecting } : {}),
  });
}

interface ConsoleParts {
  idp: IdentityProvider;
  edge: Edge;
  gateway: Gateway;
  traces: TraceStore;
  /** The topic ARNs the console publishes to. */
  urls: PlatformUrls;
}

async function attachConsole(web: WebServer, parts: ConsoleParts, stoppers: Stoppers): Promise<void> {
  const { idp, edge, gateway, traces } = parts;
  const sns = new SNSClient({ endpoint: edge.url, region: 'us-east-1', credentials: FAKE_CREDENTIALS });
  stoppers.push(async () => sns.destroy());
  const { broadcastTopicArn, userTopicArn } = parts.urls;
  web.attach({
    idp,
    page: {
      gatewayPort: gateway.port,
      edgeUrl: edge.url,
      catalog: await loadContractCatalog(join(repoRoot, 'asyncapi.yaml')),
    },
    publish: (input) => consolePublish(input, { sns, broadcastTopicArn, userTopicArn }),
    trace: (id) => traces.find(id),
  });
}

function platformUrls(p: {
  host: string;
  idpUrl: string;
  edge: Edge;
  gateway: Gateway;
  env: Record<string, string>;
  kafka: boolean;
}): PlatformUrls {
  const { edge } = p;
  return {
    gateway: localUrl(p.host, p.gateway.port, 'ws'),
    edge: edge.url,
    idp: p.idpUrl,
    console: `${p.idpUrl}/`,
    docs: `${p.idpUrl}/docs`,
    management: `${edge.url}/${STAGE}`,
    broadcastTopicArn: edgeResource(edge, 'topics', '-broadcast'),
    userTopicArn: edgeResource(edge, 'topics', '-user'),
    deliveryQueueUrl: p.env.DELIVERY_QUEUE_URL as string,
    fanoutQueueUrl: p.env.FANOUT_QUEUE_URL as string,
    topics: { ...edge.resources.topics },
    queues: { ...edge.resources.queues },
    ...(p.kafka ? { kafkaTopics: localKafkaTopics(RESOURCE_PREFIX) } : {}),
  };
}

/**
 * The real handlers (user router, broadcast router, fan-out worker) on the handler harness (the local edge:
 * a management API that answers 200 for open connections), at log level INFO with EMF metrics on, in a process
 * of its own (the logger reads its level at load). Every line the functions write to stdout is captured and
 * split into trace records (`trace = "wspush.trace.v1"`) and the rest. One IPC request, `measure`.
 */
import type { Context, SNSEvent, SQSEvent } from 'aws-lambda';
import { fixture, lambdaContext, startHandlerHarness } from '../../src/handlers/testing/harness.js';
import {
  payloadFor,
  topics,
  userMessageExample,
  userMessageType,
} from '../../test/support/contract-picks.js';

/** The broadcast topic: open to every user, with a history. */
const TOPIC = topics.openHistory;

export interface LogBytes {
  /** Bytes (UTF-8, newline included) and lines of trace records / of every other line. */
  traceBytes: number;
  otherBytes: number;
  traceLines: number;
  otherLines: number;
}

export interface LogBytesRequest {
  userMessages: number;
  subscribers: number;
  shardSize: number;
  broadcasts: number;
  /** Per mille sample rates of per-connection broadcast successes to measure, besides 0. */
  sampleRates: number[];
}

export interface LogBytesResult {
  user: LogBytes & { deliveries: number; invocations: number };
  broadcast: Record<
    string,
    { router: LogBytes; shards: LogBytes; deliveries: number; shardInvocations: number }
  >;
}

type SnsHandler = (event: SNSEvent, context: Context) => Promise<void>;
type SqsHandler = (event: SQSEvent, context: Context) => Promise<unknown>;

const TRACE_MARK = '"trace":"wspush.trace.v1"';
/** Lines written while measuring; outside a measurement (setup: connects) the functions' output is dropped. */
let captured: string[] | null = null;
process.stdout.write = ((chunk: string | Uint8Array) => {
  captured?.push(...String(chunk).split('\n').filter(Boolean));
  return true;
}) as typeof process.stdout.write;

const empty = (): LogBytes => ({ traceBytes: 0, otherBytes: 0, traceLines: 0, otherLines: 0 });

async function measure(into: LogBytes, work: () => Promise<unknown>): Promise<void> {
  captured = [];
  try {
    await work();
  } finally {
    const lines = captured;
    captured = null;
    for (const line of lines) {
      const bytes = Buffer.byteLength(line) + 1;
      // A trace record is its own JSON line; a quick marker test is exact for the logger's compact JSON.
      if (line.includes(TRACE_MARK)) {
        into.traceBytes += bytes;
        into.traceLines++;
      } else {
        into.otherBytes += bytes;
        into.otherLines++;
      }
    }
  }
}

async function run(request: LogBytesRequest): Promise<LogBytesResult> {
  const harness = await startHandlerHarness({
    POWERTOOLS_LOG_LEVEL: 'INFO',
    POWERTOOLS_METRICS_DISABLED: 'false',
    POWERTOOLS_METRICS_NAMESPACE: 'wspush',
    FANOUT_SHARD_THRESHOLD: String(Math.min(request.shardSize, request.subscribers - 1)),
    FANOUT_SHARD_SIZE: String(request.shardSize),
    TRACE_SAMPLE_PER_MILLE: '0',
  });
  const connect = (await import('../../src/handlers/connect.js')).handler;
  const userRouter = (await import('../../src/handlers/user-router.js')).handler as SnsHandler;
  const broadcastRouter = (await import('../../src/handlers/broadcast-router.js')).handler as SnsHandler;
  const { createFanoutWorkerHandler } = await import('../../src/handlers/fanout-worker.js');
  const { broadcastService } = await import('../../src/handlers/runtime/services.js');
  type ConnectEvent = Parameters<typeof connect>[0];

  const open = async (connectionId: string, userId: string, realm: string): Promise<void> => {
    const event = fixture<ConnectEvent>('websocket-connect.json');
    event.requestContext.connectionId = connectionId;
    event.requestContext.connectedAt = Date.now() - 60_000;
    event.requestContext.authorizer = { ...event.requestContext.authorizer!, userId, realm, roles: 'user' };
    event.queryStringParameters = { topics: TOPIC };
    event.multiValueQueryStringParameters = { topics: [TOPIC] };
    const result = await connect(event, lambdaContext('connect'));
    if (result.statusCode !== 200) throw new Error(`connect ${connectionId}: ${result.statusCode}`);
    harness.management.open.add(connectionId);
    // As its welcome job does: routers post to a welcomed connection instead of holding the message for it.
    await harness.welcomed(connectionId);
  };
  const snsEvent = (name: 'sns-broadcast.json' | 'sns-user.json', message: object): SNSEvent => {
    const event = fixture<SNSEvent>(name);
    (event.Records[0] as SNSEvent['Records'][0]).Sns.Message = JSON.stringify(message);
    return event;
  };
  const envelopeOf = (name: 'sns-broadcast.json' | 'sns-user.json') =>
    JSON.parse((fixture<SNSEvent>(name).Records[0] as SNSEvent['Records'][0]).Sns.Message) as Record<
      string,
      unknown
    >;

  // A user message to a user with one open connection.
  await open('LbUser00dUCDoECFmQ=', 'lb-user', 'acme');
  const user = { ...empty(), deliveries: 0, invocations: 0 };
  for (let i = 0; i < request.userMessages; i++) {
    const envelope = {
      ...envelopeOf('sns-user.json'),
      messageId: `lb-u-${i}`,
      correlationId: `c-lb-u-${i}`,
      userId: 'lb-user',
      realm: 'acme',
      type: userMessageType,
      publishedAt: new Date().toISOString(),
      payload: userMessageExample(userMessageType),
    };
    await measure(user, () => userRouter(snsEvent('sns-user.json', envelope), lambdaContext('user-router')));
    user.invocations++;
    user.deliveries++;
  }

  // A broadcast to `subscribers` open connections, in shards of `shardSize`, one fan-out job per invocation.
  for (let i = 0; i < request.subscribers; i++)
    await open(`LbFan${String(i).padStart(5, '0')}dUCDoECFmQ=`, `lb-fan-${i}`, 'lbfan');
  const broadcast: LogBytesResult['broadcast'] = {};
  for (const perMille of [0, ...request.sampleRates]) {
    process.env.TRACE_SAMPLE_PER_MILLE = String(perMille);
    const fanoutWorker = createFanoutWorkerHandler({ broadcast: broadcastService() }) as SqsHandler;
    const entry = { router: empty(), shards: empty(), deliveries: 0, shardInvocations: 0 };
    for (let b = 0; b < request.broadcasts; b++) {
      const messageId = `lb-b-${perMille}-${b}`;
      const envelope = {
        ...envelopeOf('sns-broadcast.json'),
        messageId,
        correlationId: `c-${messageId}`,
        realm: 'lbfan',
        topic: TOPIC,
        publishedAt: new Date().toISOString(),
        payload: payloadFor(TOPIC),
      };
      await measure(entry.router, () =>
        broadcastRouter(snsEvent('sns-broadcast.json', envelope), lambdaContext('broadcast-router')),
      );
      const jobs = harness.sqs.bodies(harness.queues.fanout).filter((body) => body.includes(messageId));
      if (jobs.length === 0) throw new Error(`no fan-out jobs for ${messageId}`);
      const template = (fixture<SQSEvent>('sqs-fanout.json').Records[0] as SQSEvent['Records'][0]) ?? {};
      for (const [index, body] of jobs.entries()) {
        const event: SQSEvent = {
          Records: [{ ...structuredClone(template), messageId: `j-${index}`, body }],
        };
        const response = (await measureReturn(entry.shards, () =>
          fanoutWorker(event, lambdaContext('fanout-worker')),
        )) as { batchItemFailures?: unknown[] };
        if ((response?.batchItemFailures ?? []).length > 0) throw new Error(`shard ${index} failed`);
        entry.shardInvocations++;
      }
      entry.deliveries += request.subscribers;
    }
    broadcast[String(perMille)] = entry;
  }
  await harness.stop();
  return { user, broadcast };
}

async function measureReturn<T>(into: LogBytes, work: () => Promise<T>): Promise<T> {
  let value: T | undefined;
  await measure(into, async () => {
    value = await work();
  });
  return value as T;
}

process.on('message', (message: { id: number; request: LogBytesRequest }) => {
  run(message.request).then(
    (body) => process.send?.({ id: message.id, body }),
    (error: unknown) => process.send?.({ id: message.id, error: (error as Error).stack ?? String(error) }),
  );
});
process.send?.({ id: 0 });

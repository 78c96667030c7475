/**
 * The local platform in a process of its own, driven over IPC by the benchmarks (so its memory and CPU are
 * measured apart from the load generator). Messages: `start`, `tokens`, `rss`, `stats`, `reset-stats`, `inflight`, `cpu`, `stop`.
 */
import './env.js';
import v8 from 'node:v8';
import vm from 'node:vm';
import { userMessageExample, userMessageType } from '../../test/support/contract-picks.js';
import { installCapacityMeter } from './capacity-meter.js';
import { Gauge, installInflightMeter } from './inflight-meter.js';

const meter = installCapacityMeter();
const inflight = { ...installInflightMeter(), fanoutInvocations: new Gauge() };
const { ephemeralPlatformOptions, startPlatform } = await import('../../src/local/platform.js');
type Platform = Awaited<ReturnType<typeof startPlatform>>;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let platform: Platform | undefined;
let inlineConnect = false;
let inboxStorePromise:
  | Promise<import('../../src/adapters/dynamodb-message-stores.js').DynamoInboxStore>
  | undefined;

/** The product's inbox store over the edge, to seed offline messages exactly as the user router stores them. */
function inboxStore(): Promise<import('../../src/adapters/dynamodb-message-stores.js').DynamoInboxStore> {
  inboxStorePromise ??= (async () => {
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
    const { DynamoTable } = await import('../../src/adapters/dynamodb-table.js');
    const { DynamoInboxStore } = await import('../../src/adapters/dynamodb-message-stores.js');
    const p = platform as Platform;
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: p.urls.edge,
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
    return new DynamoInboxStore(new DynamoTable(client, { tableName: p.tableName }));
  })();
  return inboxStorePromise;
}

/**
 * Bench-only variant "deliver inline in $connect": after the real `$connect` function, and before the
 * upgrade completes, read the user's inbox and post every message in order, one awaited call each (what a
 * $connect that delivers the backlog itself would have to do; API Gateway answers 410 to those posts while
 * the connection is still connecting, which is exactly why the product queues the delivery instead).
 */
async function deliverInline(event: {
  requestContext: { connectionId: string; authorizer?: Record<string, unknown> };
}): Promise<void> {
  const p = platform as Platform;
  const { ApiGatewayManagementApiClient, PostToConnectionCommand } = await import(
    '@aws-sdk/client-apigatewaymanagementapi'
  );
  const management = new ApiGatewayManagementApiClient({
    endpoint: p.urls.management,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const auth = event.requestContext.authorizer ?? {};
  const items = await (await inboxStore()).list(
    String(auth.realm),
    String(auth.userId),
    Math.floor(Date.now() / 1000),
    1000,
  );
  for (const item of items) {
    const frame = {
      kind: 'user',
      id: item.messageId,
      type: item.envelope.type,
      publishedAt: item.envelope.publishedAt,
      correlationId: item.envelope.correlationId,
      offline: true,
      payload: item.envelope.payload,
    };
    await management
      .send(
        new PostToConnectionCommand({
          ConnectionId: event.requestContext.connectionId,
          Data: Buffer.from(JSON.stringify(frame)),
        }),
      )
      .catch(() => undefined);
  }
  management.destroy();
}

type Request =
  | { type: 'start'; env?: Record<string, string> }
  | { type: 'tokens'; users: { userId: string; realm: string; roles: string[] }[] }
  | { type: 'rss' }
  | { type: 'stats' }
  | { type: 'reset-stats' }
  | { type: 'seed-inbox'; realm: string; userId: string; count: number }
  | { type: 'inbox-count'; realm: string; userId: string }
  | { type: 'inline-connect'; enabled: boolean }
  | { type: 'inflight'; reset?: boolean }
  | { type: 'cpu' }
  | { type: 'stop' };

function reply(id: number, body: unknown): void {
  process.send?.({ id, body });
}

process.on('message', async (message: { id: number; request: Request }) => {
  const { id, request } = message;
  try {
    switch (request.type) {
      case 'start':
        platform = await startPlatform({
          ...ephemeralPlatformOptions,
          ...(request.env ? { env: request.env } : {}),
        });
        meter.ignorePort(Number(new URL(platform.urls.edge).port));
        {
          const runtime = platform.runtime;
          const invoke = runtime.invoke.bind(runtime);
          // The gateway calls runtime.invoke at each request, so the variant can wrap it.
          runtime.invoke = async (name: string, event: unknown) => {
            if (name === 'fanout-worker') inflight.fanoutInvocations.up();
            try {
              const result = await invoke(name, event);
              if (inlineConnect && name === 'connect')
                await deliverInline(event as Parameters<typeof deliverInline>[0]);
              return result;
            } finally {
              if (name === 'fanout-worker') inflight.fanoutInvocations.down();
            }
          };
        }
        reply(id, { urls: platform.urls });
        break;
      case 'tokens': {
        const p = platform as Platform;
        const tokens = await Promise.all(
          request.users.map(async (u) => (await p.idp.mintToken({ ...u, ttlSeconds: 3600 })).token),
        );
        reply(id, { tokens });
        break;
      }
      case 'rss':
        for (let i = 0; i < 3; i++) gc();
        await new Promise((r) => setTimeout(r, 200));
        gc();
        reply(id, { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
        break;
      case 'stats': {
        const p = platform as Platform;
        await p.runtime.drain();
        reply(id, {
          functions: p.runtime.stats(),
          edge: p.edge.stats.snapshot(),
          dynamodb: meter.totals(),
          failures: p.runtime.failures.list().length,
        });
        break;
      }
      case 'reset-stats': {
        const p = platform as Platform;
        p.runtime.resetStats();
        p.edge.stats.reset();
        meter.reset();
        reply(id, {});
        break;
      }
      case 'seed-inbox': {
        const inbox = await inboxStore();
        const now = Date.now();
        const expiresAt = Math.floor(now / 1000) + 86_400;
        let next = 0;
        await Promise.all(
          Array.from({ length: 20 }, async () => {
            while (next < request.count) {
              const i = next++;
              const publishedAt = new Date(now - (request.count - i) * 1000).toISOString();
              const messageId = `seed-${request.userId}-${i}`;
              await inbox.put(request.realm, request.userId, {
                publishedAt,
                messageId,
                expiresAt,
                envelope: {
                  messageId,
                  correlationId: `c-${messageId}`,
                  realm: request.realm,
                  userId: request.userId,
                  type: userMessageType,
                  publishedAt,
                  payload: userMessageExample(userMessageType),
                },
              });
            }
          }),
        );
        reply(id, {});
        break;
      }
      case 'inbox-count': {
        const inbox = await inboxStore();
        const items = await inbox.list(request.realm, request.userId, Math.floor(Date.now() / 1000), 10_000);
        reply(id, { count: items.length });
        break;
      }
      case 'inline-connect': {
        inlineConnect = request.enabled;
        reply(id, {});
        break;
      }
      case 'inflight': {
        reply(id, {
          postsIssued: inflight.issued.snapshot(),
          postsServed: inflight.served.snapshot(),
          fanoutInvocations: inflight.fanoutInvocations.snapshot(),
        });
        if (request.reset) for (const g of Object.values(inflight)) g.reset();
        break;
      }
      case 'cpu':
        // Cumulative CPU of this process (all threads: main, GC helpers, libuv), µs; callers take deltas.
        reply(id, process.cpuUsage());
        break;
      case 'stop':
        await platform?.stop();
        reply(id, {});
        setTimeout(() => process.exit(0), 50);
        break;
    }
  } catch (error) {
    process.send?.({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
process.send?.({ id: 0, body: { ready: true } });

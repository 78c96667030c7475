import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  ForbiddenException,
  GetConnectionCommand,
  GoneException,
  LimitExceededException,
  PayloadTooLargeException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Edge, startEdge } from '../../../src/local/edge/index.js';
import { clientConfig, RecordingRegistry } from './helpers.js';

let edge: Edge;
let registry: RecordingRegistry;
let api: ApiGatewayManagementApiClient;

beforeAll(async () => {
  registry = new RecordingRegistry({
    connectedAt: new Date('2026-01-01T00:00:00.000Z'),
    lastActiveAt: new Date('2026-01-01T00:01:00.000Z'),
    sourceIp: '127.0.0.1',
    userAgent: 'vitest',
  });
  edge = await startEdge({ host: '127.0.0.1', port: 0, registry });
  api = new ApiGatewayManagementApiClient({ ...clientConfig(`${edge.url}/local`), maxAttempts: 1 });
});
afterAll(async () => {
  api.destroy();
  await edge.stop();
});
beforeEach(() => {
  edge.faults.clear();
  registry.reset();
});

describe('@connections management API through @aws-sdk/client-apigatewaymanagementapi', () => {
  it('posts a frame to a connection whose id needs URL encoding', async () => {
    registry.add('abc=');
    await api.send(
      new PostToConnectionCommand({ ConnectionId: 'abc=', Data: Buffer.from('{"type":"hello"}') }),
    );
    expect(registry.posts).toEqual([{ connectionId: 'abc=', data: '{"type":"hello"}' }]);
  });

  it('gets connection info with ISO 8601 times and identity', async () => {
    registry.add('c1');
    const info = await api.send(new GetConnectionCommand({ ConnectionId: 'c1' }));
    expect(info.ConnectedAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(info.LastActiveAt?.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(info.Identity).toEqual({ SourceIp: '127.0.0.1', UserAgent: 'vitest' });
  });

  it('deletes a connection (204) and then answers GoneException', async () => {
    registry.add('c2');
    const result = await api.send(new DeleteConnectionCommand({ ConnectionId: 'c2' }));
    expect(result.$metadata.httpStatusCode).toBe(204);
    expect(registry.closed).toContain('c2');
    await expect(api.send(new DeleteConnectionCommand({ ConnectionId: 'c2' }))).rejects.toBeInstanceOf(
      GoneException,
    );
  });

  it('maps registry outcomes to GoneException, PayloadTooLargeException and LimitExceededException', async () => {
    const gone = await api
      .send(new PostToConnectionCommand({ ConnectionId: 'unknown', Data: Buffer.from('x') }))
      .catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(GoneException);
    expect((gone as GoneException).$metadata.httpStatusCode).toBe(410);
    registry.add('full', 'throttled');
    await expect(
      api.send(new PostToConnectionCommand({ ConnectionId: 'full', Data: Buffer.from('x') })),
    ).rejects.toBeInstanceOf(LimitExceededException);
    registry.add('big', 'too-large');
    await expect(
      api.send(new PostToConnectionCommand({ ConnectionId: 'big', Data: Buffer.from('x') })),
    ).rejects.toBeInstanceOf(PayloadTooLargeException);
    registry.add('ok');
    await expect(
      api.send(new PostToConnectionCommand({ ConnectionId: 'ok', Data: Buffer.alloc(129 * 1024, 97) })),
    ).rejects.toBeInstanceOf(PayloadTooLargeException);
  });

  it('answers ForbiddenException for another stage', async () => {
    const other = new ApiGatewayManagementApiClient({ ...clientConfig(`${edge.url}/prod`), maxAttempts: 1 });
    registry.add('c3');
    await expect(
      other.send(new PostToConnectionCommand({ ConnectionId: 'c3', Data: Buffer.from('x') })),
    ).rejects.toBeInstanceOf(ForbiddenException);
    other.destroy();
  });

  it('injects 410/429/500 for N requests or one connection id (JS API and POST /_local/faults)', async () => {
    registry.add('a');
    registry.add('b');
    edge.faults.add({ kind: 'connections-status', status: 429, times: 2 });
    await expect(
      api.send(new PostToConnectionCommand({ ConnectionId: 'a', Data: Buffer.from('1') })),
    ).rejects.toBeInstanceOf(LimitExceededException);
    await expect(
      api.send(new PostToConnectionCommand({ ConnectionId: 'b', Data: Buffer.from('2') })),
    ).rejects.toBeInstanceOf(LimitExceededException);
    await api.send(new PostToConnectionCommand({ ConnectionId: 'a', Data: Buffer.from('3') }));

    const res = await fetch(`${edge.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'connections-status', status: 410, connectionId: 'b', times: 'always' }),
    });
    expect(res.status).toBe(200);
    await api.send(new PostToConnectionCommand({ ConnectionId: 'a', Data: Buffer.from('4') }));
    await expect(
      api.send(new PostToConnectionCommand({ ConnectionId: 'b', Data: Buffer.from('5') })),
    ).rejects.toBeInstanceOf(GoneException);
    await expect(
      api.send(new PostToConnectionCommand({ ConnectionId: 'b', Data: Buffer.from('6') })),
    ).rejects.toBeInstanceOf(GoneException);
    expect((await fetch(`${edge.url}/_local/faults`, { method: 'DELETE' })).status).toBe(204);
    await api.send(new PostToConnectionCommand({ ConnectionId: 'b', Data: Buffer.from('7') }));

    edge.faults.add({ kind: 'connections-status', status: 500 });
    const error = await api
      .send(new PostToConnectionCommand({ ConnectionId: 'a', Data: Buffer.from('8') }))
      .catch((e: unknown) => e);
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(500);
    expect(registry.posts.map((p) => p.data)).toEqual(['3', '4', '7']);

    const bad = await fetch(`${edge.url}/_local/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('kind must be one of');
  });

  it('hangs a request for the given time before answering normally', async () => {
    registry.add('slow');
    edge.faults.add({ kind: 'connections-hang', ms: 300, connectionId: 'slow' });
    const started = Date.now();
    await api.send(new PostToConnectionCommand({ ConnectionId: 'slow', Data: Buffer.from('late') }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(registry.posts).toEqual([{ connectionId: 'slow', data: 'late' }]);
  });

  it('counts requests per service and action in GET /_local/stats', async () => {
    registry.add('s');
    edge.stats.reset();
    await api.send(new PostToConnectionCommand({ ConnectionId: 's', Data: Buffer.from('x') }));
    await api.send(new GetConnectionCommand({ ConnectionId: 's' }));
    const stats = (await (await fetch(`${edge.url}/_local/stats`)).json()) as {
      requests: Record<string, Record<string, number>>;
    };
    expect(stats.requests.connections).toEqual({ POST: 1, GET: 1 });
  });
});

describe('unknown and malformed requests', () => {
  it('answers an unknown X-Amz-Target with UnknownOperationException naming it', async () => {
    const res = await fetch(edge.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'Kinesis_20131202.PutRecord' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(((await res.json()) as { message: string }).message).toContain('Kinesis_20131202.PutRecord');
  });

  it('answers an unknown SQS action with an error naming it', async () => {
    const res = await fetch(edge.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AmazonSQS.Explode', 'content-type': 'application/x-amz-json-1.0' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(((await res.json()) as { message: string }).message).toContain('Explode');
  });

  it('answers a request with no recognisable service with 400, and keeps serving', async () => {
    const res = await fetch(`${edge.url}/whatever`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('GET /whatever');
    expect((await fetch(`${edge.url}/_local/health`)).status).toBe(200);
  });

  it('refuses a second edge on the same port with an error naming the port', async () => {
    await expect(startEdge({ host: '127.0.0.1', port: edge.port, registry })).rejects.toThrow(
      `port ${edge.port}`,
    );
  });
});

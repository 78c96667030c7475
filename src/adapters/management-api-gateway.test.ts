/** The management API adapter against a local HTTP server that answers like API Gateway. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionPostError } from '../core/errors.js';
import { classifyPostError, ManagementApiGateway } from './management-api-gateway.js';

interface Answer {
  status: number;
  errorType?: string;
}

const answers = new Map<string, Answer>();
const received: Array<{ method: string; url: string; body: string }> = [];
let server: Server;
let gateway: ManagementApiGateway;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      received.push({ method: req.method ?? '', url, body: Buffer.concat(chunks).toString('utf8') });
      const id = decodeURIComponent(url.split('/@connections/')[1] ?? '');
      const answer = answers.get(id) ?? { status: 200 };
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.errorType) headers['x-amzn-ErrorType'] = answer.errorType;
      res.writeHead(answer.status, headers);
      res.end(answer.status === 200 ? '' : JSON.stringify({ message: answer.errorType ?? 'error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new ApiGatewayManagementApiClient({
    endpoint: `http://127.0.0.1:${port}/local`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  gateway = new ManagementApiGateway(client);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('ManagementApiGateway', () => {
  it('posts the frame to /{stage}/@connections/{id} (id URL-encoded)', async () => {
    expect(await gateway.post('L0SM9cOFvHcCIhw=', '{"kind":"pong"}')).toBe('ok');
    const last = received.at(-1);
    expect(last).toEqual({
      method: 'POST',
      url: '/local/@connections/L0SM9cOFvHcCIhw%3D',
      body: '{"kind":"pong"}',
    });
  });

  it('sends each post its own frame when frames alternate and posts overlap (the encoded frame is reused only for the same text)', async () => {
    const frames = ['{"kind":"topic","id":"a"}', '{"kind":"topic","id":"b"}', '{"kind":"user","id":"ü"}'];
    const posts = Array.from({ length: 9 }, (_, i) => ({ id: `alt-${i}`, frame: frames[i % 3] as string }));
    await Promise.all(posts.map((p) => gateway.post(p.id, p.frame)));
    for (const p of posts) {
      const got = received.find((r) => r.url === `/local/@connections/${p.id}`);
      expect(got?.body).toBe(p.frame);
    }
  });

  it.each([
    [410, 'GoneException', 'gone'],
    [410, undefined, 'gone'],
    [429, 'LimitExceededException', 'throttled'],
    [429, undefined, 'throttled'],
    [413, 'PayloadTooLargeException', 'too-large'],
  ] as const)('maps HTTP %i (%s) to %s', async (status, errorType, outcome) => {
    const id = `c-${status}-${errorType ?? 'bare'}`;
    answers.set(id, { status, errorType });
    expect(await gateway.post(id, '{}')).toBe(outcome);
  });

  it('throws ConnectionPostError with the cause for 403 and 5xx', async () => {
    answers.set('forbidden', { status: 403, errorType: 'ForbiddenException' });
    answers.set('broken', { status: 500, errorType: 'InternalServerErrorException' });
    const forbidden = await gateway.post('forbidden', '{}').catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(ConnectionPostError);
    expect((forbidden as ConnectionPostError).httpStatusCode).toBe(403);
    expect(((forbidden as ConnectionPostError).cause as Error).name).toBe('ForbiddenException');
    await expect(gateway.post('broken', '{}')).rejects.toBeInstanceOf(ConnectionPostError);
  });

  it('never looks at err.statusCode (SDK v3 errors do not have it)', () => {
    expect(classifyPostError({ statusCode: 410 })).toBeUndefined();
    expect(classifyPostError({ name: 'GoneException' })).toBe('gone');
    expect(classifyPostError({ $metadata: { httpStatusCode: 410 } })).toBe('gone');
  });
});

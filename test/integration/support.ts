/**
 * Helpers of the end-to-end tests: a platform on free ports, real `ws` clients that record every frame,
 * and real AWS SDK clients (SNS, DynamoDB, management API) pointed at the edge.
 */

import { randomUUID } from 'node:crypto';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { WebSocket } from 'ws';
import {
  FAKE_CREDENTIALS,
  type Platform,
  type PlatformOptions,
  startPlatform,
} from '../../src/local/platform.js';
import { type CapturedRun, runCliCaptured } from '../support/captured-cli.js';
import { userMessageExample, userMessageType } from '../support/contract-picks.js';

export type Frame = Record<string, unknown> & { kind?: string };

export async function startTestPlatform(options: PlatformOptions = {}): Promise<Platform> {
  return startPlatform({
    gatewayPort: 0,
    edgePort: 0,
    idpPort: 0,
    deliveryDelaySeconds: 0,
    gatewayLog: () => {},
    ...options,
  });
}

export interface Identity {
  userId: string;
  realm: string;
  roles?: string[];
}

export async function tokenFor(platform: Platform, identity: Identity, audience?: string): Promise<string> {
  const minted = await platform.idp.mintToken({
    userId: identity.userId,
    realm: identity.realm,
    roles: identity.roles ?? [],
    ttlSeconds: 600,
    ...(audience ? { audience } : {}),
  });
  return minted.token;
}

/** A WebSocket client that records every frame from the moment it is created. */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  closeEvent: { code: number; reason: string } | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = String(data);
      this.raw.push(text);
      try {
        this.frames.push(JSON.parse(text) as Frame);
      } catch {
        this.frames.push({ kind: '(non-json)', text });
      }
      this.notify();
    });
    ws.on('close', (code, reason) => {
      this.closeEvent = { code, reason: String(reason) };
      this.notify();
    });
    ws.on('error', () => {});
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves once `predicate` holds over the frames so far (checked on each new frame). */
  waitUntil<T>(
    predicate: (client: TestClient) => T | undefined | false,
    what: string,
    timeoutMs = 10_000,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = predicate(this);
        if (value !== undefined && value !== false) {
          cleanup();
          resolve(value);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; frames so far: ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => {
        check();
      };
      this.listeners.add(listener);
      check();
    });
  }

  ofKind(kind: string): Frame[] {
    return this.frames.filter((f) => f.kind === kind);
  }

  waitForFrame(match: (frame: Frame) => boolean, what: string, timeoutMs?: number): Promise<Frame> {
    return this.waitUntil((c) => c.frames.find(match), what, timeoutMs);
  }

  welcome(timeoutMs?: number): Promise<Frame> {
    return this.waitForFrame((f) => f.kind === 'welcome', 'the welcome frame', timeoutMs);
  }

  /** Sends a frame and waits for the next frame after it. */
  async request(data: string | Buffer, options: { binary?: boolean } = {}): Promise<Frame> {
    const before = this.frames.length;
    this.ws.send(data, { binary: options.binary ?? false });
    return this.waitUntil((c) => c.frames.length > before && c.frames[before], 'a reply');
  }

  closed(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    return this.waitUntil((c) => c.closeEvent, 'the socket to close', timeoutMs);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close(1000, 'test done');
    await this.closed();
  }
}

export interface ConnectOptions extends Identity {
  topics?: string[];
  /** The raw `since` query value (`topic~offset~epoch,…`). */
  since?: string;
  /** Where the token travels; default the browser way (subprotocol). */
  via?: 'subprotocol' | 'query' | 'header';
}

export async function connect(platform: Platform, options: ConnectOptions): Promise<TestClient> {
  const token = await tokenFor(platform, options);
  const query = new URLSearchParams();
  if (options.topics) query.set('topics', options.topics.join(','));
  if (options.since !== undefined) query.set('since', options.since);
  if (options.via === 'query') query.set('token', token);
  const url = `${platform.urls.gateway}/${query.size > 0 ? `?${query}` : ''}`;
  const via = options.via ?? 'subprotocol';
  const ws =
    via === 'subprotocol'
      ? new WebSocket(url, ['bearer', token])
      : new WebSocket(url, via === 'header' ? { headers: { Authorization: `Bearer ${token}` } } : {});
  const client = new TestClient(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused with ${res.statusCode}`)),
    );
    ws.once('error', reject);
  });
  return client;
}

/** The HTTP status of a refused upgrade (or 101 when it succeeded). */
export function upgradeStatus(
  url: string,
  protocols?: string[],
  headers?: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, headers ? { headers } : {});
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

export function awsClients(platform: Platform) {
  const base = { endpoint: platform.urls.edge, region: 'us-east-1', credentials: FAKE_CREDENTIALS };
  const dynamo = new DynamoDBClient(base);
  return {
    sns: new SNSClient(base),
    dynamo: DynamoDBDocumentClient.from(dynamo),
    management: new ApiGatewayManagementApiClient({ ...base, endpoint: platform.urls.management }),
    destroy(): void {
      this.sns.destroy();
      dynamo.destroy();
      this.management.destroy();
    },
  };
}

export type AwsClients = ReturnType<typeof awsClients>;

let sequence = 0;
/** Message ids that sort in publish order (the contract's MessageId pattern). */
export function messageId(label: string): string {
  sequence += 1;
  return `${label}-${Date.now()}-${String(sequence).padStart(4, '0')}`;
}

export async function publishTopic(
  platform: Platform,
  clients: AwsClients,
  input: { realm: string; topic: string; payload: Record<string, unknown>; messageId?: string },
): Promise<string> {
  const id = input.messageId ?? messageId('t');
  const envelope = {
    messageId: id,
    correlationId: `c-${randomUUID()}`,
    realm: input.realm,
    topic: input.topic,
    publishedAt: new Date().toISOString(),
    payload: input.payload,
  };
  await clients.sns.send(
    new PublishCommand({ TopicArn: platform.urls.broadcastTopicArn, Message: JSON.stringify(envelope) }),
  );
  return id;
}

export async function publishUser(
  platform: Platform,
  clients: AwsClients,
  input: {
    realm: string;
    userId: string;
    type?: string;
    payload?: Record<string, unknown>;
    messageId?: string;
  },
): Promise<string> {
  const id = input.messageId ?? messageId('u');
  const envelope = {
    messageId: id,
    correlationId: `c-${randomUUID()}`,
    realm: input.realm,
    userId: input.userId,
    type: input.type ?? userMessageType,
    publishedAt: new Date().toISOString(),
    payload: input.payload ?? userMessageExample((input.type ?? userMessageType) as typeof userMessageType),
  };
  await clients.sns.send(
    new PublishCommand({ TopicArn: platform.urls.userTopicArn, Message: JSON.stringify(envelope) }),
  );
  return id;
}

export async function rowsOf(
  platform: Platform,
  clients: AwsClients,
  pk: string,
): Promise<Record<string, unknown>[]> {
  const result = await clients.dynamo.send(
    new QueryCommand({
      TableName: platform.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

/** Lets in-flight asynchronous work (SNS → router → posts) finish. */
export async function settle(platform: Platform, extraMs = 200): Promise<void> {
  await platform.runtime.drain();
  await new Promise((resolve) => setTimeout(resolve, extraMs));
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `wspush trace <args>` against the platform's console, as a user runs it. */
export function traceCli(platform: Platform, ...args: string[]): Promise<CapturedRun> {
  return runCliCaptured(['trace', ...args, '--console', platform.urls.idp]);
}

/**
 * Starts the local platform for a reliability test (free ports, no delivery delay) and gives the tests what
 * they need around it: tokens, raw SNS publishing, a table dump for before/after comparisons, and counters.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { JWK } from 'jose';
import { type Platform, startPlatform } from '../../../src/local/platform.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface TestPlatform {
  platform: Platform;
  dataDir: string;
  dynamo: DynamoDBClient;
  sns: SNSClient;
  token(userId: string, realm?: string, roles?: string[]): Promise<string>;
  privateJwk(): Promise<JWK>;
  publishRaw(channel: 'broadcast' | 'user', message: string): Promise<void>;
  /** Every item of the table, as sorted JSON lines (a Scan: fine in a test, never in the product). */
  dumpTable(): Promise<string[]>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestPlatform(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestPlatform> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'wspush-reliability-')));
  const platform = await startPlatform({
    host: '127.0.0.1',
    gatewayPort: 0,
    edgePort: 0,
    idpPort: 0,
    dataDir,
    deliveryDelaySeconds: 0,
    gatewayLog: (entry) => {
      if (process.env.RELIABILITY_DEBUG || entry.level === 'error')
        console.error('[gateway]', JSON.stringify(entry));
    },
    ...(options.env ? { env: options.env } : {}),
  });
  return wrap(platform, dataDir);
}

function wrap(platform: Platform, dataDir: string): TestPlatform {
  const dynamo = new DynamoDBClient({
    endpoint: platform.urls.edge,
    region: 'us-east-1',
    credentials,
    maxAttempts: 10,
  });
  const sns = new SNSClient({
    endpoint: platform.urls.edge,
    region: 'us-east-1',
    credentials,
    maxAttempts: 5,
  });
  return {
    platform,
    dataDir,
    dynamo,
    sns,
    async token(userId, realm = 'acme', roles = []) {
      return (await platform.idp.mintToken({ userId, realm, roles, ttlSeconds: 3600 })).token;
    },
    async privateJwk() {
      return JSON.parse(await readFile(join(dataDir, 'idp-signing-key.json'), 'utf8')) as JWK;
    },
    async publishRaw(channel, message) {
      const TopicArn = channel === 'broadcast' ? platform.urls.broadcastTopicArn : platform.urls.userTopicArn;
      await sns.send(new PublishCommand({ TopicArn, Message: message }));
    },
    async dumpTable() {
      const lines: string[] = [];
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await dynamo.send(new ScanCommand({ TableName: platform.tableName, ExclusiveStartKey }));
        for (const item of page.Items ?? []) {
          const sorted = Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)));
          lines.push(JSON.stringify(sorted));
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return lines.sort();
    },
    async stop(opts = {}) {
      await platform.stop();
      dynamo.destroy();
      sns.destroy();
      if (!opts.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns true or the time is up (for eventually-consistent outcomes such as $disconnect). */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  stepMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** One summary line per part, as the issue asks: cases, passed, lost, duplicated. */
export function summary(
  part: string,
  counts: { cases: number; passed: number; lost?: number; duplicated?: number; extra?: string },
): string {
  const line = `[reliability] ${part}: cases=${counts.cases} passed=${counts.passed} lost=${counts.lost ?? 0} duplicated=${counts.duplicated ?? 0}${counts.extra ? ` ${counts.extra}` : ''}`;
  console.log(line);
  return line;
}

/**
 * Builds every Lambda bundle (scripts/build-functions.ts, as `npm run build` does, into a temporary directory)
 * and imports each one in a fresh Node process, as Lambda would: catches `Dynamic require of "…"`, modules
 * missing from the bundle and cold-start failures such as an unread environment variable.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuildReport,
  buildFunctions,
  handlerNames,
  MAX_BUNDLE_BYTES,
  REQUIRE_BANNER,
} from '../../scripts/build-functions.js';

const run = promisify(execFile);
const IMPORTER = resolve(dirname(fileURLToPath(import.meta.url)), 'import-bundle.mjs');

/** What a deployed function has at cold start (docs/design.md §3), with local placeholder values. */
const LAMBDA_ENV: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_LAMBDA_FUNCTION_NAME: 'bundle-import-test',
  TABLE_NAME: 'wspush-test',
  WS_MANAGEMENT_ENDPOINT: 'http://127.0.0.1:9/test',
  DELIVERY_QUEUE_URL: 'http://127.0.0.1:9/000000000000/wspush-test-delivery',
  FANOUT_QUEUE_URL: 'http://127.0.0.1:9/000000000000/wspush-test-fanout',
  FAILURE_QUEUE_URL: 'http://127.0.0.1:9/000000000000/wspush-test-kafka-router-failures',
  KAFKA_TOPICS: 'broadcast-stream=wspush-test-broadcast,user-stream=wspush-test-user',
  JWT_ISSUERS: 'https://idp.example.com/realms/{realm}',
  JWT_AUDIENCE: 'wspush',
  POWERTOOLS_SERVICE_NAME: 'wspush',
  POWERTOOLS_METRICS_NAMESPACE: 'wspush',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

describe('Lambda bundles', () => {
  let outDir: string;
  let report: BuildReport;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'wspush-bundles-'));
    report = await buildFunctions({ outDir });
  }, 300_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('has a handler file for every function of the generated functionTable', () => {
    expect(report.missing, `missing src/handlers/<name>.ts for: ${report.missing.join(', ')}`).toEqual([]);
  });

  it('builds every handler that exists, each under the size limit', () => {
    expect(report.failed).toEqual([]);
    expect(report.built.length).toBeGreaterThan(0);
    for (const fn of report.built) {
      expect(fn.bytes, `${fn.name} bundle size`).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    }
    expect(report.built.map((b) => b.name).sort()).toEqual(
      handlerNames()
        .filter((n) => !report.missing.includes(n))
        .sort(),
    );
  });

  it('gives every bundle that may require CommonJS at run time a real `require` (the banner)', async () => {
    // esbuild's shim throws `Dynamic require of "node:https" is not supported` when the first request is made,
    // long after the import succeeded: the banner must precede any bundle that contains the shim.
    for (const fn of report.built) {
      const code = await readFile(fn.outfile, 'utf8');
      expect(code.startsWith(REQUIRE_BANNER), `${fn.name} starts with the require banner`).toBe(true);
    }
  });

  it('kafkajs (the publisher and local consumer client) is in no Lambda bundle; Powertools Kafka only in the Kafka router', async () => {
    for (const fn of report.built) {
      const code = await readFile(fn.outfile, 'utf8');
      expect(code.includes('KafkaJSError'), `${fn.name} bundles kafkajs`).toBe(false);
      expect(code.includes('KafkaConsumerError'), `${fn.name} bundles Powertools Kafka`).toBe(
        fn.name === 'kafka-router',
      );
    }
  });

  it('imports every bundle in a fresh Node process and finds an exported handler function', async () => {
    const failures: string[] = [];
    for (const fn of report.built) {
      try {
        const { stdout } = await run(process.execPath, [IMPORTER, fn.outfile], {
          env: LAMBDA_ENV,
          cwd: outDir,
          timeout: 30_000,
        });
        const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { handler?: string };
        if (result.handler !== 'function') failures.push(`${fn.name}: handler is ${result.handler}`);
      } catch (error) {
        const stderr = (error as { stderr?: string }).stderr ?? String(error);
        failures.push(`${fn.name}: ${stderr.trim().split('\n').slice(0, 5).join('\n')}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

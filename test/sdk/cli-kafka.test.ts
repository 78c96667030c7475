/**
 * `wspush publish … --kafka-brokers host:port [--kafka-topic …]`: the record produced (contract key, headers,
 * value), the options that do not mix with it, and the exit code of an unreachable broker.
 */
import { describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { EXIT, runCli } from '../../src/publisher/cli.js';
import type { KafkaProducerPort, KafkaRecord } from '../../src/publisher/index.js';
import {
  invalidUserPayloadFor,
  payloadFor,
  topics,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';
import { closedPort } from '../support/spawn-cli.js';

const USER_PAYLOAD = JSON.stringify(userMessageExample(userMessageType));

function io(env: Record<string, string> = {}, withProducer = true) {
  const out: string[] = [];
  const err: string[] = [];
  const sent: { topic: string; messages: KafkaRecord[] }[] = [];
  const kafkaProducer: KafkaProducerPort = {
    async send(request) {
      sent.push(request);
      return [{ partition: 0, baseOffset: '7' }];
    },
  };
  return {
    out,
    err,
    sent,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      env,
      stdinIsTTY: true,
      readStdin: async () => '',
      ...(withProducer ? { kafkaProducer } : {}),
    },
  };
}

const userArgs = ['publish', 'user', '--realm', 'acme', '--user', 'alice', '--type', userMessageType];

describe('wspush publish --kafka-brokers', () => {
  it('produces the contract record to the local user topic by default', async () => {
    const t = io();
    const code = await runCli(
      [
        ...userArgs,
        '--payload',
        USER_PAYLOAD,
        '--correlation-id',
        'c-cli-1',
        '--kafka-brokers',
        'localhost:9092',
      ],
      t.io,
    );
    expect(code, t.err.join('')).toBe(EXIT.OK);
    expect(t.sent).toHaveLength(1);
    const [request] = t.sent;
    expect(request?.topic).toBe('wspush-local-user');
    const record = request?.messages[0];
    expect(record?.key).toBe('acme#alice');
    expect(record?.headers).toEqual({
      'wspush-correlation-id': 'c-cli-1',
      'wspush-message-type': userMessageType,
    });
    expect(validators.UserEnvelope(JSON.parse(record?.value ?? '')).ok).toBe(true);
    expect(JSON.parse(t.out.join(''))).toMatchObject({
      correlationId: 'c-cli-1',
      kafka: { topic: 'wspush-local-user', partition: 0, offset: '7' },
    });
  });

  it('--kafka-topic names the topic; --dry-run prints the record and sends nothing', async () => {
    const t = io();
    const code = await runCli(
      [
        'publish',
        'topic',
        '--realm',
        'acme',
        '--topic',
        topics.openHistory,
        '--payload',
        JSON.stringify(payloadFor(topics.openHistory)),
        '--kafka-brokers',
        'b-1.example.com:9096,b-2.example.com:9096',
        '--kafka-topic',
        'events.broadcasts',
        '--dry-run',
      ],
      t.io,
    );
    expect(code, t.err.join('')).toBe(EXIT.OK);
    expect(t.sent).toEqual([]);
    const printed = JSON.parse(t.out.join(''));
    expect(printed.kafkaRecord).toMatchObject({
      topic: 'events.broadcasts',
      key: 'acme',
      headers: { 'wspush-message-type': topics.openHistory },
    });
  });

  it('usage errors exit 2: a bad broker, SNS options mixed in, --kafka-topic alone, half a SASL setup', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--kafka-brokers', 'localhost'], {}, /not host:port/],
      [['--kafka-brokers', 'localhost:9092', '--local'], {}, /--local is an SNS option/],
      [['--kafka-topic', 'x'], {}, /--kafka-topic needs --kafka-brokers/],
      [
        ['--kafka-brokers', 'localhost:9092'],
        { WSPUSH_KAFKA_SASL_MECHANISM: 'scram-sha-512' },
        /WSPUSH_KAFKA_USERNAME/,
      ],
    ];
    for (const [extra, env, message] of cases) {
      const t = io(env);
      expect(await runCli([...userArgs, '--payload', USER_PAYLOAD, ...extra], t.io)).toBe(EXIT.USAGE);
      expect(t.err.join('')).toMatch(message);
      expect(t.sent).toEqual([]);
    }
  });

  it('invalid input exits 3 before anything is produced', async () => {
    const t = io();
    const invalid = JSON.stringify(invalidUserPayloadFor(userMessageType).payload);
    const code = await runCli([...userArgs, '--payload', invalid, '--kafka-brokers', 'localhost:9092'], t.io);
    expect(code).toBe(EXIT.INVALID);
    expect(t.sent).toEqual([]);
  });

  it('an unreachable broker exits 4 (kafkajs, no fake)', async () => {
    const port = await closedPort();
    const t = io({}, false);
    const code = await runCli(
      [...userArgs, '--payload', USER_PAYLOAD, '--kafka-brokers', `127.0.0.1:${port}`],
      t.io,
    );
    expect(code, t.err.join('')).toBe(EXIT.UNREACHABLE);
    expect(t.err.join('')).toContain(`cannot reach the Kafka brokers 127.0.0.1:${port}`);
  }, 30_000);
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublishCommand, PublishCommandOutput } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { topicFamilies } from '../../generated/index.js';
import { EXIT, runCli } from '../../src/publisher/cli.js';
import type { SnsSender } from '../../src/publisher/index.js';
import {
  invalidPayloadFor,
  overlongParameterTopic,
  parameterizedFamily,
  payloadFor,
  payloadMissingFieldFor,
  sampleTopic,
  topics,
  unknownTopic,
  unknownUserMessageType,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';
import { type CliRun, closedPort, spawnCli, WSPUSH_BIN } from '../support/spawn-cli.js';

/** A topic of the contract and its example payload, as the CLI takes it. */
const TOPIC = topics.openHistory;
const PAYLOAD = JSON.stringify(payloadFor(TOPIC));
/** `publish user` to alice of acme with a type. */
const publishUser = (type: string): string[] => [
  'publish',
  'user',
  '--realm',
  'acme',
  '--user',
  'alice',
  '--type',
  type,
];

/** Spawns the real launcher, as `npx wspush` does, with no SNS endpoint or topic ARNs unless given. */
function wspush(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return spawnCli(process.execPath, [WSPUSH_BIN, ...args], {
    env: {
      AWS_ENDPOINT_URL: undefined,
      WSPUSH_BROADCAST_TOPIC_ARN: undefined,
      WSPUSH_USER_TOPIC_ARN: undefined,
      ...options.env,
    },
    stdin: options.stdin ?? '',
  });
}

// Each spawn starts Node + tsx (about a second, more on a busy machine).
describe.concurrent('wspush (spawned)', { timeout: 90_000 }, () => {
  it.each([
    [['--help']],
    [['publish', '--help']],
    [['publish', 'topic', '--help']],
    [['publish', 'user', '--help']],
    [['token', '--help']],
  ])('%j prints help with the exit codes and exits 0', async (args) => {
    const run = await wspush(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage:\s+wspush/);
    expect(run.stdout).toContain('3  invalid input');
  });

  it('usage errors exit 2', async () => {
    const runs = await Promise.all([
      wspush([]),
      wspush(['frobnicate']),
      wspush(['publish', 'topic', '--topic', TOPIC, '--payload', PAYLOAD]),
      wspush(['publish', 'topic', '--realm', 'acme', '--topic', TOPIC, '--bogus']),
      wspush(['publish', 'topic', '--realm', 'acme', '--topic', TOPIC]), // no payload, empty stdin
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[1]?.stderr).toContain('unknown command "frobnicate"');
    expect(runs[2]?.stderr).toContain('--realm is required');
    expect(runs[3]?.stderr).toMatch(/bogus/);
    expect(runs[4]?.stderr).toContain('no payload');
  });

  it('invalid JSON exits 3', async () => {
    const run = await wspush(['publish', 'topic', '--realm', 'acme', '--topic', TOPIC, '--payload', '{nope']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('invalid JSON in --payload');
  });

  it('an unknown topic or type exits 3 and lists the known ones', async () => {
    const [topic, type] = await Promise.all([
      wspush(['publish', 'topic', '--realm', 'acme', '--topic', unknownTopic, '--payload', '{}']),
      wspush([...publishUser(unknownUserMessageType), '--payload', '{}']),
    ]);
    expect(topic.code).toBe(3);
    expect(topic.stderr).toContain(`unknown topic "${unknownTopic}"`);
    expect(topic.stderr).toContain(topicFamilies.join(', '));
    expect(type.code).toBe(3);
    expect(type.stderr).toContain(`unknown user message type "${unknownUserMessageType}"`);
  });

  it('publishes to a concrete topic of a family; a bad parameter or payload exits 3 naming it', async () => {
    const topic = sampleTopic(parameterizedFamily);
    const payload = JSON.stringify(payloadFor(topic));
    const overlong = overlongParameterTopic(parameterizedFamily);
    const publish = (t: string, p: string, ...rest: string[]) =>
      wspush(['publish', 'topic', '--realm', 'acme', '--topic', t, '--payload', p, ...rest]);
    const [ok, badParameter, badPayload] = await Promise.all([
      publish(topic, payload, '--dry-run'),
      publish(overlong.topic, payload),
      publish(topic, JSON.stringify(payloadMissingFieldFor(topic).payload)),
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ envelope: { topic } });
    expect(badParameter.code).toBe(3);
    expect(badParameter.stderr).toContain(`parameter ${overlong.parameter}`);
    expect(badPayload.code).toBe(3);
    expect(badPayload.stderr).toContain('field payload');
  });

  it('a payload that fails validation exits 3 naming the field', async () => {
    const invalid = invalidPayloadFor(TOPIC);
    const run = await wspush(
      ['publish', 'topic', '--realm', 'acme', '--topic', TOPIC, '--dry-run', '--file', '-'],
      { stdin: JSON.stringify(invalid.payload) },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`field payload.${invalid.field}`);
  });

  it('--dry-run validates a payload from a file and prints the envelope without sending', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wspush-cli-'));
    const file = join(dir, 'user-message.json');
    await writeFile(file, JSON.stringify(userMessageExample(userMessageType)));
    // The endpoint is closed: a dry run must not touch it.
    const port = await closedPort();
    const run = await wspush([...publishUser(userMessageType), '--file', file, '--dry-run'], {
      env: { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` },
    });
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as {
      envelope: Record<string, unknown>;
      messageAttributes: unknown;
    };
    expect(output.envelope).toMatchObject({ realm: 'acme', userId: 'alice', type: userMessageType });
    expect(output.messageAttributes).toEqual({
      realm: { DataType: 'String', StringValue: 'acme' },
      userId: { DataType: 'String', StringValue: 'alice' },
      type: { DataType: 'String', StringValue: userMessageType },
    });
  });

  it('an unreachable SNS endpoint or identity provider exits 4', async () => {
    const port = await closedPort();
    const [publish, token] = await Promise.all([
      wspush(['publish', 'topic', '--realm', 'acme', '--topic', TOPIC, '--payload', PAYLOAD], {
        env: { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` },
      }),
      wspush(['token', '--user', 'alice', '--realm', 'acme', '--idp', `http://127.0.0.1:${port}`]),
    ]);
    expect(publish.code).toBe(4);
    expect(publish.stderr).toContain(`cannot reach http://127.0.0.1:${port}`);
    expect(token.code).toBe(4);
    expect(token.stderr).toContain('cannot reach the identity provider');
  });
});

describe('runCli (in process, fake SNS)', () => {
  function io(env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const sent: PublishCommand[] = [];
    const snsClient: SnsSender = {
      send: (async (command: PublishCommand) => {
        sent.push(command);
        return { MessageId: 'sns-1', $metadata: {} } satisfies PublishCommandOutput;
      }) as SnsSender['send'],
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
        snsClient,
      },
    };
  }

  it('publishes to the configured topic ARN with the caller’s ids and prints the result', async () => {
    const t = io({ WSPUSH_BROADCAST_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:wspush-dev-broadcast' });
    const code = await runCli(
      [
        'publish',
        'topic',
        '--realm',
        'acme',
        '--topic',
        TOPIC,
        '--payload',
        PAYLOAD,
        '--message-id',
        'm-1',
        '--correlation-id',
        'c-1',
      ],
      t.io,
    );
    expect(code).toBe(EXIT.OK);
    expect(t.sent[0]?.input.TopicArn).toBe('arn:aws:sns:eu-west-1:123456789012:wspush-dev-broadcast');
    expect(JSON.parse(t.sent[0]?.input.Message ?? '')).toMatchObject({
      messageId: 'm-1',
      correlationId: 'c-1',
    });
    expect(JSON.parse(t.out.join(''))).toMatchObject({
      messageId: 'm-1',
      correlationId: 'c-1',
      snsMessageId: 'sns-1',
    });
    expect(t.err).toEqual([]);
  });

  it('defaults to the local platform topics and says so', async () => {
    const t = io();
    const code = await runCli(
      [...publishUser(userMessageType), '--payload', JSON.stringify(userMessageExample(userMessageType))],
      t.io,
    );
    expect(code).toBe(EXIT.OK);
    expect(t.sent[0]?.input.TopicArn).toBe('arn:aws:sns:us-east-1:000000000000:wspush-local-user');
    expect(t.err.join('')).toContain('publishing to the local platform');
  });

  it('refuses a terminal without a payload (no hanging on stdin)', async () => {
    const t = io();
    expect(await runCli(['publish', 'topic', '--realm', 'acme', '--topic', TOPIC], t.io)).toBe(EXIT.USAGE);
    expect(t.sent).toHaveLength(0);
  });

  it('an SNS error response exits 1', async () => {
    const t = io();
    t.io.snsClient = {
      send: (async () => {
        throw Object.assign(new Error('Topic does not exist'), {
          name: 'NotFoundException',
          $metadata: { httpStatusCode: 404 },
        });
      }) as SnsSender['send'],
    };
    const code = await runCli(
      ['publish', 'topic', '--realm', 'acme', '--topic', TOPIC, '--payload', PAYLOAD],
      t.io,
    );
    expect(code).toBe(EXIT.FAILED);
    expect(t.err.join('')).toContain('Topic does not exist');
  });
});

/**
 * Publisher defaults and configuration errors (issue #13): pointed at the local platform, region and
 * credentials default as the CLI's do; with neither an endpoint nor AWS configuration, an error that names what
 * is missing instead of the AWS SDK's "Region is missing" or "Could not load credentials".
 */
import type { PublishCommand } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../../src/publisher/cli.js';
import {
  createPublisher,
  createSnsClient,
  LOCAL_BROADCAST_TOPIC_ARN,
  LOCAL_ENDPOINT,
  LOCAL_USER_TOPIC_ARN,
  PublisherConfigError,
  type SnsSender,
} from '../../src/publisher/index.js';
import {
  payloadFor,
  topics as picked,
  topicMessage,
  topicWithEnumField,
  userMessage,
} from '../support/contract-picks.js';

// A topic and its example payload from the contract.
const topic = picked.openHistory;
const AWS_BROADCAST = 'arn:aws:sns:eu-west-1:123456789012:wspush-dev-broadcast';

function failingSns(error: Error): SnsSender {
  return {
    send: (async () => {
      throw error;
    }) as SnsSender['send'],
  };
}

describe('createSnsClient defaults', () => {
  it('the local platform: its endpoint, us-east-1 and dummy credentials, with an empty environment', async () => {
    const client = createSnsClient({ local: true, env: {} });
    expect(await client.config.region()).toBe('us-east-1');
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'test', secretAccessKey: 'test' });
    const endpoint = await client.config.endpoint?.();
    expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe(LOCAL_ENDPOINT);
  });

  it('the local platform’s topic ARNs imply the local platform', async () => {
    const client = createSnsClient({ broadcastTopicArn: LOCAL_BROADCAST_TOPIC_ARN, env: {} });
    expect(await client.config.region()).toBe('us-east-1');
    expect(String((await client.config.endpoint?.())?.port)).toBe('4566');
  });

  it('AWS: the region comes from the topic ARN unless AWS_REGION says otherwise', async () => {
    expect(await createSnsClient({ broadcastTopicArn: AWS_BROADCAST, env: {} }).config.region()).toBe(
      'eu-west-1',
    );
    const env = { AWS_REGION: 'us-west-2' };
    expect(await createSnsClient({ broadcastTopicArn: AWS_BROADCAST, env }).config.region()).toBe(
      'us-west-2',
    );
  });
});

describe('createPublisher configuration errors', () => {
  it('no topic ARN anywhere: a PublisherConfigError naming the options and variables', () => {
    let caught: unknown;
    try {
      createPublisher({ env: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PublisherConfigError);
    expect((caught as PublisherConfigError).missing).toBe('topicArn');
    expect((caught as Error).message).toMatch(/broadcastTopicArn.*WSPUSH_BROADCAST_TOPIC_ARN.*local: true/);
  });

  it('a topic ARN only for topics: publishing to a user names the missing user topic', async () => {
    const publisher = createPublisher({
      broadcastTopicArn: AWS_BROADCAST,
      env: {},
      snsClient: failingSns(new Error('unused')),
    });
    await expect(publisher.publishToUser(userMessage())).rejects.toThrow(
      /userTopicArn.*WSPUSH_USER_TOPIC_ARN/,
    );
  });

  it.each([
    [
      'credentials',
      Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      }),
      /no AWS credentials.*AWS_PROFILE.*AWS_ACCESS_KEY_ID/,
    ],
    ['region', new Error('Region is missing'), /no AWS region.*AWS_REGION/],
  ] as const)(
    'the AWS SDK finds no %s: a PublisherConfigError saying what to set',
    async (missing, sdkError, message) => {
      const publisher = createPublisher({
        broadcastTopicArn: AWS_BROADCAST,
        env: {},
        snsClient: failingSns(sdkError),
      });
      const failure = await publisher.publishToTopic(topicMessage(topic)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PublisherConfigError);
      expect((failure as PublisherConfigError).missing).toBe(missing);
      expect((failure as Error).message).toMatch(message);
      expect((failure as Error).cause).toBe(sdkError);
    },
  );

  it('the local topics default with local: true', async () => {
    const sent: string[] = [];
    const snsClient = {
      send: (async (command: PublishCommand) => {
        sent.push(command.input.TopicArn ?? '');
        return { MessageId: 'sns-1', $metadata: {} };
      }) as SnsSender['send'],
    };
    const publisher = createPublisher({ local: true, env: {}, snsClient });
    await publisher.publishToTopic(topicMessage(topic));
    await publisher.publishToUser(userMessage());
    expect(sent).toEqual([LOCAL_BROADCAST_TOPIC_ARN, LOCAL_USER_TOPIC_ARN]);
  });
});

describe('wspush CLI messages', () => {
  function io(env: Record<string, string> = {}, snsClient?: SnsSender) {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
        env,
        stdinIsTTY: true,
        readStdin: async () => '',
        version: '9.8.7',
        ...(snsClient ? { snsClient } : {}),
      },
    };
  }

  it('--version prints the version', async () => {
    const t = io();
    expect(await runCli(['--version'], t.io)).toBe(EXIT.OK);
    expect(t.out.join('')).toBe('9.8.7\n');
  });

  it.each([
    [[], /^wspush: no command; allowed: publish, token, trace\n/],
    [['frobnicate'], /^wspush: unknown command "frobnicate"; allowed: publish, token, trace\n/],
    [['publish', 'mail'], /^wspush: unknown publish target "mail"; allowed: topic, user\n/],
    [['publish', 'topic', '--realm', 'acme', '--bogus'], /^wspush: Unknown option '--bogus'\.?\n/],
    [['token', '--realm', 'acme'], /^wspush: --user is required\n/],
  ])('usage error %j: one line and a pointer to --help, not the help', async (args, first) => {
    const t = io();
    expect(await runCli(args, t.io)).toBe(EXIT.USAGE);
    const stderr = t.err.join('');
    expect(stderr).toMatch(first);
    expect(stderr).toMatch(/Run `wspush[a-z ]*--help` for usage\.\n$/);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('an enum field lists the allowed values', async () => {
    const t = io();
    const { topic: withEnum, field } = topicWithEnumField;
    const payload = JSON.stringify({ ...payloadFor(withEnum), [field]: 'loud' });
    const args = ['publish', 'topic', '--realm', 'acme', '--topic', withEnum, '--dry-run'];
    expect(await runCli([...args, '--payload', payload], t.io)).toBe(EXIT.INVALID);
    expect(t.err.join('')).toMatch(new RegExp(`payload\\.${field}: must be one of: "[^"]+"(, "[^"]+")+`));
  });

  it('no AWS credentials for an AWS topic: exit 2 naming what to set, no SDK stack trace', async () => {
    const sdkError = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const t = io({ WSPUSH_BROADCAST_TOPIC_ARN: AWS_BROADCAST }, failingSns(sdkError));
    const args = ['publish', 'topic', '--realm', 'acme', '--topic', topic];
    expect(await runCli([...args, '--payload', JSON.stringify(payloadFor(topic))], t.io)).toBe(EXIT.USAGE);
    const stderr = t.err.join('');
    expect(stderr).toMatch(/^wspush: no AWS credentials .*--local or --endpoint\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

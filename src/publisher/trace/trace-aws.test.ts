/**
 * `wspush trace --stack` against recorded CloudWatch Logs responses: the commands sent (log groups, time
 * window, query string), the timeline printed, and the exits for an unknown message, a message past the log
 * retention and a missing log group.
 */
import { readFileSync } from 'node:fs';
import {
  DescribeLogGroupsCommand,
  type DescribeLogGroupsCommandOutput,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryCommand,
  type StartQueryCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../test/support/captured-cli.js';
import { EXIT } from '../cli.js';
import { ulidTime } from '../ids.js';
import { optionalTraceLogGroups, traceLogGroups } from './aws-names.js';
import type { LogsClient } from './logs-insights.js';
import { traceQuery } from './logs-insights.js';

interface Recorded {
  describeLogGroups: DescribeLogGroupsCommandOutput;
  startQuery: { queryId: string };
  getQueryResults: GetQueryResultsCommandOutput[];
}

const recorded = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/logs-insights/user-message.json', import.meta.url), 'utf8'),
) as Recorded;

/** Answers like CloudWatch Logs from a recording, and keeps every command it was sent. */
function recordedClient(recording: Recorded) {
  const sent: unknown[] = [];
  const polls = [...recording.getQueryResults];
  const client: LogsClient = {
    send: (async (command: unknown) => {
      sent.push(command);
      if (command instanceof DescribeLogGroupsCommand) {
        const prefix = command.input.logGroupNamePrefix ?? '';
        return {
          logGroups: recording.describeLogGroups.logGroups?.filter((g) => g.logGroupName?.startsWith(prefix)),
        };
      }
      if (command instanceof StartQueryCommand) return recording.startQuery;
      if (command instanceof GetQueryResultsCommand) return polls.length > 1 ? polls.shift() : polls[0];
      throw new Error(`unexpected command ${String(command)}`);
    }) as LogsClient['send'],
  };
  return { client, sent };
}

function run(args: string[], client: LogsClient, now = Date.parse('2026-11-27T10:05:00Z')) {
  return runCliCaptured(args, { logsClient: client, now: () => now });
}

const MESSAGE_ID = '01M8E76YV01Y6X8W7V5T4S3R2Q';

describe('wspush trace --stack (CloudWatch Logs Insights)', () => {
  it('queries the stack function log groups from the publish time and prints the journey', async () => {
    const { client, sent } = recordedClient(recorded);
    const result = await run(['trace', MESSAGE_ID, '--stack', 'prod'], client);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT.OK);

    const start = sent.find((c): c is StartQueryCommand => c instanceof StartQueryCommand);
    const input = start?.input as StartQueryCommandInput;
    expect(input.logGroupNames).toEqual([
      '/aws/lambda/wspush-prod-broadcast-router',
      '/aws/lambda/wspush-prod-user-router',
      '/aws/lambda/wspush-prod-delivery-worker',
      '/aws/lambda/wspush-prod-fanout-worker',
    ]);
    expect(input.queryString).toBe(
      [
        'fields @timestamp, @log, @message',
        `| filter trace = "wspush.trace.v1" and (messageId = "${MESSAGE_ID}" or correlationId = "${MESSAGE_ID}")`,
        '| sort @timestamp asc',
        '| limit 10000',
      ].join('\n'),
    );
    // From the ULID's publish time (less 5 min of clock skew) to now.
    expect(input.startTime).toBe(Math.floor(((ulidTime(MESSAGE_ID) as number) - 300_000) / 1000));
    expect(input.endTime).toBe(Date.parse('2026-11-27T10:05:00Z') / 1000);
    expect(sent.filter((c) => c instanceof GetQueryResultsCommand)).toHaveLength(2);

    expect(result.stdout).toBe(
      [
        `user message "notification" to alice in acme (id ${MESSAGE_ID}, correlation c-91aa)`,
        'published at 2026-11-27T10:01:00.000Z',
        '',
        '    +0.041s  published            via sns arn:aws:sns:eu-west-1:123456789012:wspush-prod-user by billing-service (sns message 9f1c2d3e-4b5a-6789-abcd-ef0123456789)  [wspush-prod-user-router]',
        '    +0.063s  routed               2 connection(s)  [wspush-prod-user-router]',
        '    +0.118s  posted               L0SM9cOFvHcCIhw= delivered  [wspush-prod-user-router]',
        '    +0.131s  posted               L0SNBe7MvHcCFaQ= throttled  [wspush-prod-user-router]',
        '    +2.207s  posted               retry job L0SNBe7MvHcCFaQ= delivered  [wspush-prod-delivery-worker]',
        '',
        'Connections:',
        '  L0SM9cOFvHcCIhw=  delivered live',
        '  L0SNBe7MvHcCFaQ=  delivered by a retry job',
        '',
        'X-Ray trace id(s): 1-6746f3a4-5b2c1e0f9a8d7c6b5a4f3e2d, 1-6746f3a9-0a1b2c3d4e5f60718293a4b5',
        '',
      ].join('\n'),
    );
  });

  it('--json prints the hops with their function and X-Ray trace id', async () => {
    const { client } = recordedClient(recorded);
    const result = await run(['trace', 'c-91aa', '--stack', 'prod', '--json', '--since', '2h'], client);
    expect(result.code).toBe(EXIT.OK);
    const body = JSON.parse(result.stdout) as { hops: Array<{ record: { hop: string }; function: string }> };
    expect(body.hops.map((h) => [h.record.hop, h.function])).toEqual([
      ['published', 'wspush-prod-user-router'],
      ['routed', 'wspush-prod-user-router'],
      ['posted', 'wspush-prod-user-router'],
      ['posted', 'wspush-prod-user-router'],
      ['posted', 'wspush-prod-delivery-worker'],
    ]);
  });

  it('a correlation id is searched over --since', async () => {
    const { client, sent } = recordedClient(recorded);
    await run(['trace', 'c-91aa', '--stack', 'prod', '--since', '6h'], client);
    const input = (sent.find((c) => c instanceof StartQueryCommand) as StartQueryCommand).input;
    expect(input.startTime).toBe(Date.parse('2026-11-27T04:05:00Z') / 1000);
  });

  it('an unknown message exits 5 with the window it searched', async () => {
    const empty: Recorded = {
      ...recorded,
      getQueryResults: [{ status: 'Complete', results: [] } as unknown as GetQueryResultsCommandOutput],
    };
    const { client } = recordedClient(empty);
    const result = await run(['trace', MESSAGE_ID, '--stack', 'prod'], client);
    expect(result.code).toBe(EXIT.NOT_FOUND);
    expect(result.stderr).toMatch(
      /no trace record of 01M8E76YV01Y6X8W7V5T4S3R2Q in 4 log group\(s\) between/,
    );
    expect(result.stdout).toBe('');
  });

  it('a message older than the log retention exits 5 without querying', async () => {
    const { client, sent } = recordedClient(recorded);
    const result = await run(
      ['trace', MESSAGE_ID, '--stack', 'prod'],
      client,
      Date.parse('2027-02-01T00:00:00Z'),
    );
    expect(result.code).toBe(EXIT.NOT_FOUND);
    expect(result.stderr).toMatch(
      /published at 2026-11-27T10:01:00.000Z, 65 day\(s\) ago: .*past the log retention of 30 day\(s\)/,
    );
    expect(sent.some((c) => c instanceof StartQueryCommand)).toBe(false);
  });

  it('a stack with no such log groups exits 1 naming the group', async () => {
    const { client } = recordedClient({ ...recorded, describeLogGroups: { logGroups: [] } as never });
    const result = await run(['trace', MESSAGE_ID, '--stack', 'staging'], client);
    expect(result.code).toBe(EXIT.FAILED);
    expect(result.stderr).toMatch(/log group \/aws\/lambda\/wspush-staging-broadcast-router not found/);
  });

  it('refuses an id that is not a contract id before anything is sent', async () => {
    const { client, sent } = recordedClient(recorded);
    const result = await run(['trace', 'x" or 1=1', '--stack', 'prod'], client);
    expect(result.code).toBe(EXIT.USAGE);
    expect(sent).toEqual([]);
    expect(() => traceQuery('a"b')).toThrow(/not a message or correlation id/);
  });

  it('names the log groups of the functions that handle messages', () => {
    expect(traceLogGroups('dev')).toEqual([
      '/aws/lambda/wspush-dev-broadcast-router',
      '/aws/lambda/wspush-dev-user-router',
      '/aws/lambda/wspush-dev-delivery-worker',
      '/aws/lambda/wspush-dev-fanout-worker',
    ]);
  });

  it('queries the Kafka router log group too when the stack deploys it (Kafka on)', async () => {
    const withKafka: Recorded = {
      ...recorded,
      describeLogGroups: {
        ...recorded.describeLogGroups,
        logGroups: [
          ...(recorded.describeLogGroups.logGroups ?? []),
          { logGroupName: '/aws/lambda/wspush-prod-kafka-router', retentionInDays: 90 },
        ],
      },
    };
    const { client, sent } = recordedClient(withKafka);
    const result = await run(['trace', MESSAGE_ID, '--stack', 'prod'], client);
    expect(result.code).toBe(EXIT.OK);
    const start = sent.find((c): c is StartQueryCommand => c instanceof StartQueryCommand);
    expect(start?.input.logGroupNames).toEqual([
      ...traceLogGroups('prod'),
      '/aws/lambda/wspush-prod-kafka-router',
    ]);
    expect(optionalTraceLogGroups('prod')).toEqual(['/aws/lambda/wspush-prod-kafka-router']);
  });
});

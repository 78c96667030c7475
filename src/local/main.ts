/**
 * `npm start`: runs the whole platform on this machine and prints where everything is.
 * Flags and environment variables: see `npm start -- --help` (src/local/cli-options.ts).
 */
import { parseCommandLine } from './cli-options.js';
import { type Platform, startPlatform } from './platform.js';
import { createSignalPolicy } from './stop-signals.js';

function banner(platform: Platform, dataDir: string | undefined): string {
  const { urls } = platform;
  const idpPort = new URL(urls.idp).port;
  const tokenFlags = idpPort === '3000' ? '' : ` --idp ${urls.idp}`;
  return [
    '',
    'wspush local platform is running',
    '',
    `  WebSocket gateway     ${urls.gateway}   (stage "local"; token in ?token=, Authorization or subprotocol)`,
    `  AWS edge endpoint     ${urls.edge}   (AWS_ENDPOINT_URL; DynamoDB, SNS, SQS, @connections)`,
    `  @connections API      ${urls.management}`,
    `  identity provider     ${urls.idp}/realms/{realm}   (audience "wspush")`,
    `  console               ${urls.console}`,
    `  HTML docs             ${urls.docs}`,
    '',
    '  SNS topics',
    `    broadcast           ${urls.broadcastTopicArn}`,
    `    user                ${urls.userTopicArn}`,
    '  SQS queues',
    ...Object.entries(urls.queues).map(([name, url]) => `    ${name.padEnd(28)}${url}`),
    ...(urls.kafkaTopics
      ? [
          '  Kafka topics (your brokers; failures in the kafka-router-failures queue)',
          ...Object.entries(urls.kafkaTopics).map(([channel, topic]) => `    ${channel.padEnd(20)}${topic}`),
        ]
      : []),
    `  DynamoDB table        ${platform.tableName}   (${dataDir ? `data on disk in ${dataDir}` : 'in memory'})`,
    '',
    '  Get a token:',
    `    npm run token -- --user alice --realm acme [--role admin]${tokenFlags}`,
    `    curl -s -X POST ${urls.idp}/dev/token -H 'content-type: application/json' \\`,
    `      -d '{"userId":"alice","realm":"acme","roles":["admin"],"ttlSeconds":3600}'`,
    '  Publish with any AWS SDK / CLI:',
    `    AWS_ENDPOINT_URL=${urls.edge} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1`,
    '  Where is my message?',
    `    npx wspush trace <messageId | correlationId>${tokenFlags ? ` --console ${urls.idp}` : ''}   (or the console's trace view)`,
    '',
    `  Open the console: ${urls.console}        Ctrl+C stops everything.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nRun with --help for the options.\n`);
    process.exit(2);
  }
  if (parsed.kind === 'help') {
    process.stdout.write(`${parsed.text}\n`);
    return;
  }
  const { options } = parsed;
  // Signal handlers go in before anything starts: a SIGTERM that arrives while the platform is starting (or
  // right after the banner) must still stop it cleanly and flush the data directory, never kill it mid-write.
  let platform: Platform | undefined;
  let stopRequested: string | undefined;
  const decide = createSignalPolicy();
  const stop = (signal: string, running: Platform): void => {
    process.stdout.write(`\n${signal}: closing connections, flushing data and stopping…\n`);
    running
      .stop()
      .then(() => {
        process.stdout.write('Stopped.\n');
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`Error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      });
  };
  const onSignal = (signal: string): void => {
    const decision = decide(signal);
    if (decision === 'force') {
      process.stderr.write('Forced exit (second signal): data not flushed.\n');
      process.exit(1);
    }
    if (decision === 'same-stop') return;
    if (platform) stop(signal, platform);
    else stopRequested = signal;
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  try {
    // Every handler is compiled before the banner: a Ctrl+C to the process group also stops tsx's esbuild.
    platform = await startPlatform({ ...options, preloadHandlers: true });
  } catch (error) {
    process.stderr.write(`Cannot start the local platform: ${(error as Error).message}\n`);
    if (/already in use/.test((error as Error).message)) {
      process.stderr.write('Stop the other process or choose another port (see --help).\n');
    }
    process.exit(1);
  }
  if (stopRequested) {
    stop(stopRequested, platform);
    return;
  }
  process.stdout.write(banner(platform, options.dataDir));
}

await main();

/**
 * `npm run preview -- --stack <name>` / `npm run deploy -- --stack <name>`: `pulumi preview` / `pulumi up`
 * through the Automation API (LocalWorkspace, the program run inline in this process).
 *
 * Steps: validate the stack file → build the function bundles (`npm run build`) → find the Pulumi CLI (on PATH,
 * else install it once with the Automation API, which needs internet access) → install the AWS provider plugin →
 * preview or update. Credentials and the state backend come from the environment as for the CLI
 * (`AWS_*`, `PULUMI_ACCESS_TOKEN` or `PULUMI_BACKEND_URL`, `PULUMI_CONFIG_PASSPHRASE`).
 *
 * Exit codes: 0 done; 2 usage or invalid stack; 3 bundles failed; 4 Pulumi CLI unavailable; 1 the operation failed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation/index.js';
import { buildFunctions } from '../../scripts/build-functions.js';
import { readStackConfig, StackConfigError } from './config.js';
import { loadStackConfig, PULUMI_DIR, projectName, UnknownStackError } from './stack-files.js';

type Operation = 'preview' | 'up';

class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

function parseArgs(argv: string[]): { operation: Operation; stack: string } {
  const [operation, ...rest] = argv;
  const index = rest.indexOf('--stack');
  const inline = rest.find((a) => a.startsWith('--stack='));
  const stack = inline ? inline.slice('--stack='.length) : index >= 0 ? rest[index + 1] : undefined;
  if ((operation !== 'preview' && operation !== 'up') || !stack || stack.startsWith('-')) {
    throw new ExitError(2, 'usage: npm run preview -- --stack <name>  |  npm run deploy -- --stack <name>');
  }
  return { operation, stack };
}

async function buildBundles(): Promise<void> {
  console.log('Building function bundles (npm run build)…');
  const report = await buildFunctions();
  const problems = [
    ...report.missing.map((n) => `missing handler src/handlers/${n}.ts`),
    ...report.failed.map((f) => `bundle of ${f.name} failed: ${f.message}`),
    ...report.oversized.map((f) => `bundle of ${f.name} is ${f.bytes} bytes, over the limit`),
  ];
  if (problems.length > 0) throw new ExitError(3, `Bundles not built:\n- ${problems.join('\n- ')}`);
  console.log(`${report.built.length} bundles built.`);
}

/** The CLI on PATH, else one installed by the Automation API (downloads from get.pulumi.com). */
async function pulumiCli(): Promise<PulumiCommand> {
  try {
    return await PulumiCommand.get({ skipVersionCheck: true });
  } catch {
    console.log('Pulumi CLI not on PATH: installing it with the Automation API…');
  }
  try {
    return await PulumiCommand.install();
  } catch (error) {
    throw new ExitError(
      4,
      'The Pulumi CLI is not available and could not be downloaded ' +
        `(${error instanceof Error ? error.message.split('\n')[0] : String(error)}).\n` +
        'Install it (https://www.pulumi.com/docs/install/) or run on a machine with internet access; ' +
        'the program itself can be checked offline with `npm run infra:synth -- --stack <name>`.',
    );
  }
}

function awsProviderVersion(): string {
  const manifest = resolve(PULUMI_DIR, '../../node_modules/@pulumi/aws/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return `v${version}`;
}

async function main(): Promise<void> {
  const { operation, stack } = parseArgs(process.argv.slice(2));
  const rawConfig = loadStackConfig(stack);
  readStackConfig(stack, (key) => rawConfig[key]);
  await buildBundles();
  const pulumiCommand = await pulumiCli();

  const workspaceStack = await LocalWorkspace.createOrSelectStack(
    {
      stackName: stack,
      projectName: projectName(),
      // The same program as the CLI entry point (index.ts), loaded inside the Pulumi run.
      program: async () => {
        const { pulumiConfigValue } = await import('./pulumi-config.js');
        const { createPlatform } = await import('./program.js');
        const platform = createPlatform(readStackConfig(pulumi.getStack(), pulumiConfigValue), {
          requireBundles: true,
        });
        return { ...platform };
      },
    },
    { workDir: PULUMI_DIR, pulumiCommand },
  );
  await workspaceStack.workspace.installPlugin('aws', awsProviderVersion());

  const onOutput = (text: string): void => {
    process.stdout.write(text);
  };
  if (operation === 'preview') {
    await workspaceStack.preview({ onOutput, diff: true });
  } else {
    const result = await workspaceStack.up({ onOutput });
    console.log('\nOutputs:');
    for (const [key, output] of Object.entries(result.outputs)) {
      console.log(`  ${key}: ${output.secret ? '[secret]' : JSON.stringify(output.value)}`);
    }
  }
}

main().catch((error: unknown) => {
  if (error instanceof ExitError) {
    console.error(error.message);
    process.exit(error.code);
  }
  if (error instanceof UnknownStackError || error instanceof StackConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`pulumi failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

/**
 * `npm run infra:synth -- --stack <name>`: prints the stack's resource graph as JSON (type, name, key
 * properties, dependencies, outputs) by running the program under the same mocks as the tests. No Pulumi CLI,
 * no cloud access: meant for review in pull requests (`git diff` of the output shows what a change deploys).
 *
 * Exit codes: 0 printed; 2 usage, unknown stack or invalid/missing config key; 1 anything else.
 */
import { readStackConfig, StackConfigError } from './config.js';
import type { RecordedResource } from './mocks.js';
import { loadStackConfig, UnknownStackError } from './stack-files.js';

/** Properties that say what a resource is; the rest is printed only for resources not listed here. */
const KEY_PROPERTIES: Record<string, readonly string[]> = {
  'aws:lambda/function:Function': [
    'name',
    'runtime',
    'architectures',
    'handler',
    'memorySize',
    'timeout',
    'reservedConcurrentExecutions',
    'tracingConfig',
    'environment',
    'code',
    'role',
  ],
  'aws:iam/rolePolicy:RolePolicy': ['role', 'policy'],
  'aws:iam/role:Role': ['name', 'assumeRolePolicy'],
  'aws:cloudwatch/dashboard:Dashboard': ['dashboardName'],
};

function usage(): never {
  console.error('usage: npm run infra:synth -- --stack <name>');
  process.exit(2);
}

function parseStack(argv: string[]): string {
  const index = argv.indexOf('--stack');
  const inline = argv.find((a) => a.startsWith('--stack='));
  const stack = inline ? inline.slice('--stack='.length) : index >= 0 ? argv[index + 1] : undefined;
  if (!stack || stack.startsWith('-')) usage();
  return stack;
}

async function describe(
  resource: RecordedResource,
  plainValue: (value: unknown) => Promise<unknown>,
): Promise<Record<string, unknown>> {
  const keys = KEY_PROPERTIES[resource.type];
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource.inputs)) {
    if (keys && !keys.includes(key)) continue;
    // JSON documents (policies, redrive policies, dashboards) are printed parsed, so diffs are readable.
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        properties[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // Not JSON after all: print as is.
      }
    }
    properties[key] = await plainValue(value);
  }
  return { type: resource.type, name: resource.name, properties, dependsOn: resource.dependsOn };
}

async function main(): Promise<void> {
  const stack = parseStack(process.argv.slice(2));
  const config = loadStackConfig(stack);
  // Validate first so a bad stack file fails with the config module's message, not a half-built graph.
  readStackConfig(stack, (key) => config[key]);
  // The Pulumi SDK loads only now: a wrong stack name or key fails fast, before seconds of SDK start-up.
  const { plainValue, runProgramWithMocks } = await import('./mocks.js');
  const { resources, outputs } = await runProgramWithMocks(stack, config);
  const graph = {
    stack,
    resourceCount: resources.length,
    resources: await Promise.all(
      [...resources]
        .sort((a, b) => `${a.type}/${a.name}`.localeCompare(`${b.type}/${b.name}`))
        .map((r) => describe(r, plainValue)),
    ),
    outputs,
  };
  process.stdout.write(`${JSON.stringify(graph, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UnknownStackError || error instanceof StackConfigError) {
      console.error(`infra:synth: ${error.message}`);
      process.exit(2);
    }
    console.error('infra:synth failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

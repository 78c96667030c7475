/**
 * Runs the Pulumi program without the CLI, through `pulumi.runtime.setMocks`, and records the resource graph.
 * Used by the mocks tests (one file per stack) and by `npm run infra:synth -- --stack <name>`.
 *
 * Order matters (docs: ../shared/reference/toolchain.md): the mocks and the config are installed BEFORE the
 * program module is imported, so the program must only ever be loaded with a dynamic `import()` after
 * {@link installMocks}.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pulumi from '@pulumi/pulumi';
import { MOCKS_ENV_FLAG } from './mocks-flag.js';
import { loadStackConfig, projectName } from './stack-files.js';

export { knownStacks, loadStackConfig, UnknownStackError } from './stack-files.js';

export const PULUMI_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(PULUMI_DIR, '../..');
export const MOCK_ACCOUNT = '123456789012';

export interface RecordedResource {
  type: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  state: Record<string, unknown>;
  /** Logical names of the resources this one depends on (implicit through outputs, and explicit dependsOn). */
  dependsOn: string[];
}

/** Computed attributes AWS would return, so outputs such as `arn`, `invokeArn` and `url` resolve. */
function mockState(type: string, name: string, inputs: Record<string, unknown>, region: string) {
  const physical = typeof inputs.name === 'string' ? inputs.name : name;
  const service = type.split(':')[1]?.split('/')[0] ?? 'unknown';
  const state: Record<string, unknown> = { ...inputs, name: physical };
  let id = `${name}-id`;
  switch (type) {
    case 'aws:apigatewayv2/api:Api':
      id = `${name}-apiid`;
      state.executionArn = `arn:aws:execute-api:${region}:${MOCK_ACCOUNT}:${id}`;
      state.apiEndpoint = `wss://${id}.execute-api.${region}.amazonaws.com`;
      state.arn = `arn:aws:apigateway:${region}::/apis/${id}`;
      break;
    case 'aws:lambda/function:Function': {
      const arn = `arn:aws:lambda:${region}:${MOCK_ACCOUNT}:function:${physical}`;
      id = physical;
      state.arn = arn;
      state.qualifiedArn = `${arn}:$LATEST`;
      state.invokeArn = `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
      break;
    }
    case 'aws:sqs/queue:Queue':
      id = `https://sqs.${region}.amazonaws.com/${MOCK_ACCOUNT}/${physical}`;
      state.url = id;
      state.arn = `arn:aws:sqs:${region}:${MOCK_ACCOUNT}:${physical}`;
      break;
    case 'aws:sns/topic:Topic':
      state.arn = `arn:aws:sns:${region}:${MOCK_ACCOUNT}:${physical}`;
      id = state.arn as string;
      break;
    case 'aws:dynamodb/table:Table':
      id = physical;
      state.arn = `arn:aws:dynamodb:${region}:${MOCK_ACCOUNT}:table/${physical}`;
      break;
    case 'aws:cloudwatch/logGroup:LogGroup':
      id = physical;
      state.arn = `arn:aws:logs:${region}:${MOCK_ACCOUNT}:log-group:${physical}`;
      break;
    case 'aws:iam/role:Role':
      id = physical;
      state.arn = `arn:aws:iam::${MOCK_ACCOUNT}:role/${physical}`;
      break;
    case 'aws:apigatewayv2/stage:Stage':
      id = physical;
      state.invokeUrl = `wss://mock.execute-api.${region}.amazonaws.com/${physical}`;
      break;
    default:
      state.arn = `arn:aws:${service}:${region}:${MOCK_ACCOUNT}:${name}`;
  }
  return { id, state };
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getDependenciesList(): string[];
}
type RegisterFn = (req: RegisterRequest, callback: (err: unknown, res: unknown) => void) => void;

export interface MockRecorder {
  resources: RecordedResource[];
  /** Resolves once every registration issued so far has been answered (and no new one follows). */
  settled(): Promise<void>;
}

/** Installs the mocks and the stack's config. Call before importing the program. */
export async function installMocks(stack: string, config: Record<string, string>): Promise<MockRecorder> {
  const region = config['aws:region'] ?? 'us-east-1';
  const resources: RecordedResource[] = [];
  const dependencies = new Map<string, string[]>();
  let pending = 0;

  process.env[MOCKS_ENV_FLAG] = '1';
  pulumi.runtime.setAllConfig(config);
  await pulumi.runtime.setMocks(
    {
      newResource(args: pulumi.runtime.MockResourceArgs): { id: string; state: Record<string, unknown> } {
        const inputs = args.inputs as Record<string, unknown>;
        const { id, state } = mockState(args.type, args.name, inputs, region);
        resources.push({
          type: args.type,
          name: args.name,
          id,
          inputs,
          state,
          dependsOn: dependencies.get(`${args.type}::${args.name}`) ?? [],
        });
        return { id, state };
      },
      call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        switch (args.token) {
          case 'aws:index/getCallerIdentity:getCallerIdentity':
            return { accountId: MOCK_ACCOUNT, arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/mock`, userId: 'MOCK' };
          case 'aws:index/getPartition:getPartition':
            return { partition: 'aws', dnsSuffix: 'amazonaws.com', id: 'aws' };
          case 'aws:index/getRegion:getRegion':
            return { name: region, region, id: region };
          default:
            throw new Error(`The Pulumi mocks do not implement the invoke ${args.token}`);
        }
      },
    },
    projectName(),
    stack,
    true,
  );

  // The mock monitor hands newResource no dependencies; the request it receives has them (as URNs).
  const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource: RegisterFn } | undefined;
  if (!monitor) throw new Error('Pulumi mocks installed no resource monitor');
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    pending += 1;
    const names = req.getDependenciesList().map((urn) => urn.slice(urn.lastIndexOf('::') + 2));
    dependencies.set(`${req.getType()}::${req.getName()}`, [...new Set(names)].sort());
    original(req, (err, res) => {
      pending -= 1;
      callback(err, res);
    });
  };

  return {
    resources,
    async settled(): Promise<void> {
      // Registrations chain through outputs: wait until nothing is in flight for a few turns of the loop.
      let quiet = 0;
      const deadline = Date.now() + 60_000;
      while (quiet < 5) {
        await new Promise((r) => setTimeout(r, 5));
        quiet = pending === 0 ? quiet + 1 : 0;
        if (Date.now() > deadline) throw new Error(`Pulumi mocks: ${pending} registrations never completed`);
      }
    },
  };
}

/** Resolves an Output (or plain value) the way the engine would, for assertions and synth. */
export function resolveOutput<T>(value: pulumi.Input<T>): Promise<T> {
  return new Promise((resolvePromise) => pulumi.output(value).apply((v) => resolvePromise(v as T)));
}

/** Replaces Pulumi assets by plain JSON (paths relative to the repository) for printing and comparison. */
export async function plainValue(value: unknown): Promise<unknown> {
  if (value instanceof pulumi.asset.FileAsset) return { fileAsset: relative(REPO_ROOT, await value.path) };
  if (value instanceof pulumi.asset.AssetArchive) {
    const assets = await value.assets;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(assets)) out[k] = await plainValue(v);
    return { assetArchive: out };
  }
  if (Array.isArray(value)) return Promise.all(value.map(plainValue));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await plainValue(v);
    return out;
  }
  return value;
}

export interface MockedRun {
  resources: RecordedResource[];
  outputs: Record<string, unknown>;
}

/**
 * Installs the mocks with the stack's config, imports the program (infra/pulumi/index.ts) and returns the
 * recorded resources and the resolved stack outputs. One call per process: the Pulumi runtime is global.
 */
export async function runProgramWithMocks(
  stack: string,
  config = loadStackConfig(stack),
): Promise<MockedRun> {
  const recorder = await installMocks(stack, config);
  const program = (await import('./index.js')) as Record<string, unknown>;
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(program)) {
    outputs[key] = await plainValue(await resolveOutput(value as pulumi.Input<unknown>));
  }
  await recorder.settled();
  return { resources: recorder.resources, outputs };
}

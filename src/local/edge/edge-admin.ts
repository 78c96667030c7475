/** The local-only admin routes of the edge, under `/_local/`: health, faults, stats, failures, resources. */
import type { FailureRecord, FailureStore } from '../lambda/failure-store.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import type { SqsEventSource, SqsEventSourceStats } from '../lambda/sqs-event-source.js';
import { AwsError } from './aws-error.js';
import { type Faults, parseFaultRule } from './faults.js';
import type { EdgeStats } from './stats.js';

export type LocalResponse = { status: number; body?: unknown };

export interface AdminState {
  faults: Faults;
  stats: EdgeStats;
  failures: FailureStore;
  runtime: LambdaRuntime | undefined;
  eventSources: readonly SqsEventSource[];
  resources: unknown;
}

export function adminRoute(state: AdminState, method: string, path: string, body: Buffer): LocalResponse {
  const { faults, stats, failures, runtime } = state;
  switch (`${method} ${path}`) {
    case 'GET /_local/health':
      return { status: 200, body: { ok: true } };
    case 'GET /_local/faults':
      return { status: 200, body: { faults: faults.list() } };
    case 'POST /_local/faults':
      return { status: 200, body: { ids: parseFaultRules(body).map((r) => faults.add(r)) } };
    case 'DELETE /_local/faults':
      faults.clear();
      return { status: 204 };
    case 'GET /_local/stats':
      return { status: 200, body: statsOf(state) };
    case 'DELETE /_local/stats':
      stats.reset();
      runtime?.resetStats();
      return { status: 204 };
    case 'GET /_local/failures':
      return { status: 200, body: { failures: failures.list() satisfies FailureRecord[] } };
    case 'DELETE /_local/failures':
      failures.clear();
      return { status: 204 };
    case 'GET /_local/resources':
      return { status: 200, body: state.resources };
    default:
      return { status: 404, body: { message: `No local admin route ${method} ${path}` } };
  }
}

function statsOf({ stats, runtime, eventSources }: AdminState) {
  return {
    requests: stats.snapshot(),
    functions: runtime?.stats() ?? {},
    eventSources: Object.fromEntries(
      eventSources.map((s) => [s.options.queueName, s.stats()] as [string, SqsEventSourceStats]),
    ),
  };
}

function parseFaultRules(body: Buffer) {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  return (Array.isArray(input) ? input : [input]).map((r) => {
    try {
      return parseFaultRule(r);
    } catch (error) {
      throw new AwsError('ValidationException', `Invalid fault rule: ${(error as Error).message}`);
    }
  });
}

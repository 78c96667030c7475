/**
 * The cost model: prices what a piece of work uses (counted on the local platform by `bench/cost.ts`) for one
 * stack — its region's prices (`bench/aws-prices.ts`), its functions' memory sizes, log retention and trace
 * sampling — including what the local platform cannot count: CloudWatch Logs (Lambda's own START/END/REPORT
 * lines and ours), X-Ray traces, and the SQS receive and delete calls of the Lambda event source mappings.
 *
 * It also holds the connection-minute model: what keeping a client connected costs per million
 * connection-minutes (keep-alives and link-check pings, the reconnect forced by the 2-hour maximum, `$connect`, `$disconnect`,
 * the welcome), beside AWS AppSync Events on the same workload.
 */
import { functionTable, limits, routeTable } from '../generated/index.js';
import {
  LAMBDA_SYSTEM_LOG_LEVEL,
  readStackConfig,
  SETTINGS_BY_TRIGGER,
  type StackConfig,
} from '../infra/pulumi/config.js';
import { loadStackConfig } from '../infra/pulumi/stack-files.js';
import { defaultHandoverLeadMs } from '../src/client/handover.js';
import { KEEP_ALIVE_WINDOW, LINK_CHECK_AFTER_IDLE_TIMEOUTS } from '../src/client/keep-alive.js';
import { functionSettings } from '../src/handlers/runtime/function-settings.js';
import { type PriceTable, priceTable, stackRegion } from './aws-prices.js';

/** What a piece of work uses, as counted on the local platform. */
export interface Usage {
  /** Billed API Gateway messages (32 KB units), sent or received. */
  apiGatewayMessages: number;
  functions: Record<string, { invocations: number; billedMs: number }>;
  readUnits: number;
  writeUnits: number;
  snsPublishes: number;
  /** SQS calls the functions made (sends); the event source mappings' receives and deletes are added here. */
  sqsRequests: number;
  /** Batches the event source mappings handed to SQS-triggered functions (a receive and a delete each). */
  sqsBatchesConsumed: number;
  /** Messages delivered to clients (trace records are written per sampled delivery). */
  deliveries: number;
}

/**
 * Assumptions the local platform cannot measure, each with why. Log sizes are typical line lengths of the
 * formats (Lambda's documented platform lines, our Powertools JSON lines); h18's log-bytes benchmark measures ours.
 */
export const COST_ASSUMPTIONS = {
  /**
   * START (~90 B), END (~60 B) and REPORT with the X-Ray line (~330 B) per invocation — written only at system
   * log level INFO or DEBUG; every stack deploys WARN (`LAMBDA_SYSTEM_LOG_LEVEL`), so they are priced at 0 there.
   */
  platformLogBytesPerInvocation: 480,
  /** One structured INFO line per invocation (authorizer, $connect, $disconnect, routers, workers: "… done"). */
  appLogBytesPerInvocation: 450,
  /** A trace record line, written once per sampled delivery (`posted` hop) at `traceSamplePerMille`. */
  traceRecordBytes: 520,
  /** gzip ratio of JSON log lines in archive (CloudWatch bills stored bytes compressed). */
  logCompressionRatio: 0.15,
  /** X-Ray's default sampling rule: 1 request per second, then 5 % (the 5 % dominates at scale). */
  xraySampledFraction: 0.05,
  /**
   * SQS event source mapping: one ReceiveMessage that returns the batch and one DeleteMessageBatch per batch
   * (one invocation); at low rates each message is a batch of its own. (Empty long-polls are a fixed cost per queue, not per message:
   * ~5 pollers × 3 polls/minute ≈ 650,000 requests ≈ $0.26 per queue-month.)
   */
  sqsRequestsPerBatch: 2,
  /**
   * Billed duration of one connection-lifecycle invocation (authorizer, `$connect`, the welcome's delivery job,
   * `$disconnect`, a ping function): one to three DynamoDB or SQS calls at the simulation's modeled latencies
   * (bench/simulation/aws-model.ts: 4–8 ms each) plus the handler, rounded up generously. Assumed: durations
   * measured on this shared 2-core machine under load are 10–50× what a warm Lambda bills and are kept in the
   * JSON only.
   */
  billedMsPerLifecycleInvocation: 50,
  /**
   * Lambda GB-seconds per broadcast delivery: the virtual-time simulation's 1M-subscriber broadcast (1,608 GB-s
   * for 1M deliveries, docs/performance.md §7), used instead of this machine's load-inflated durations.
   */
  gbSecondsPerBroadcastDelivery: 0.0016,
  /** AppSync Events: connects and subscribes are operations; its own keep-alive (`ka`) messages are not billed. */
  appSyncOperationsPerConnect: 1,
} as const;

export interface StackPricing {
  stack: string;
  region: string;
  prices: PriceTable;
  config: StackConfig;
  traceSamplePerMille: number;
}

export function stackPricing(stack: string): StackPricing {
  const raw = loadStackConfig(stack);
  const config = readStackConfig(stack, (key) => raw[key]);
  const sampleKey = `wspush:${functionSettings.traceSamplePerMille.stackKey}`;
  const region = stackRegion(stack);
  return {
    stack,
    region,
    prices: priceTable(region),
    config,
    traceSamplePerMille: Number(raw[sampleKey] ?? functionSettings.traceSamplePerMille.default),
  };
}

/** Memory of a function in a stack (unknown names, e.g. a function of a newer contract, get the websocket size). */
export function memoryMb(pricing: StackPricing, handler: string): number {
  const definition = functionTable.find((f) => f.handler === handler);
  const kind = definition ? SETTINGS_BY_TRIGGER[definition.trigger.kind] : 'websocket';
  return pricing.config.functions[kind].memoryMb;
}

export type CostLines = Record<
  'apiGatewayMessages' | 'lambdaRequests' | 'lambdaDuration' | 'dynamodb' | 'sns' | 'sqs' | 'logs' | 'xray',
  number
>;

/** Dollars for `usage` in `pricing`'s stack, line by line. */
export function priceUsage(usage: Usage, pricing: StackPricing): CostLines {
  const p = pricing.prices;
  const a = COST_ASSUMPTIONS;
  const fns = Object.entries(usage.functions);
  const invocations = fns.reduce((s, [, f]) => s + f.invocations, 0);
  const gbSeconds = fns.reduce(
    (s, [name, f]) => s + (f.billedMs / 1000) * (memoryMb(pricing, name) / 1024),
    0,
  );
  const logBytes =
    invocations * (platformLogBytesPerInvocation() + a.appLogBytesPerInvocation) +
    usage.deliveries * (pricing.traceSamplePerMille / 1000) * a.traceRecordBytes;
  const logGb = logBytes / 1024 ** 3;
  const storedMonths = pricing.config.logRetentionDays / 30;
  const million = 1e6;
  return {
    apiGatewayMessages: (usage.apiGatewayMessages / million) * p.apiGatewayPerMillionMessages,
    lambdaRequests: (invocations / million) * p.lambdaPerMillionRequests,
    lambdaDuration: gbSeconds * p.lambdaPerGbSecondArm,
    dynamodb:
      (usage.readUnits / million) * p.dynamoPerMillionReadUnits +
      (usage.writeUnits / million) * p.dynamoPerMillionWriteUnits,
    sns: (usage.snsPublishes / million) * p.snsPerMillionPublishes,
    sqs:
      ((usage.sqsRequests + usage.sqsBatchesConsumed * a.sqsRequestsPerBatch) / million) *
      p.sqsPerMillionRequests,
    logs: logGb * p.logsPerGbIngested + logGb * a.logCompressionRatio * storedMonths * p.logsPerGbMonthStored,
    xray: ((invocations * a.xraySampledFraction) / million) * p.xrayPerMillionTracesRecorded,
  };
}

/** Lambda's own START / END / REPORT bytes per invocation at the deployed system log level (none at WARN). */
export function platformLogBytesPerInvocation(): number {
  return (LAMBDA_SYSTEM_LOG_LEVEL as string) === 'WARN' ? 0 : COST_ASSUMPTIONS.platformLogBytesPerInvocation;
}

export function total(lines: Record<string, number>): number {
  return Object.values(lines).reduce((s, v) => s + v, 0);
}

export function scaleUsage(usage: Usage, factor: number): Usage {
  return {
    apiGatewayMessages: usage.apiGatewayMessages * factor,
    functions: Object.fromEntries(
      Object.entries(usage.functions).map(([k, f]) => [
        k,
        { invocations: f.invocations * factor, billedMs: f.billedMs * factor },
      ]),
    ),
    readUnits: usage.readUnits * factor,
    writeUnits: usage.writeUnits * factor,
    snsPublishes: usage.snsPublishes * factor,
    sqsRequests: usage.sqsRequests * factor,
    sqsBatchesConsumed: usage.sqsBatchesConsumed * factor,
    deliveries: usage.deliveries * factor,
  };
}

export function addUsage(a: Usage, b: Usage): Usage {
  const functions: Usage['functions'] = { ...a.functions };
  for (const [k, f] of Object.entries(b.functions)) {
    const prev = functions[k] ?? { invocations: 0, billedMs: 0 };
    functions[k] = { invocations: prev.invocations + f.invocations, billedMs: prev.billedMs + f.billedMs };
  }
  return {
    apiGatewayMessages: a.apiGatewayMessages + b.apiGatewayMessages,
    functions,
    readUnits: a.readUnits + b.readUnits,
    writeUnits: a.writeUnits + b.writeUnits,
    snsPublishes: a.snsPublishes + b.snsPublishes,
    sqsRequests: a.sqsRequests + b.sqsRequests,
    sqsBatchesConsumed: a.sqsBatchesConsumed + b.sqsBatchesConsumed,
    deliveries: a.deliveries + b.deliveries,
  };
}

/** Measured per event of a connection's life: one session (authorizer, `$connect`, welcome, `$disconnect`), one keep-alive, one ping. */
export interface LifecycleUsage {
  /** Connect (authorizer, `$connect`, delivery job, welcome) and disconnect of one session. */
  session: Usage;
  /** One one-way `keepAlive` (1 API Gateway message; a function only if the route invoked one). */
  keepAlive: Usage;
  /** One `ping` with its `pong` (2 API Gateway messages; a function only if the route invokes one). */
  ping: Usage;
}

/**
 * The client SDK's defaults over the contract's limits: how often it sends a keep-alive, after how much silence
 * a keep-alive is a two-way `ping` (link check), and how long a session lasts.
 */
export function clientSessionModel(): {
  keepAliveEveryMinutes: number;
  linkCheckAfterMinutes: number;
  sessionMinutes: number;
} {
  const meanFraction = (KEEP_ALIVE_WINDOW.from + KEEP_ALIVE_WINDOW.to) / 2;
  const maxMs = limits.maxConnectionSeconds * 1000;
  const idleMinutes = limits.idleTimeoutSeconds / 60;
  return {
    keepAliveEveryMinutes: idleMinutes * meanFraction,
    linkCheckAfterMinutes: idleMinutes * LINK_CHECK_AFTER_IDLE_TIMEOUTS,
    // The SDK hands over to a new connection this long before the 2-hour maximum.
    sessionMinutes: (maxMs - defaultHandoverLeadMs(maxMs)) / 60_000,
  };
}

/**
 * The share of keep-alives that are two-way pings for a workload: none when a frame arrives more often than the
 * link-check silence; otherwise one in every ceil(silence / interval) keep-alives (a pong restarts the silence).
 */
export function pingShare(workload: Workload): number {
  const model = clientSessionModel();
  const gap =
    workload.deliveriesPerConnectionMinute > 0 ? 1 / workload.deliveriesPerConnectionMinute : Infinity;
  if (gap < model.linkCheckAfterMinutes) return 0;
  return 1 / Math.ceil(model.linkCheckAfterMinutes / model.keepAliveEveryMinutes);
}

/** Whether the contract's route `routeKey` invokes a function (false: an API Gateway mock integration). */
export function routeInvokesFunction(routeKey: 'ping' | 'keepAlive'): boolean {
  return (routeTable[routeKey] as { integration?: string }).integration !== 'mock';
}

/** The lifecycle's invocations at the assumed warm billed duration (see COST_ASSUMPTIONS). */
function withModeledDurations(usage: Usage): Usage {
  const ms = COST_ASSUMPTIONS.billedMsPerLifecycleInvocation;
  return {
    ...usage,
    functions: Object.fromEntries(
      Object.entries(usage.functions).map(([k, f]) => [
        k,
        { invocations: f.invocations, billedMs: f.invocations * ms },
      ]),
    ),
  };
}

/** One delivery's invocations at the simulation's GB-seconds per delivery, all billed to the fan-out worker. */
function withSimulatedDeliveryDuration(usage: Usage, pricing: StackPricing): Usage {
  const invocations = Object.values(usage.functions).reduce((s, f) => s + f.invocations, 0);
  const gb = memoryMb(pricing, 'fanout-worker') / 1024;
  const billedMs = (COST_ASSUMPTIONS.gbSecondsPerBroadcastDelivery / gb) * 1000;
  return { ...usage, functions: { 'fanout-worker': { invocations, billedMs } } };
}

export interface Workload {
  name: string;
  /** Topic or user messages delivered per connection-minute (0 = idle clients that only keep alive). */
  deliveriesPerConnectionMinute: number;
  /** Topics each connection subscribes to (AppSync: one subscribe operation each). */
  topicsPerConnection: number;
}

/**
 * The least a connected, idle client can cost per million connection-minutes in `pricing`'s stack with this
 * platform: the connection-minute fee, one one-way keep-alive message per 10 minutes (the idle timeout; any
 * rarer and API Gateway closes the connection), and the measured sessions forced by the 2-hour maximum
 * (a session lasting the full 120 minutes). Line by line, and the total.
 */
export function connectionMinuteFloor(
  pricing: StackPricing,
  lifecycle: LifecycleUsage,
): { lines: Record<string, number>; total: number; sessions: number; keepAlives: number } {
  const minutes = 1e6;
  const keepAlives = minutes / (limits.idleTimeoutSeconds / 60);
  const sessions = minutes / (limits.maxConnectionSeconds / 60);
  const usage = addUsage(
    scaleUsage(withModeledDurations(lifecycle.keepAlive), keepAlives),
    scaleUsage(withModeledDurations(lifecycle.session), sessions),
  );
  const lines = {
    connectionMinutes: pricing.prices.apiGatewayPerMillionConnectionMinutes,
    ...priceUsage(usage, pricing),
  };
  return { lines, total: total(lines), sessions, keepAlives };
}

export interface ConnectionMinuteCost {
  stack: string;
  region: string;
  workload: string;
  /** Dollars per million connection-minutes, line by line, ours. */
  ours: Record<string, number>;
  oursTotal: number;
  appSyncEvents: Record<string, number>;
  appSyncTotal: number;
  /** API Gateway's connection-minute fee alone (the target's unit). */
  connectionMinuteFee: number;
  counts: { sessions: number; keepAlives: number; pings: number; deliveries: number };
}

/**
 * Per million connection-minutes of `workload` in `pricing`'s stack. `perDelivery`: the usage of one delivered
 * message (from the broadcast measurement), added for the workload's deliveries.
 */
export function connectionMinuteCost(
  pricing: StackPricing,
  lifecycle: LifecycleUsage,
  perDelivery: Usage,
  workload: Workload,
): ConnectionMinuteCost {
  const minutes = 1e6;
  const model = clientSessionModel();
  const sessions = minutes / model.sessionMinutes;
  const ticks = minutes / model.keepAliveEveryMinutes;
  const pings = ticks * pingShare(workload);
  const keepAlives = ticks - pings;
  const deliveries = minutes * workload.deliveriesPerConnectionMinute;
  const usage = [
    scaleUsage(withModeledDurations(lifecycle.session), sessions),
    scaleUsage(withModeledDurations(lifecycle.keepAlive), keepAlives),
    scaleUsage(withModeledDurations(lifecycle.ping), pings),
    scaleUsage(withSimulatedDeliveryDuration(perDelivery, pricing), deliveries),
  ].reduce(addUsage);
  const p = pricing.prices;
  const fee = p.apiGatewayPerMillionConnectionMinutes;
  const ours = { connectionMinutes: fee, ...priceUsage(usage, pricing) };
  const appSyncOps =
    sessions * (COST_ASSUMPTIONS.appSyncOperationsPerConnect + workload.topicsPerConnection) + deliveries;
  const appSyncEvents = {
    connectionMinutes: p.appSyncEventsPerMillionConnectionMinutes,
    operations: (appSyncOps / 1e6) * p.appSyncEventsPerMillionOperations,
  };
  return {
    stack: pricing.stack,
    region: pricing.region,
    workload: workload.name,
    ours,
    oursTotal: total(ours),
    appSyncEvents,
    appSyncTotal: total(appSyncEvents),
    connectionMinuteFee: fee,
    counts: { sessions, keepAlives, pings, deliveries },
  };
}

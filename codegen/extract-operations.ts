// Operations: WebSocket routes (x-route) and the functions their handlers and the SNS, SQS and Kafka channels trigger.
import type { AsyncAPIDocumentInterface, MessageInterface, OperationInterface } from '@asyncapi/parser';
import type { ContractPath } from './contract.js';
import type { FunctionIR, RouteIR } from './extract.js';
import { extension, type Fail } from './extract-common.js';
import { extractKafkaChannel, type KafkaChannelIR } from './extract-kafka.js';

const HANDLER_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

export interface OperationsIR {
  routes: RouteIR[];
  functions: FunctionIR[];
  kafkaChannels: KafkaChannelIR[];
  publishEnvelopes: Set<string>;
}

/** The functions found so far; each handler name is valid and used by one operation only (one trigger per Lambda). */
class FunctionCollector {
  readonly functions: FunctionIR[] = [];
  private readonly handlers = new Set<string>();

  constructor(private readonly fail: Fail) {}

  add(fn: FunctionIR, where: ContractPath): void {
    if (!HANDLER_PATTERN.test(fn.handler)) {
      this.fail(
        where,
        `handler name "${fn.handler}" must match ${HANDLER_PATTERN} (it names src/handlers/<name>.ts)`,
      );
      return;
    }
    if (this.handlers.has(fn.handler)) {
      this.fail(
        where,
        `handler "${fn.handler}" is used by more than one operation; each Lambda has one trigger`,
      );
      return;
    }
    this.handlers.add(fn.handler);
    this.functions.push(fn);
  }
}

/** What the operations add up to while they are read, and how each reports a problem. */
interface OperationsScan extends OperationsIR {
  collector: FunctionCollector;
  schemaTitle: (message: MessageInterface) => string | undefined;
  fail: Fail;
}

export function extractOperations(
  document: AsyncAPIDocumentInterface,
  schemaTitle: (message: MessageInterface) => string | undefined,
  fail: Fail,
): OperationsIR {
  const collector = new FunctionCollector(fail);
  const scan: OperationsScan = {
    routes: [],
    functions: collector.functions,
    kafkaChannels: [],
    publishEnvelopes: new Set<string>(),
    collector,
    schemaTitle,
    fail,
  };
  for (const operation of document.operations().all()) extractOperation(scan, operation);
  for (const route of scan.routes) {
    if (route.authorizer !== undefined && route.routeKey !== '$connect') {
      fail(
        ['operations', route.operationId, 'x-authorizer'],
        'API Gateway only authorizes the $connect route',
      );
    }
  }
  const { routes, functions, kafkaChannels, publishEnvelopes } = scan;
  return { routes, functions, kafkaChannels, publishEnvelopes };
}

/** One operation: a route (Lambda or mock), a function on a channel, or neither (a message the platform sends). */
function extractOperation(scan: OperationsScan, operation: OperationInterface): void {
  const { fail } = scan;
  const where = ['operations', operation.id() ?? ''];
  const route = extension(operation, 'x-route');
  const handler = extension(operation, 'x-handler');
  const authorizer = extension(operation, 'x-authorizer');
  const integration = extension(operation, 'x-integration');
  if (route === undefined && handler === undefined) {
    if (authorizer !== undefined)
      fail([...where, 'x-authorizer'], 'x-authorizer needs x-route and x-handler');
    if (integration !== undefined) fail([...where, 'x-integration'], 'x-integration needs x-route');
    return;
  }
  if (integration !== undefined) {
    addRoute(scan, extractMockRoute(operation, route, handler, integration, scan.schemaTitle, fail), where);
    return;
  }
  if (typeof handler !== 'string') {
    fail([...where, 'x-handler'], 'x-handler must be a string naming the Lambda handler');
    return;
  }
  if (operation.action() !== 'receive') {
    fail([...where, 'action'], 'operations with x-handler must be `receive` operations');
  }
  if (route !== undefined) {
    const ir = extractRoute(operation, route, handler, authorizer, scan.schemaTitle, fail);
    if (!addRoute(scan, ir, where) || ir === undefined) return;
    if (ir.authorizer !== undefined) {
      scan.collector.add({ handler: ir.authorizer, trigger: { kind: 'authorizer', routeKey: ir.routeKey } }, [
        ...where,
        'x-authorizer',
      ]);
    }
    scan.collector.add({ handler, trigger: { kind: 'websocket', routeKey: ir.routeKey } }, [
      ...where,
      'x-handler',
    ]);
    return;
  }
  if (authorizer !== undefined)
    fail([...where, 'x-authorizer'], 'x-authorizer is only valid on a route ($connect)');
  extractChannelFunction(scan, operation, handler, where);
}

/** Adds a route unless its key is taken; false when it was not added. */
function addRoute(scan: OperationsScan, ir: RouteIR | undefined, where: ContractPath): boolean {
  if (ir === undefined) return false;
  if (scan.routes.some((r) => r.routeKey === ir.routeKey)) {
    scan.fail([...where, 'x-route'], `route "${ir.routeKey}" is declared twice`);
    return false;
  }
  scan.routes.push(ir);
  return true;
}

/** A function triggered by its operation's one channel: an SNS topic, an SQS queue or Kafka topics. */
function extractChannelFunction(
  scan: OperationsScan,
  operation: OperationInterface,
  handler: string,
  where: ContractPath,
): void {
  const { fail } = scan;
  const channels = operation.channels().all();
  const channel = channels[0];
  if (channels.length !== 1 || channel === undefined) {
    fail([...where, 'channel'], 'an operation with x-handler must have exactly one channel');
    return;
  }
  const protocols = [
    ...new Set(
      channel
        .servers()
        .all()
        .map((s) => s.protocol()),
    ),
  ];
  const kind = protocols.length === 1 ? protocols[0] : undefined;
  if (kind === 'kafka') {
    const ir = extractKafkaChannel(operation, channel, fail);
    if (ir === undefined) return;
    scan.kafkaChannels.push(ir);
    // One function may consume several Kafka channels: AWS maps one topic per event source mapping.
    const existing = scan.functions.find((f) => f.handler === handler);
    if (existing?.trigger.kind === 'kafka') existing.trigger.channels.push(ir.channel);
    else scan.collector.add({ handler, trigger: { kind, channels: [ir.channel] } }, [...where, 'x-handler']);
    return;
  }
  if (kind !== 'sns' && kind !== 'sqs') {
    fail(
      ['channels', channel.id(), 'servers'],
      `the channel of handler "${handler}" must be served only by an sns, an sqs or a kafka server (found: ${protocols.join(', ') || 'none'})`,
    );
    return;
  }
  const address = channel.address() ?? '';
  if (!address.startsWith('{prefix}') || address.length === '{prefix}'.length) {
    fail(
      ['channels', channel.id(), 'address'],
      `address "${address}" must be "{prefix}<suffix>" (the resource name)`,
    );
    return;
  }
  scan.collector.add(
    { handler, trigger: { kind, channel: channel.id(), suffix: address.slice('{prefix}'.length) } },
    [...where, 'x-handler'],
  );
  if (kind === 'sns') {
    for (const title of operation.messages().all().map(scan.schemaTitle))
      if (title) scan.publishEnvelopes.add(title);
  }
}

function extractRoute(
  operation: OperationInterface,
  route: unknown,
  handler: string,
  authorizer: unknown,
  schemaTitle: (m: MessageInterface) => string | undefined,
  fail: Fail,
): RouteIR | undefined {
  const id = operation.id() ?? '';
  const where = ['operations', id];
  if (
    typeof route !== 'string' ||
    !/^(\$connect|\$disconnect|\$default|[A-Za-z][A-Za-z0-9_-]{0,127})$/.test(route)
  ) {
    fail([...where, 'x-route'], 'x-route must be $connect, $disconnect, $default or an action name');
    return undefined;
  }
  if (authorizer !== undefined && typeof authorizer !== 'string') {
    fail([...where, 'x-authorizer'], 'x-authorizer must be a string naming the authorizer handler');
    return undefined;
  }
  const replyMode = extension(operation, 'x-reply');
  if (replyMode !== undefined && (replyMode !== 'posted' || operation.reply() === undefined)) {
    fail([...where, 'x-reply'], 'x-reply may only be "posted", on an operation with a reply');
    return undefined;
  }
  const repliesByPost = replyMode === 'posted';
  const ir: RouteIR = {
    routeKey: route,
    operationId: id,
    handler,
    integration: 'lambda',
    twoWay: operation.reply() !== undefined && !repliesByPost,
    repliesByPost,
  };
  if (typeof authorizer === 'string') ir.authorizer = authorizer;
  const message = operation.messages().all()[0];
  const payload = message?.payload();
  const actionConst = payload?.properties()?.action?.const();
  if (!route.startsWith('$')) {
    const title = message === undefined ? undefined : schemaTitle(message);
    if (title === undefined || typeof actionConst !== 'string') {
      fail(
        [...where, 'messages'],
        `route "${route}" is selected by the frame's action field: its message payload must be a titled object with an "action" const`,
      );
      return undefined;
    }
    if (actionConst !== route) {
      fail(
        [...where, 'x-route'],
        `x-route "${route}" differs from the action const "${actionConst}" of its message`,
      );
      return undefined;
    }
    ir.actionSchema = title;
    ir.action = actionConst;
  }
  return ir;
}

/**
 * A route API Gateway handles itself (`x-integration: mock`): a client action route (never `$connect`,
 * `$disconnect` or `$default`) with no handler, and either exactly one reply message (two-way: the frame its
 * template renders) or no reply at all (one-way: no route response, nothing is sent back).
 */
function extractMockRoute(
  operation: OperationInterface,
  route: unknown,
  handler: unknown,
  integration: unknown,
  schemaTitle: (m: MessageInterface) => string | undefined,
  fail: Fail,
): RouteIR | undefined {
  const id = operation.id() ?? '';
  const where = ['operations', id];
  if (integration !== 'mock') {
    fail(
      [...where, 'x-integration'],
      'x-integration may only be "mock" (a Lambda route has x-handler instead)',
    );
    return undefined;
  }
  if (handler !== undefined) {
    fail([...where, 'x-handler'], 'a mock route (x-integration: mock) has no x-handler: no function runs');
    return undefined;
  }
  if (typeof route !== 'string' || route.startsWith('$')) {
    fail(
      [...where, 'x-route'],
      'only a client action route may be a mock (not $connect, $disconnect, $default)',
    );
    return undefined;
  }
  const reply = operation.reply();
  const replies = reply?.messages().all() ?? [];
  const replySchema = replies.length === 1 ? schemaTitle(replies[0] as MessageInterface) : undefined;
  if (reply !== undefined && replySchema === undefined) {
    fail([...where, 'reply'], 'a mock route answers with exactly one titled reply message, or has no reply');
    return undefined;
  }
  const ir = extractRoute(operation, route, 'mock', undefined, schemaTitle, fail);
  if (ir === undefined) return undefined;
  const { handler: _none, ...rest } = ir;
  if (replySchema === undefined) return { ...rest, integration: 'mock', twoWay: false };
  return { ...rest, integration: 'mock', replySchema, twoWay: true };
}

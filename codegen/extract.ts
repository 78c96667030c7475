// Reads everything codegen needs out of the parsed contract into a plain description (the IR), and checks
// the project's extensions (x-route, x-handler, x-authorizer, x-topic, x-user-message, x-error-codes,
// x-close-codes, x-limits) so a wrong contract fails here with a line number, not later in tsc or at runtime.
import type { AsyncAPIDocumentInterface, MessageInterface, OperationInterface } from '@asyncapi/parser';
import {
  type ContractDiagnostic,
  ContractError,
  type ContractPath,
  type ParsedContract,
  pointerToPath,
} from './contract.js';
import { extractKafkaChannel, type KafkaChannelIR } from './extract-kafka.js';
import { cleanSchema, isJsonObject, type JsonObject, type JsonValue } from './json.js';

export type { KafkaChannelIR, KafkaHeaderIR } from './extract-kafka.js';

export interface SchemaEntry {
  title: string;
  /** Dereferenced JSON Schema without parser/extension keys, ready for ajv. */
  schema: JsonObject;
}

export interface RouteIR {
  routeKey: string;
  operationId: string;
  handler: string;
  twoWay: boolean;
  actionSchema?: string;
  /** The `action` constant a client sends to select this route. */
  action?: string;
  authorizer?: string;
  /** `x-reply: posted`: the handler posts its reply through @connections (no route response). */
  repliesByPost: boolean;
}

export type TriggerIR =
  | { kind: 'authorizer'; routeKey: string }
  | { kind: 'websocket'; routeKey: string }
  | { kind: 'sns' | 'sqs'; channel: string; suffix: string }
  /** One function consuming several Kafka channels (one event source mapping per topic). */
  | { kind: 'kafka'; channels: string[] };

export interface FunctionIR {
  handler: string;
  trigger: TriggerIR;
}

export type OfflineIR =
  | { policy: 'drop' }
  | { policy: 'history'; historySize: number; retentionSeconds: number };

/** One dot-separated segment of a topic family's address: a literal or a whole-segment parameter. */
export type TopicSegmentIR = { literal: string } | { param: string };

export interface TopicParameterIR {
  name: string;
  /** Title of the parameter's JSON Schema (`x-schema`), compiled into a validator like any other schema. */
  schemaTitle: string;
  description?: string;
}

/** x-topic.access.owner: the parameter bound to the token's subject, and the roles that may override it. */
export interface TopicOwnerIR {
  parameter: string;
  overrideRoles: string[];
}

export interface TopicIR {
  /** The channel address: a fixed name (`announcements`) or a family (`jobs.{jobId}`). */
  name: string;
  /** The address with `*` for each parameter (`jobs.*`): what a client filters on. */
  filter: string;
  segments: TopicSegmentIR[];
  parameters: TopicParameterIR[];
  owner?: TopicOwnerIR;
  channelId: string;
  roles: string[];
  offline: OfflineIR;
  /** How many partition keys the topic's subscription rows are spread over (x-topic.partitions, default 1). */
  partitions: number;
  payloadSchema: string;
}

/** Upper bound of x-topic.partitions: a broadcast Queries every partition. */
export const MAX_TOPIC_PARTITIONS = 64;

export interface UserMessageIR {
  type: string;
  messageId: string;
  retentionDays: number;
  payloadSchema: string;
}

export interface ErrorCodeIR {
  code: string;
  retryable: boolean;
  description: string;
}

export interface CloseCodeIR {
  from: number;
  to: number;
  retryable: boolean;
  name: string;
  description: string;
}

export interface ContractIR {
  fileName: string;
  document: AsyncAPIDocumentInterface;
  /** One entry per validator, sorted by title. */
  schemas: SchemaEntry[];
  routes: RouteIR[];
  functions: FunctionIR[];
  topics: TopicIR[];
  userMessages: UserMessageIR[];
  /** Channels served by the kafka server, in contract order. */
  kafkaChannels: KafkaChannelIR[];
  errorCodes: ErrorCodeIR[];
  /** Enum schemas whose values together must equal the keys of x-error-codes. */
  errorCodeTypes: string[];
  closeCodes: CloseCodeIR[];
  limits: Record<string, number>;
  /** Schema titles of the messages publishers send to SNS (the channels SNS-triggered handlers receive). */
  publishEnvelopes: string[];
  /** components.schemas.TopicName: the one definition of a concrete topic name (its pattern bounds its length). */
  topicName: { pattern: string };
}

/** The keys of `x-limits` the platform reads (docs/design.md §1). */
export const LIMIT_KEYS = [
  'maxTopicsPerConnection',
  'frameBytes',
  'messageBytes',
  'idleTimeoutSeconds',
  'maxConnectionSeconds',
  'connectionTtlSeconds',
  'inboxMaxItems',
  'maxEnvelopeBytes',
  'publishedAtMaxFutureSeconds',
  'clientFramesPerSecond',
  'clientFrameBurst',
  'clientFrameStrikes',
  'sinceMaxLength',
] as const;

/** Enum schemas (by title) listing the codes an error frame or a rejected topic may carry. */
export const ERROR_CODE_TYPES = ['ErrorCode', 'TopicRejectionCode', 'RecoveryCode'] as const;
/** Code enums a contract may leave out (a contract without stream positions has no RecoveryCode). */
const OPTIONAL_ERROR_CODE_TYPES: ReadonlySet<string> = new Set(['RecoveryCode']);

const NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const PARAM_SEGMENT = /^\{([A-Za-z][A-Za-z0-9]{0,62})\}$/;
const HANDLER_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const TITLE_PATTERN = /^[A-Z][A-Za-z0-9]*$/;
const CLOSE_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;

function extension(
  holder: { extensions(): { get(id: string): { value(): unknown } | undefined } },
  id: string,
) {
  return holder.extensions().get(id)?.value();
}

export function extractContract(parsed: ParsedContract): ContractIR {
  const { document, locator } = parsed;
  const problems: ContractDiagnostic[] = [];
  const fail = (segments: ContractPath, message: string): void => {
    problems.push(locator.diagnostic(segments, message));
  };

  // ---- schemas (one validator per title) -------------------------------------------------------
  const schemasByTitle = new Map<string, SchemaEntry>();
  const addSchema = (title: string, json: JsonValue, where: ContractPath): void => {
    if (!TITLE_PATTERN.test(title)) {
      fail(where, `schema title "${title}" must be PascalCase (it names a TypeScript type and a validator)`);
      return;
    }
    const schema = cleanSchema(json);
    if (!isJsonObject(schema)) return;
    const existing = schemasByTitle.get(title);
    if (existing !== undefined) {
      if (JSON.stringify(existing.schema) !== JSON.stringify(schema)) {
        fail(where, `two different schemas share the title "${title}"; titles name types and must be unique`);
      }
      return;
    }
    schemasByTitle.set(title, { title, schema });
  };

  const messages = uniqueMessages(document);
  for (const message of messages) {
    const payload = message.payload();
    if (payload === undefined) continue;
    const where = [...messagePath(message), 'payload'];
    const title = payload.title();
    if (title === undefined) {
      fail(
        where,
        `the payload of message "${message.id()}" has no title; give it one (it names the model and validator)`,
      );
      continue;
    }
    addSchema(title, payload.json() as JsonValue, where);
  }
  for (const schema of document.components().schemas().all()) {
    const title = schema.title();
    if (title === undefined || schema.type() !== 'object') continue;
    addSchema(title, schema.json() as JsonValue, ['components', 'schemas', schema.id()]);
  }
  const schemaTitle = (message: MessageInterface): string | undefined => message.payload()?.title();

  // ---- routes and functions --------------------------------------------------------------------
  const routes: RouteIR[] = [];
  const functions: FunctionIR[] = [];
  const kafkaChannels: KafkaChannelIR[] = [];
  const handlers = new Set<string>();
  const publishEnvelopes = new Set<string>();
  const addFunction = (fn: FunctionIR, where: ContractPath): void => {
    if (!HANDLER_PATTERN.test(fn.handler)) {
      fail(
        where,
        `handler name "${fn.handler}" must match ${HANDLER_PATTERN} (it names src/handlers/<name>.ts)`,
      );
      return;
    }
    if (handlers.has(fn.handler)) {
      fail(where, `handler "${fn.handler}" is used by more than one operation; each Lambda has one trigger`);
      return;
    }
    handlers.add(fn.handler);
    functions.push(fn);
  };

  for (const operation of document.operations().all()) {
    const id = operation.id() ?? '';
    const where = ['operations', id];
    const route = extension(operation, 'x-route');
    const handler = extension(operation, 'x-handler');
    const authorizer = extension(operation, 'x-authorizer');
    if (route === undefined && handler === undefined) {
      if (authorizer !== undefined)
        fail([...where, 'x-authorizer'], 'x-authorizer needs x-route and x-handler');
      continue;
    }
    if (typeof handler !== 'string') {
      fail([...where, 'x-handler'], 'x-handler must be a string naming the Lambda handler');
      continue;
    }
    if (operation.action() !== 'receive') {
      fail([...where, 'action'], 'operations with x-handler must be `receive` operations');
    }
    if (route !== undefined) {
      const ir = extractRoute(operation, route, handler, authorizer, schemaTitle, fail);
      if (ir === undefined) continue;
      if (routes.some((r) => r.routeKey === ir.routeKey)) {
        fail([...where, 'x-route'], `route "${ir.routeKey}" is declared twice`);
        continue;
      }
      routes.push(ir);
      if (ir.authorizer !== undefined) {
        addFunction({ handler: ir.authorizer, trigger: { kind: 'authorizer', routeKey: ir.routeKey } }, [
          ...where,
          'x-authorizer',
        ]);
      }
      addFunction({ handler, trigger: { kind: 'websocket', routeKey: ir.routeKey } }, [
        ...where,
        'x-handler',
      ]);
      continue;
    }
    if (authorizer !== undefined)
      fail([...where, 'x-authorizer'], 'x-authorizer is only valid on a route ($connect)');
    const channels = operation.channels().all();
    const channel = channels[0];
    if (channels.length !== 1 || channel === undefined) {
      fail([...where, 'channel'], 'an operation with x-handler must have exactly one channel');
      continue;
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
      if (ir === undefined) continue;
      kafkaChannels.push(ir);
      // One function may consume several Kafka channels: AWS maps one topic per event source mapping.
      const existing = functions.find((f) => f.handler === handler);
      if (existing?.trigger.kind === 'kafka') existing.trigger.channels.push(ir.channel);
      else addFunction({ handler, trigger: { kind, channels: [ir.channel] } }, [...where, 'x-handler']);
      continue;
    }
    if (kind !== 'sns' && kind !== 'sqs') {
      fail(
        ['channels', channel.id(), 'servers'],
        `the channel of handler "${handler}" must be served only by an sns, an sqs or a kafka server (found: ${protocols.join(', ') || 'none'})`,
      );
      continue;
    }
    const address = channel.address() ?? '';
    if (!address.startsWith('{prefix}') || address.length === '{prefix}'.length) {
      fail(
        ['channels', channel.id(), 'address'],
        `address "${address}" must be "{prefix}<suffix>" (the resource name)`,
      );
      continue;
    }
    addFunction(
      { handler, trigger: { kind, channel: channel.id(), suffix: address.slice('{prefix}'.length) } },
      [...where, 'x-handler'],
    );
    if (kind === 'sns') {
      for (const title of operation.messages().all().map(schemaTitle)) if (title) publishEnvelopes.add(title);
    }
  }
  for (const route of routes) {
    if (route.authorizer !== undefined && route.routeKey !== '$connect') {
      fail(
        ['operations', route.operationId, 'x-authorizer'],
        'API Gateway only authorizes the $connect route',
      );
    }
  }

  // ---- topics ----------------------------------------------------------------------------------
  const topics: TopicIR[] = [];
  for (const channel of document.channels().all()) {
    const raw = extension(channel, 'x-topic');
    if (raw === undefined) continue;
    const where = ['channels', channel.id(), 'x-topic'];
    const name = channel.address() ?? '';
    const family = extractFamily(channel, addSchema, fail);
    if (family === undefined) continue;
    if (!isJsonObject(raw as JsonValue)) {
      fail(where, 'x-topic must be an object with access and offline');
      continue;
    }
    const topic = raw as JsonObject;
    const access = topic.access;
    const roles = isJsonObject(access) ? access.roles : undefined;
    if (!isJsonObject(access))
      fail(
        where,
        'x-topic.access is required: {roles: [...]} (an empty list lets every user of the realm subscribe)',
      );
    else if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string' && r.length > 0)) {
      fail([...where, 'access'], 'x-topic.access.roles must be a list of role names (may be empty)');
    }
    const owner = extractOwner(
      isJsonObject(access) ? access.owner : undefined,
      family.parameters,
      where,
      fail,
    );
    const offline = extractOffline(topic.offline, [...where, 'offline'], fail);
    const channelMessages = channel.messages().all();
    const message = channelMessages[0];
    const payloadSchema = message === undefined ? undefined : schemaTitle(message);
    if (channelMessages.length !== 1 || payloadSchema === undefined) {
      fail(
        ['channels', channel.id(), 'messages'],
        'a topic channel must have exactly one message with a titled payload schema',
      );
      continue;
    }
    const partitions = topic.partitions ?? 1;
    if (
      typeof partitions !== 'number' ||
      !Number.isInteger(partitions) ||
      partitions < 1 ||
      partitions > MAX_TOPIC_PARTITIONS
    ) {
      fail(
        [...where, 'partitions'],
        `x-topic.partitions must be an integer between 1 and ${MAX_TOPIC_PARTITIONS} (default 1)`,
      );
      continue;
    }
    if (offline === undefined || !Array.isArray(roles)) continue;
    topics.push({
      name,
      ...family,
      ...(owner !== undefined ? { owner } : {}),
      channelId: channel.id(),
      roles: roles as string[],
      offline,
      partitions,
      payloadSchema,
    });
  }
  checkUnique(
    topics.map((t) => t.name),
    (n) => fail(['channels'], `topic "${n}" is declared twice`),
  );
  checkDisjointFamilies(topics, fail);
  const topicName = extractTopicName(document, fail);
  if (topicName !== undefined) checkFamilyExamples(document, topics, topicName, fail);

  // ---- user message types ----------------------------------------------------------------------
  const userMessages: UserMessageIR[] = [];
  for (const message of messages) {
    const raw = extension(message, 'x-user-message');
    if (raw === undefined) continue;
    const where = [...messagePath(message), 'x-user-message'];
    if (!isJsonObject(raw as JsonValue)) {
      fail(where, 'x-user-message must be an object {type, retentionDays}');
      continue;
    }
    const spec = raw as JsonObject;
    const payloadSchema = schemaTitle(message);
    let ok = true;
    if (typeof spec.type !== 'string' || !NAME_PATTERN.test(spec.type)) {
      fail(where, `x-user-message.type is required and must match ${NAME_PATTERN}`);
      ok = false;
    }
    if (
      typeof spec.retentionDays !== 'number' ||
      !Number.isInteger(spec.retentionDays) ||
      spec.retentionDays < 1
    ) {
      fail(
        where,
        'x-user-message.retentionDays is required: a whole number of days >= 1 the offline inbox keeps the message',
      );
      ok = false;
    }
    if (payloadSchema === undefined) {
      fail([...messagePath(message), 'payload'], 'a user message needs a titled payload schema');
      ok = false;
    }
    if (!ok || payloadSchema === undefined) continue;
    userMessages.push({
      type: spec.type as string,
      messageId: message.id(),
      retentionDays: spec.retentionDays as number,
      payloadSchema,
    });
  }
  checkUnique(
    userMessages.map((u) => u.type),
    (t) => fail(['components', 'messages'], `user message type "${t}" is declared twice`),
  );

  // ---- codes and limits ------------------------------------------------------------------------
  const enums = schemasOrEnums(document);
  const errorCodes = extractErrorCodes(document, enums, fail);
  const closeCodes = extractCloseCodes(rootExtension(document, 'x-close-codes'), fail);
  const limits = extractLimits(rootExtension(document, 'x-limits'), fail);

  if (problems.length > 0) throw new ContractError(problems);
  return {
    fileName: parsed.fileName,
    document,
    schemas: [...schemasByTitle.values()].sort((a, b) => compare(a.title, b.title)),
    routes,
    functions,
    topics,
    userMessages,
    kafkaChannels,
    publishEnvelopes: [...publishEnvelopes].sort(compare),
    errorCodes,
    errorCodeTypes: ERROR_CODE_TYPES.filter((t) => !OPTIONAL_ERROR_CODE_TYPES.has(t) || enums.get(t)),
    closeCodes,
    limits,
    topicName: topicName ?? { pattern: '' },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkUnique(values: readonly string[], onDuplicate: (value: string) => void): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) onDuplicate(value);
    seen.add(value);
  }
}

/** Messages in contract order (channels first, then components), each once. */
export function uniqueMessages(document: AsyncAPIDocumentInterface): MessageInterface[] {
  // A channel message and the component it references are two wrappers of the same dereferenced object.
  const seen = new Set<unknown>();
  const out: MessageInterface[] = [];
  for (const message of [...document.messages().all(), ...document.components().messages().all()]) {
    if (seen.has(message.json())) continue;
    seen.add(message.json());
    out.push(message);
  }
  return out;
}

/** Where a message is written in the contract (its channel entry; the locator follows its `$ref`). */
export function messagePath(message: MessageInterface): string[] {
  const pointer = (message.meta() as { pointer?: unknown } | undefined)?.pointer;
  return typeof pointer === 'string' ? pointerToPath(pointer) : ['components', 'messages', message.id()];
}

function rootExtension(document: AsyncAPIDocumentInterface, id: string): unknown {
  return document.extensions().get(id)?.value();
}

type Fail = (segments: ContractPath, message: string) => void;

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

function extractOffline(raw: JsonValue | undefined, where: ContractPath, fail: Fail): OfflineIR | undefined {
  if (!isJsonObject(raw)) {
    fail(
      where,
      'x-topic.offline is required: {policy: drop} or {policy: history, historySize, retentionSeconds}',
    );
    return undefined;
  }
  if (raw.policy === 'drop') return { policy: 'drop' };
  if (raw.policy === 'history') {
    const { historySize, retentionSeconds } = raw;
    if (
      typeof historySize !== 'number' ||
      !Number.isInteger(historySize) ||
      historySize < 1 ||
      historySize > 1000
    ) {
      fail(where, 'x-topic.offline.historySize must be an integer between 1 and 1000');
      return undefined;
    }
    if (typeof retentionSeconds !== 'number' || !Number.isInteger(retentionSeconds) || retentionSeconds < 1) {
      fail(where, 'x-topic.offline.retentionSeconds must be a positive integer');
      return undefined;
    }
    return { policy: 'history', historySize, retentionSeconds };
  }
  fail([...where, 'policy'], 'x-topic.offline.policy must be "drop" or "history"');
  return undefined;
}

/** title → enum values of the component schemas used as error-code types. */
function schemasOrEnums(document: AsyncAPIDocumentInterface): Map<string, unknown[] | undefined> {
  const out = new Map<string, unknown[] | undefined>();
  for (const schema of document.components().schemas().all()) {
    const title = schema.title();
    if (title !== undefined) out.set(title, schema.enum());
  }
  return out;
}

function extractErrorCodes(
  document: AsyncAPIDocumentInterface,
  enums: Map<string, unknown[] | undefined>,
  fail: Fail,
): ErrorCodeIR[] {
  const raw = rootExtension(document, 'x-error-codes') as JsonValue | undefined;
  if (!isJsonObject(raw)) {
    fail(['x-error-codes'], 'x-error-codes is required: a map of code → {retryable, description}');
    return [];
  }
  const declared = new Set<string>();
  for (const title of ERROR_CODE_TYPES) {
    const values = enums.get(title);
    if (values === undefined && OPTIONAL_ERROR_CODE_TYPES.has(title)) continue;
    if (values === undefined || !values.every((v) => typeof v === 'string')) {
      fail(
        ['components', 'schemas', title],
        `components.schemas.${title} must be a string enum (the codes of x-error-codes)`,
      );
      continue;
    }
    for (const value of values as string[]) declared.add(value);
  }
  const out: ErrorCodeIR[] = [];
  for (const [code, spec] of Object.entries(raw)) {
    if (!isJsonObject(spec) || typeof spec.retryable !== 'boolean' || typeof spec.description !== 'string') {
      fail(
        ['x-error-codes', code],
        `x-error-codes.${code} must be {retryable: boolean, description: string}`,
      );
      continue;
    }
    if (!declared.has(code)) {
      fail(
        ['x-error-codes', code],
        `error code ${code} is in x-error-codes but in none of the enums ${ERROR_CODE_TYPES.join(', ')}`,
      );
    }
    out.push({ code, retryable: spec.retryable, description: spec.description });
  }
  for (const code of declared) {
    if (!(code in raw))
      fail(
        ['x-error-codes'],
        `error code ${code} is in an enum (${ERROR_CODE_TYPES.join(' or ')}) but missing from x-error-codes`,
      );
  }
  return out;
}

function extractCloseCodes(raw: unknown, fail: Fail): CloseCodeIR[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    fail(['x-close-codes'], 'x-close-codes is required: a list of {from, to, retryable, name, description}');
    return [];
  }
  const out: CloseCodeIR[] = [];
  raw.forEach((entry: unknown, index: number) => {
    const where = ['x-close-codes', index];
    const e = entry as JsonValue;
    if (
      !isJsonObject(e) ||
      typeof e.from !== 'number' ||
      typeof e.to !== 'number' ||
      typeof e.retryable !== 'boolean' ||
      typeof e.name !== 'string' ||
      typeof e.description !== 'string'
    ) {
      fail(where, 'each x-close-codes entry must be {from, to, retryable, name, description}');
      return;
    }
    if (
      !Number.isInteger(e.from) ||
      !Number.isInteger(e.to) ||
      e.from < 1000 ||
      e.to > 4999 ||
      e.from > e.to
    ) {
      fail(where, `close code range ${e.from}–${e.to} must be integers with 1000 <= from <= to <= 4999`);
      return;
    }
    if (!CLOSE_NAME_PATTERN.test(e.name)) fail(where, `close code name "${e.name}" must be UPPER_SNAKE_CASE`);
    const { from, to, retryable, name, description } = e;
    const unknown = Object.keys(e).filter(
      (k) => !['from', 'to', 'retryable', 'name', 'description'].includes(k),
    );
    // Catches YAML slips such as an unquoted comma inside a flow mapping, which silently splits a description.
    if (unknown.length > 0)
      fail(where, `unknown key(s) ${unknown.join(', ')} (quote descriptions that contain commas)`);
    const overlap = out.find((o) => from <= o.to && o.from <= to);
    if (overlap !== undefined) fail(where, `close code range ${from}–${to} overlaps ${overlap.name}`);
    if (out.some((o) => o.name === name)) fail(where, `close code name ${name} is used twice`);
    out.push({ from, to, retryable, name, description });
  });
  return out;
}

function extractLimits(raw: unknown, fail: Fail): Record<string, number> {
  const value = raw as JsonValue | undefined;
  if (!isJsonObject(value)) {
    fail(['x-limits'], `x-limits is required with ${LIMIT_KEYS.join(', ')}`);
    return {};
  }
  const out: Record<string, number> = {};
  for (const key of LIMIT_KEYS) {
    const v = value[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      fail(['x-limits', key], `x-limits.${key} must be a positive integer`);
    else out[key] = v;
  }
  for (const key of Object.keys(value)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key))
      fail(['x-limits', key], `unknown limit ${key} (known: ${LIMIT_KEYS.join(', ')})`);
  }
  return out;
}

type AddSchema = (title: string, json: JsonValue, where: ContractPath) => void;
type ChannelLike = ReturnType<AsyncAPIDocumentInterface['channels']>['all'] extends () => (infer C)[]
  ? C
  : never;

/** The address split into segments, with each parameter's schema (`x-schema`) registered as a validator. */
function extractFamily(
  channel: ChannelLike,
  addSchema: AddSchema,
  fail: Fail,
): Pick<TopicIR, 'filter' | 'segments' | 'parameters'> | undefined {
  const address = channel.address() ?? '';
  const where = ['channels', channel.id(), 'address'];
  const segments: TopicSegmentIR[] = [];
  for (const [index, part] of address.split('.').entries()) {
    const param = PARAM_SEGMENT.exec(part)?.[1];
    if (param !== undefined && index > 0) segments.push({ param });
    else if (NAME_PATTERN.test(part)) segments.push({ literal: part });
    else {
      fail(
        where,
        `topic address "${address}": each dot-separated segment must be a name matching ${NAME_PATTERN} or a whole {parameter} (not the first)`,
      );
      return undefined;
    }
  }
  const declared = new Map(
    channel
      .parameters()
      .all()
      .map((p) => [p.id(), p]),
  );
  const parameters: TopicParameterIR[] = [];
  for (const segment of segments) {
    if (!('param' in segment)) continue;
    const parameter = declared.get(segment.param);
    const schema = parameter?.extensions().get('x-schema')?.value() as JsonValue | undefined;
    const at = ['channels', channel.id(), 'parameters', segment.param];
    if (
      parameter === undefined ||
      !isJsonObject(schema) ||
      schema.type !== 'string' ||
      typeof schema.title !== 'string'
    ) {
      fail(at, 'a topic parameter needs x-schema: a titled JSON Schema of type string (pattern, maxLength)');
      return undefined;
    }
    if (parameters.some((p) => p.name === segment.param)) {
      fail(where, `parameter {${segment.param}} appears twice in "${address}"`);
      return undefined;
    }
    addSchema(schema.title, schema, [...at, 'x-schema']);
    const description = parameter.description();
    parameters.push({
      name: segment.param,
      schemaTitle: schema.title,
      ...(description !== undefined ? { description } : {}),
    });
  }
  const filter = segments.map((s) => ('literal' in s ? s.literal : '*')).join('.');
  return { filter, segments, parameters };
}

function extractOwner(
  raw: JsonValue | undefined,
  parameters: readonly TopicParameterIR[],
  where: ContractPath,
  fail: Fail,
): TopicOwnerIR | undefined {
  if (raw === undefined) return undefined;
  const at = [...where, 'access', 'owner'];
  const roles = isJsonObject(raw) ? (raw.overrideRoles ?? []) : undefined;
  if (
    !isJsonObject(raw) ||
    typeof raw.parameter !== 'string' ||
    !Array.isArray(roles) ||
    !roles.every((r) => typeof r === 'string' && r.length > 0)
  ) {
    fail(
      at,
      'x-topic.access.owner must be {parameter: <a parameter of the address>, overrideRoles: [role, ...]}',
    );
    return undefined;
  }
  if (!parameters.some((p) => p.name === raw.parameter)) {
    fail(at, `owner parameter "${raw.parameter}" is not a parameter of the topic's address`);
    return undefined;
  }
  return { parameter: raw.parameter, overrideRoles: roles as string[] };
}

/** Two families with the same number of segments must differ in a literal at some position. */
function checkDisjointFamilies(topics: readonly TopicIR[], fail: Fail): void {
  for (const [i, a] of topics.entries()) {
    for (const b of topics.slice(i + 1)) {
      if (a.segments.length !== b.segments.length) continue;
      const disjoint = a.segments.some((sa, k) => {
        const sb = b.segments[k];
        return sb !== undefined && 'literal' in sa && 'literal' in sb && sa.literal !== sb.literal;
      });
      if (!disjoint)
        fail(
          ['channels', b.channelId, 'address'],
          `topic "${b.name}" can match the same names as "${a.name}"`,
        );
    }
  }
}

function extractTopicName(document: AsyncAPIDocumentInterface, fail: Fail): { pattern: string } | undefined {
  const pattern = document.components().schemas().get('TopicName')?.pattern();
  if (pattern === undefined) {
    fail(['components', 'schemas', 'TopicName'], 'components.schemas.TopicName needs a pattern');
    return undefined;
  }
  return { pattern };
}

/** Every family, filled with its parameters' examples, must give a valid concrete topic name. */
function checkFamilyExamples(
  document: AsyncAPIDocumentInterface,
  topics: readonly TopicIR[],
  topicName: { pattern: string },
  fail: Fail,
): void {
  const valid = new RegExp(topicName.pattern);
  for (const topic of topics) {
    const channel = document.channels().get(topic.channelId);
    const example = topic.segments
      .map((s) => {
        if ('literal' in s) return s.literal;
        const json = channel?.parameters().get(s.param)?.json() as JsonValue | undefined;
        const first = isJsonObject(json) && Array.isArray(json.examples) ? json.examples[0] : undefined;
        return typeof first === 'string' ? first : 'x';
      })
      .join('.');
    if (!valid.test(example))
      fail(
        ['channels', topic.channelId, 'address'],
        `"${example}" (the address with its parameters' first examples) is not a valid TopicName`,
      );
  }
}

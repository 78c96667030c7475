// Topics: channels with x-topic (fixed topics and families with parameters), their access and offline policy.
import type { AsyncAPIDocumentInterface, MessageInterface } from '@asyncapi/parser';
import type { ContractPath } from './contract.js';
import type { OfflineIR, TopicIR, TopicOwnerIR, TopicParameterIR, TopicSegmentIR } from './extract.js';
import { checkUnique, extension, type Fail, NAME_PATTERN } from './extract-common.js';
import type { SchemaCollection } from './extract-schemas.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/** Upper bound of x-topic.partitions: a broadcast Queries every partition. */
export const MAX_TOPIC_PARTITIONS = 64;
/**
 * Subscription rows one partition key takes in a reconnect storm: the whole audience reconnects within about
 * 60 s (the storm, the client's backoff), and a key absorbs about 1,000 writes/s, of which we plan for
 * half (hash imbalance, the welcome marker's removal): 60 s × 500 writes/s.
 */
export const AUDIENCE_PER_PARTITION = 30_000;
/**
 * Audience assumed for a fixed topic every user may subscribe to (empty roles, no owner) that states no
 * `expectedAudience`: every connection of a realm, sized for 240,000 → 8 partition keys, which keeps a storm at
 * 2,000 new connections/s (a raised account quota) near 250 subscription writes/s per key.
 */
export const OPEN_TOPIC_DEFAULT_AUDIENCE = 240_000;
const PARAM_SEGMENT = /^\{([A-Za-z][A-Za-z0-9]{0,62})\}$/;

export function extractTopics(
  document: AsyncAPIDocumentInterface,
  addSchema: SchemaCollection['addSchema'],
  schemaTitle: (message: MessageInterface) => string | undefined,
  fail: Fail,
): { topics: TopicIR[]; topicName: { pattern: string } | undefined } {
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
    const open = Array.isArray(roles) && roles.length === 0 && owner === undefined;
    const partitions = topicPartitions(topic, { open, family: family.parameters.length > 0 }, where, fail);
    if (partitions === undefined) continue;
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

  return { topics, topicName };
}

/**
 * How many partition keys a topic's subscription rows are spread over: `x-topic.partitions` when stated, else
 * `ceil(expectedAudience / AUDIENCE_PER_PARTITION)` when the audience is stated, else by default 8 for a fixed
 * open topic (OPEN_TOPIC_DEFAULT_AUDIENCE) and 1 for the others (a family's topics each have their own keys).
 */
function topicPartitions(
  topic: JsonObject,
  kind: { open: boolean; family: boolean },
  where: ContractPath,
  fail: Fail,
): number | undefined {
  const { partitions, expectedAudience } = topic;
  if (partitions !== undefined && expectedAudience !== undefined) {
    fail(
      where,
      'x-topic states partitions or expectedAudience, not both (partitions follow from the audience)',
    );
    return undefined;
  }
  if (expectedAudience !== undefined) {
    if (typeof expectedAudience !== 'number' || !Number.isInteger(expectedAudience) || expectedAudience < 1) {
      fail(
        [...where, 'expectedAudience'],
        'x-topic.expectedAudience must be a positive integer (subscribers)',
      );
      return undefined;
    }
    return partitionsForAudience(expectedAudience);
  }
  if (partitions === undefined) return defaultPartitions(kind);
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
    return undefined;
  }
  return partitions;
}

/** The count of a topic that states neither `partitions` nor `expectedAudience`. */
export function defaultPartitions(kind: { open: boolean; family: boolean }): number {
  return kind.open && !kind.family ? partitionsForAudience(OPEN_TOPIC_DEFAULT_AUDIENCE) : 1;
}

/** Partition keys for an audience: one per AUDIENCE_PER_PARTITION subscribers, 1 to MAX_TOPIC_PARTITIONS. */
export function partitionsForAudience(audience: number): number {
  return Math.min(MAX_TOPIC_PARTITIONS, Math.max(1, Math.ceil(audience / AUDIENCE_PER_PARTITION)));
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

/**
 * Topics, user message types and example payloads picked from the contract by what a test needs ("a topic every
 * user may read, with history"), never by name: adding or renaming a topic or a type needs no test edit.
 * Payloads are the contract's own examples, which codegen validates against their schemas.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import {
  matchTopic,
  type TopicDefinition,
  type TopicFamily,
  type TopicName,
  topicFamilies,
  topicNames,
  topicPayloadValidators,
  topicRegistry,
  type UserMessageTypeName,
  userMessageRegistry,
  userMessageTypes,
} from '../../generated/index.js';
import { type CatalogEntry, catalogFromContract } from '../../src/local/console/contract-catalog.js';
import type { AnyTopicPublishInput, AnyUserPublishInput } from '../../src/publisher/index.js';

type Json = Record<string, unknown>;

// The console's reading of the contract's examples: one reader for the page and the tests.
const catalog = catalogFromContract(
  parse(readFileSync(resolve(import.meta.dirname, '../../asyncapi.yaml'), 'utf8')),
);

function entry(entries: CatalogEntry[], name: string, what: string): CatalogEntry {
  const found = entries.find((e) => e.name === name);
  if (found === undefined || found.example === undefined)
    throw new Error(`the contract has no example payload for ${what} ${name}`);
  return found;
}

/** The first example payload of a topic family's message. */
export function topicExample(family: TopicFamily): Json {
  return entry(catalog.topics, family, 'topic').example as Json;
}

/** A concrete topic of a family, each parameter its first example (`jobs.8812`); a fixed topic is itself. */
export function sampleTopic(family: TopicFamily): string {
  return entry(catalog.topics, family, 'topic').sample ?? family;
}

/** The first example payload of a user message type. */
export function userMessageExample(type: UserMessageTypeName): Json {
  return entry(catalog.userMessageTypes, type, 'user message type').example as Json;
}

type Definition = TopicDefinition<TopicFamily>;

function pickFixed(what: string, test: (d: Definition) => boolean): TopicName {
  const name = topicNames.find((n) => test(topicRegistry[n] as Definition));
  if (name === undefined) throw new Error(`the contract has no fixed topic that is ${what}`);
  return name;
}

const open = (d: Definition) => d.access.roles.length === 0;

/** Fixed topics picked by trait. Each throws at import when the contract has none such. */
export const topics = {
  /** Every user of the realm may read it and it keeps a history for offline users. */
  openHistory: pickFixed('open with history', (d) => open(d) && d.offline.policy === 'history'),
  /** Every user of the realm may read it and offline users miss it. */
  openDrop: pickFixed('open without history', (d) => open(d) && d.offline.policy === 'drop'),
  /** Only tokens with one of its roles may read it. */
  gated: pickFixed('role-gated', (d) => !open(d)),
} as const;

/** The roles that open `topics.gated`. */
export const gatedRoles: readonly string[] = topicRegistry[topics.gated].access.roles;

/** A family with a parameter and an owner rule, and one without an owner rule, when the contract has them. */
export const families = {
  owned: topicFamilies.find((f) => topicRegistry[f].access.owner !== undefined),
  unowned: topicFamilies.find(
    (f) => topicRegistry[f].segments.some((s) => 'param' in s) && topicRegistry[f].access.owner === undefined,
  ),
};

/** The history size of a history topic. */
export function historySize(name: TopicName): number {
  const offline = topicRegistry[name].offline;
  if (offline.policy !== 'history') throw new Error(`${name} keeps no history`);
  return offline.historySize;
}

/** A user message type (the first the contract declares). */
export const userMessageType: UserMessageTypeName = userMessageTypes[0];

/** A concrete topic of a family with the given parameter values (`{userId: 'bob'}` → `users.bob.activity`). */
export function concreteTopic(family: TopicFamily, values: Readonly<Record<string, string>>): string {
  return topicRegistry[family].segments
    .map((s) => {
      if ('literal' in s) return s.literal;
      const value = values[s.param];
      if (value === undefined) throw new Error(`no value for parameter ${s.param} of ${family}`);
      return value;
    })
    .join('.');
}

/** The family's owner parameter (`userId`), when it has an owner rule. */
export function ownerParameter(family: TopicFamily): string {
  const owner = topicRegistry[family].access.owner;
  if (owner === undefined) throw new Error(`${family} has no owner rule`);
  return owner.parameter;
}

/** The contract's example payload for a concrete topic (its family's first example). */
export function payloadFor(topic: string): Json {
  const match = matchTopic(topic);
  if (!match.ok) throw new Error(`${topic} is no topic of the contract: ${match.reason}`);
  return topicExample(match.family);
}

/** A well-formed topic name that no family of the contract matches (UNKNOWN_TOPIC). */
export const unknownTopic: string = (() => {
  for (let n = 0; ; n++) {
    const name = `no-such-topic-${n}`;
    const match = matchTopic(name);
    if (!match.ok && match.code === 'UNKNOWN_TOPIC') return name;
  }
})();

/** A topic name that fails the contract's TopicName pattern (INVALID_TOPIC_NAME). */
export const invalidTopicName = 'Not_A_Topic';
const invalidMatch = matchTopic(invalidTopicName);
if (invalidMatch.ok || invalidMatch.code !== 'INVALID_TOPIC_NAME')
  throw new Error(`${invalidTopicName} is not an invalid topic name under the contract's pattern`);

/**
 * A payload the topic's schema refuses: its example with one required field's value replaced by an object
 * (no field of the contract's payloads is an object today; checked against the generated validator).
 */
export function invalidPayloadFor(topic: string): { payload: Json; field: string } {
  const { family, validate } = topicValidator(topic);
  return invalidVariant(topicExample(family), validate, family);
}

function invalidVariant(example: Json, validate: Validate, what: string): { payload: Json; field: string } {
  for (const field of Object.keys(example)) {
    const candidate = { ...example, [field]: { not: 'valid' } };
    if (!validate(candidate).ok) return { payload: candidate, field };
  }
  throw new Error(`no invalid variant of ${what}'s example found`);
}

type Validate = (value: unknown) => { ok: boolean };

function topicValidator(topic: string): { family: TopicFamily; validate: Validate } {
  const match = matchTopic(topic);
  if (!match.ok) throw new Error(`${topic} is no topic of the contract: ${match.reason}`);
  return { family: match.family, validate: topicPayloadValidators[match.family] as Validate };
}

/** The topic's example without one of its required fields (the first whose removal the schema refuses). */
export function payloadMissingFieldFor(topic: string): { payload: Json; field: string } {
  const { family, validate } = topicValidator(topic);
  const example = topicExample(family);
  for (const field of Object.keys(example)) {
    const { [field]: _removed, ...rest } = example;
    if (!validate(rest).ok) return { payload: rest, field };
  }
  throw new Error(`${family}'s example has no required field`);
}

/**
 * A free-text field of the topic's payload that holds `length` characters under the schema (checked against the
 * generated validator), for tests of sizes: the example with that field filled.
 */
export function payloadWithTextOf(
  topic: string,
  length: number,
  char = '€',
): { payload: Json; field: string } {
  const { family, validate } = topicValidator(topic);
  const example = topicExample(family);
  for (const [field, value] of Object.entries(example)) {
    if (typeof value !== 'string') continue;
    const candidate = { ...example, [field]: char.repeat(length) };
    if (validate(candidate).ok) return { payload: candidate, field };
  }
  throw new Error(`${family}'s payload has no free-text field of ${length} characters`);
}

/** The example of a user message type with one required field's value replaced by an object (refused). */
export function invalidUserPayloadFor(type: UserMessageTypeName): { payload: Json; field: string } {
  return invalidVariant(userMessageExample(type), userMessageRegistry[type].validate as Validate, type);
}

/** A second user message type when the contract has one (else the first). */
export const otherUserMessageType: UserMessageTypeName = userMessageTypes[1] ?? userMessageTypes[0];

/** A concrete topic of the family whose first parameter is one character longer than its schema allows. */
export function overlongParameterTopic(family: TopicFamily): { topic: string; parameter: string } {
  const params = topicRegistry[family].segments.flatMap((s) => ('param' in s ? [s.param] : []));
  const [parameter] = params;
  if (parameter === undefined) throw new Error(`${family} has no parameter`);
  const samples = Object.fromEntries(params.map((p) => [p, 'x']));
  for (let n = 1; n <= 128; n++) {
    const topic = concreteTopic(family, { ...samples, [parameter]: 'x'.repeat(n) });
    if (!matchTopic(topic).ok) return { topic, parameter };
  }
  throw new Error(`${family}'s parameter ${parameter} takes 128 characters`);
}

/** A topic message for the publisher's typed API: a picked topic (open, with history, by default), its example. */
export function topicMessage(topic: string = topics.openHistory, realm = 'acme'): AnyTopicPublishInput {
  return { realm, topic, payload: payloadFor(topic) } as unknown as AnyTopicPublishInput;
}

/** A user message for the publisher's typed API: a user message type (the first by default) and its example. */
export function userMessage(
  userId = 'alice',
  type: UserMessageTypeName = userMessageType,
  realm = 'acme',
): AnyUserPublishInput {
  return { realm, userId, type, payload: userMessageExample(type) } as unknown as AnyUserPublishInput;
}

/** A fixed topic whose payload has an enum field (found through the generated validator), and that field. */
export const topicWithEnumField: { topic: TopicName; field: string } = (() => {
  for (const topic of topicNames) {
    const example = topicExample(topic);
    for (const [field, value] of Object.entries(example)) {
      if (typeof value !== 'string') continue;
      const result = topicRegistry[topic].validate({ ...example, [field]: 'not-one-of-them' });
      if (!result.ok && result.errors.some((e) => e.keyword === 'enum')) return { topic, field };
    }
  }
  throw new Error('no fixed topic of the contract has an enum field in its payload');
})();

/** A user message type name the contract does not declare. */
export const unknownUserMessageType: string = (() => {
  const declared: readonly string[] = userMessageTypes;
  for (let n = 0; ; n++) if (!declared.includes(`no-such-type-${n}`)) return `no-such-type-${n}`;
})();

/** A family with a parameter (the first the contract declares), for tests of concrete topics of a family. */
export const parameterizedFamily: TopicFamily = (() => {
  const family = topicFamilies.find((f) => topicRegistry[f].segments.some((s) => 'param' in s));
  if (family === undefined) throw new Error('the contract has no topic family with a parameter');
  return family;
})();

/** A concrete topic of a family with every parameter `value` unless given in `values` (`jobs.a-1`). */
export function topicIn(
  family: TopicFamily,
  value: string,
  values: Readonly<Record<string, string>> = {},
): string {
  const params = topicRegistry[family].segments.flatMap((s) => ('param' in s ? [s.param] : []));
  return concreteTopic(family, { ...Object.fromEntries(params.map((p) => [p, value])), ...values });
}

/** A family with a parameter, no owner rule and no roles, that keeps a history (replay on subscribe). */
export const historyFamily: TopicFamily = (() => {
  const found = topicFamilies.find((f) => {
    const d = topicRegistry[f] as Definition;
    return (
      d.segments.some((s) => 'param' in s) && open(d) && !d.access.owner && d.offline.policy === 'history'
    );
  });
  if (found === undefined) throw new Error('the contract has no open family with a parameter and a history');
  return found;
})();

/** The open fixed topic spread over the most partition keys (the largest expected audience, x-topic.partitions). */
export const widestTopic: TopicName = topicNames
  .filter((n) => open(topicRegistry[n] as Definition))
  .reduce((a, b) => (topicRegistry[b].partitions > topicRegistry[a].partitions ? b : a));

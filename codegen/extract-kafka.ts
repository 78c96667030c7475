// The Kafka channels of the contract (a `kafka` server, Kafka bindings on messages and operations): topic
// suffix, consumer group, record key template and headers, each checked against the envelope it carries so a
// key or header naming a field the envelope does not have fails codegen, not a deployment.
import type { ChannelInterface, MessageInterface, OperationInterface } from '@asyncapi/parser';
import type { ContractPath } from './contract.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

export interface KafkaHeaderIR {
  /** Header name on the record, e.g. `wspush-correlation-id`. */
  name: string;
  /** The envelope field whose value the header carries. */
  field: string;
}

export interface KafkaChannelIR {
  /** Contract channel id, e.g. `broadcast-stream`. */
  channel: string;
  /** Topic name `<prefix><suffix>` (a stack may override it). */
  suffix: string;
  /** Consumer group `<prefix><consumerGroupSuffix>` (a stack may override it). */
  consumerGroupSuffix: string;
  /** Schema title of the record value (the envelope), e.g. `BroadcastEnvelope`. */
  envelope: string;
  /** Record key template, e.g. `{realm}#{userId}`. */
  keyTemplate: string;
  /** The envelope fields of the key template, in order. */
  keyFields: string[];
  headers: KafkaHeaderIR[];
}

type Fail = (segments: ContractPath, message: string) => void;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
/** Literal characters a key template may contain between placeholders (none of the id patterns allow `#`). */
const KEY_LITERAL = /^[#:/|]*$/;

function record(value: unknown): JsonObject | undefined {
  return isJsonObject(value as JsonValue) ? (value as JsonObject) : undefined;
}

/** Required string properties of an object schema (the only fields a key or a header may carry). */
function requiredStrings(schema: JsonObject | undefined): Set<string> {
  const out = new Set<string>();
  const required = Array.isArray(schema?.required) ? schema.required : [];
  const properties = record(schema?.properties) ?? {};
  for (const name of required) {
    if (typeof name === 'string' && record(properties[name])?.type === 'string') out.add(name);
  }
  return out;
}

function keyTemplateOf(template: string, fields: Set<string>, where: ContractPath, fail: Fail) {
  const keyFields = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
  const literals = template.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
  if (keyFields.length === 0 || !literals.every((l) => KEY_LITERAL.test(l))) {
    fail(where, `x-template "${template}" must be {field} placeholders joined by #, :, / or |`);
    return undefined;
  }
  const unknown = keyFields.filter((f) => !fields.has(f));
  if (unknown.length > 0) {
    fail(where, `x-template names ${unknown.join(', ')}, not a required string field of the envelope`);
    return undefined;
  }
  return keyFields;
}

/** One Kafka channel of an operation with x-handler, or undefined after reporting what is wrong. */
export function extractKafkaChannel(
  operation: OperationInterface,
  channel: ChannelInterface,
  fail: Fail,
): KafkaChannelIR | undefined {
  const opWhere = ['operations', operation.id() ?? ''];
  const address = channel.address() ?? '';
  const message: MessageInterface | undefined = channel.messages().all()[0];
  if (channel.messages().all().length !== 1 || message === undefined) {
    fail(['channels', channel.id(), 'messages'], 'a Kafka channel carries exactly one message');
    return undefined;
  }
  const msgWhere = ['components', 'messages', message.id()];
  const envelope = message.payload();
  const envelopeTitle = envelope?.title();
  const fields = requiredStrings(record(envelope?.json()));
  const groupName = record(record(operation.bindings().get('kafka')?.value())?.groupId)?.['x-name'];
  const key = record(record(message.bindings().get('kafka')?.value())?.key);
  const template = key?.['x-template'];
  const headers = message.headers();
  let ok = true;
  const check = (condition: boolean, where: ContractPath, text: string): void => {
    if (!condition) {
      fail(where, text);
      ok = false;
    }
  };
  check(
    address.startsWith('{prefix}') && address.length > '{prefix}'.length,
    ['channels', channel.id(), 'address'],
    `address "${address}" must be "{prefix}<suffix>" (the topic name)`,
  );
  check(
    typeof groupName === 'string' && groupName.startsWith('{prefix}') && groupName.length > 8,
    [...opWhere, 'bindings', 'kafka', 'groupId'],
    'bindings.kafka.groupId needs x-name "{prefix}<suffix>" (the consumer group of the stack)',
  );
  check(
    envelopeTitle !== undefined && fields.size > 0,
    [...msgWhere, 'payload'],
    'a Kafka record value must be a titled object schema (the envelope)',
  );
  check(
    typeof template === 'string',
    [...msgWhere, 'bindings', 'kafka', 'key'],
    'bindings.kafka.key needs x-template, the record key built from envelope fields (e.g. "{realm}")',
  );
  check(
    headers !== undefined,
    [...msgWhere, 'headers'],
    'a Kafka record message needs a headers schema (the wspush-* headers and the envelope fields they carry)',
  );
  if (!ok) return undefined;
  const keyFields = keyTemplateOf(
    template as string,
    fields,
    [...msgWhere, 'bindings', 'kafka', 'key'],
    fail,
  );
  const headerList: KafkaHeaderIR[] = [];
  for (const [name, schema] of Object.entries(record(headers?.json())?.properties ?? {})) {
    const field = record(schema)?.['x-envelope-field'];
    if (typeof field !== 'string' || !fields.has(field)) {
      fail(
        [...msgWhere, 'headers', 'properties', name],
        `header "${name}" needs x-envelope-field naming a required string field of the envelope`,
      );
      return undefined;
    }
    headerList.push({ name, field });
  }
  if (keyFields === undefined) return undefined;
  return {
    channel: channel.id(),
    suffix: address.slice('{prefix}'.length),
    consumerGroupSuffix: (groupName as string).slice('{prefix}'.length),
    envelope: envelopeTitle as string,
    keyTemplate: template as string,
    keyFields,
    headers: headerList,
  };
}

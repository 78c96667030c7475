// generated/kafka.ts: the contract's Kafka channels with their record key and headers as functions of the
// envelope, so the router, the publisher's Kafka transport and the local consumer build and check the same key.
import type { ContractIR, KafkaChannelIR } from '../extract.js';
import { banner, file, key, literal, str, stringArray } from './common.js';

/** `{realm}#{userId}` → `e.realm + '#' + e.userId` (placeholders were checked against the envelope). */
function keyExpression(template: string): string {
  return template
    .split(/(\{[A-Za-z][A-Za-z0-9]*\})/)
    .filter((part) => part.length > 0)
    .map((part) => (part.startsWith('{') ? `e.${part.slice(1, -1)}` : str(part)))
    .join(' + ');
}

function modelOf(title: string, modelNames: Set<string>): string {
  return modelNames.has(title) ? title : 'Record<string, string>';
}

function definition(c: KafkaChannelIR): string {
  const headerMap: Record<string, string> = {};
  for (const h of c.headers) headerMap[h.name] = h.field;
  const values = c.headers.map((h) => `${key(h.name)}: e.${h.field}`).join(', ');
  return [
    `  ${key(c.channel)}: {`,
    `    channel: ${str(c.channel)},`,
    `    suffix: ${str(c.suffix)},`,
    `    consumerGroupSuffix: ${str(c.consumerGroupSuffix)},`,
    `    envelopeSchema: ${str(c.envelope)},`,
    `    keyTemplate: ${str(c.keyTemplate)},`,
    `    key: (e) => ${keyExpression(c.keyTemplate)},`,
    `    headers: ${literal(headerMap, '    ')},`,
    `    headerValues: (e) => ({ ${values} }),`,
    '  },',
  ].join('\n');
}

export function emitKafka(ir: ContractIR, modelNames: Set<string>): string {
  const names = ir.kafkaChannels.map((c) => c.channel);
  const models = [
    ...new Set(ir.kafkaChannels.map((c) => c.envelope).filter((t) => modelNames.has(t))),
  ].sort();
  return file([
    banner(ir.fileName),
    [
      models.length > 0 ? `import type { ${models.join(', ')} } from './models.js';` : '',
      "import type { SchemaTitle } from './validation.js';",
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
    [
      '/** The channels of the `kafka` server, in contract order. */',
      `export const kafkaChannelNames = ${stringArray(names)} as const;`,
      'export type KafkaChannelName = (typeof kafkaChannelNames)[number];',
    ].join('\n'),
    [
      '/** The envelope (record value) of each Kafka channel. */',
      'export interface KafkaChannelEnvelopes {',
      ...ir.kafkaChannels.map((c) => `  ${key(c.channel)}: ${modelOf(c.envelope, modelNames)};`),
      '}',
    ].join('\n'),
    [
      'export interface KafkaChannelDefinition<C extends KafkaChannelName> {',
      '  readonly channel: C;',
      '  /** The topic is `<prefix><suffix>` unless the stack names it. */',
      '  readonly suffix: string;',
      '  /** The consumer group is `<prefix><consumerGroupSuffix>` unless the stack names it. */',
      '  readonly consumerGroupSuffix: string;',
      '  /** Schema of the record value. */',
      '  readonly envelopeSchema: SchemaTitle;',
      '  /** The record key template (`x-template`), e.g. `{realm}#{userId}`. */',
      '  readonly keyTemplate: string;',
      '  /** The record key of an envelope: a record whose key differs is rejected. */',
      '  key(e: KafkaChannelEnvelopes[C]): string;',
      '  /** Header name → the envelope field it carries. */',
      '  readonly headers: Readonly<Record<string, string>>;',
      '  /** The record headers of an envelope (UTF-8 values). */',
      '  headerValues(e: KafkaChannelEnvelopes[C]): Record<string, string>;',
      '}',
    ].join('\n'),
    `export const kafkaChannels: { readonly [C in KafkaChannelName]: KafkaChannelDefinition<C> } = {\n${ir.kafkaChannels.map(definition).join('\n')}\n};`,
    [
      'export function isKafkaChannelName(value: unknown): value is KafkaChannelName {',
      "  return typeof value === 'string' && Object.hasOwn(kafkaChannels, value);",
      '}',
    ].join('\n'),
  ]);
}

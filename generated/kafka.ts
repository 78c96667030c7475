// Code generated from asyncapi.yaml. DO NOT EDIT.

import type { BroadcastEnvelope, UserEnvelope } from './models.js';
import type { SchemaTitle } from './validation.js';

/** The channels of the `kafka` server, in contract order. */
export const kafkaChannelNames = ['broadcast-stream', 'user-stream'] as const;
export type KafkaChannelName = (typeof kafkaChannelNames)[number];

/** The envelope (record value) of each Kafka channel. */
export interface KafkaChannelEnvelopes {
  'broadcast-stream': BroadcastEnvelope;
  'user-stream': UserEnvelope;
}

export interface KafkaChannelDefinition<C extends KafkaChannelName> {
  readonly channel: C;
  /** The topic is `<prefix><suffix>` unless the stack names it. */
  readonly suffix: string;
  /** The consumer group is `<prefix><consumerGroupSuffix>` unless the stack names it. */
  readonly consumerGroupSuffix: string;
  /** Schema of the record value. */
  readonly envelopeSchema: SchemaTitle;
  /** The record key template (`x-template`), e.g. `{realm}#{userId}`. */
  readonly keyTemplate: string;
  /** The record key of an envelope: a record whose key differs is rejected. */
  key(e: KafkaChannelEnvelopes[C]): string;
  /** Header name → the envelope field it carries. */
  readonly headers: Readonly<Record<string, string>>;
  /** The record headers of an envelope (UTF-8 values). */
  headerValues(e: KafkaChannelEnvelopes[C]): Record<string, string>;
}

export const kafkaChannels: { readonly [C in KafkaChannelName]: KafkaChannelDefinition<C> } = {
  'broadcast-stream': {
    channel: 'broadcast-stream',
    suffix: '-broadcast',
    consumerGroupSuffix: '-kafka-broadcast',
    envelopeSchema: 'BroadcastEnvelope',
    keyTemplate: '{realm}',
    key: (e) => e.realm,
    headers: {
      'wspush-correlation-id': 'correlationId',
      'wspush-message-type': 'topic',
    },
    headerValues: (e) => ({ 'wspush-correlation-id': e.correlationId, 'wspush-message-type': e.topic }),
  },
  'user-stream': {
    channel: 'user-stream',
    suffix: '-user',
    consumerGroupSuffix: '-kafka-user',
    envelopeSchema: 'UserEnvelope',
    keyTemplate: '{realm}#{userId}',
    key: (e) => e.realm + '#' + e.userId,
    headers: {
      'wspush-correlation-id': 'correlationId',
      'wspush-message-type': 'type',
    },
    headerValues: (e) => ({ 'wspush-correlation-id': e.correlationId, 'wspush-message-type': e.type }),
  },
};

export function isKafkaChannelName(value: unknown): value is KafkaChannelName {
  return typeof value === 'string' && Object.hasOwn(kafkaChannels, value);
}

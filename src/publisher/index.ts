/**
 * wspush publisher SDK (`wspush/publisher`, Node): typed, validated publishing to the broadcast and user SNS
 * topics, or to the contract's Kafka topics.
 */
export {
  type AnyTopicPublishInput,
  type AnyUserPublishInput,
  type EnvelopeDefaults,
  type MessageAttribute,
  type PreparedMessage,
  PublishValidationError,
  prepareTopicMessage,
  prepareUserMessage,
  type TopicPublishInput,
  type UncheckedTopicInput,
  type UncheckedUserInput,
  type UserPublishInput,
} from './envelope.js';
export { PublisherConfigError } from './errors.js';
export { createUlidGenerator, type IdGenerator, newCorrelationId, ulid } from './ids.js';
export {
  chunkRecords,
  createKafkaProducer,
  createKafkaPublisher,
  KAFKA_BATCH_MAX_BYTES,
  KAFKA_BATCH_MAX_RECORDS,
  type KafkaConnectionOptions,
  type KafkaProducerPort,
  type KafkaPublisherOptions,
  type KafkaRecord,
  toKafkaRecord,
} from './kafka-transport.js';
export {
  BATCH_MAX_BYTES,
  BATCH_MAX_ENTRIES,
  type BatchEntryResult,
  chunkBatch,
  createPublisher,
  type Publisher,
  type PublisherOptions,
  type PublishResult,
  type SnsSender,
} from './publisher.js';
export {
  createSnsClient,
  LOCAL_BROADCAST_TOPIC_ARN,
  LOCAL_ENDPOINT,
  LOCAL_USER_TOPIC_ARN,
  type SnsClientOptions,
} from './sns-client.js';
export type { TargetInput } from './target.js';

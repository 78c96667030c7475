/**
 * wspush client SDK (`wspush/client`; browsers and Node ≥ 20). Nothing here may import the AWS SDK, server code
 * or a validator: test/sdk/client-import-graph.test.ts bundles this entry point and fails if it does, and
 * test/sdk/bundle-size.test.ts holds it to its size budget. Validation is `wspush/client/validation`.
 */
export type { FieldError, ValidationResult } from '../../generated/field-errors.js';
export type {
  ErrorFrame,
  RecoveryCode,
  RecoveryFrame,
  RejectedTopic,
  StreamPosition,
  SubscribedFrame,
  TopicMessageFrame,
  UnsubscribedFrame,
  UserMessageFrame,
  WelcomeFrame,
} from '../../generated/models.js';
export type {
  ConcreteTopicName,
  TopicFilter,
  TopicName,
  TopicPayloadOf,
  TopicPayloads,
} from '../../generated/topics.js';
export type { UserMessagePayloads, UserMessageTypeName } from '../../generated/user-messages.js';
export { type BackoffOptions, backoffCeiling, fullJitterDelay } from './backoff.js';
export {
  type ClientEvents,
  type ClientState,
  type ClosedDetail,
  type ClosedReason,
  type ConnectOptions,
  connect,
  type InvalidMessage,
  type PayloadValidation,
  PushClient,
} from './client.js';
export { MessageIdWindow } from './dedup.js';
export {
  localStoragePositionStorage,
  memoryPositionStorage,
  type PositionSnapshot,
  type PositionStorage,
  type WebStorageLike,
} from './position-storage.js';
export type { TokenTransport, WebSocketConstructor, WebSocketLike } from './socket.js';
export { systemTimers, type Timers } from './timers.js';
export { topicMatchesFilter } from './topic-set.js';

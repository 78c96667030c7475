/**
 * wspush client SDK (browsers and Node ≥ 20). Nothing here may import the AWS SDK or server code:
 * test/sdk/client-import-graph.test.ts bundles this entry point and fails if it does.
 */
export type {
  ConcreteTopicName,
  ErrorFrame,
  RejectedTopic,
  SubscribedFrame,
  TopicFilter,
  TopicMessageFrame,
  TopicName,
  TopicPayloadOf,
  TopicPayloads,
  UnsubscribedFrame,
  UserMessageFrame,
  UserMessagePayloads,
  UserMessageTypeName,
  WelcomeFrame,
} from '../../generated/index.js';
export { type BackoffOptions, backoffCeiling, fullJitterDelay } from './backoff.js';
export {
  type ClientEvents,
  type ClientState,
  type ClosedDetail,
  type ClosedReason,
  type ConnectOptions,
  connect,
  type InvalidMessage,
  PushClient,
} from './client.js';
export { MessageIdWindow } from './dedup.js';
export type { TokenTransport, WebSocketConstructor, WebSocketLike } from './socket.js';
export { systemTimers, type Timers } from './timers.js';
export { topicMatchesFilter } from './topic-set.js';

// Code generated from asyncapi.yaml. DO NOT EDIT.

/** Titles of the string schemas that have a pattern. */
export type PatternName = 'ConnectionId' | 'CorrelationId' | 'KafkaBroadcastKey' | 'KafkaUserKey' | 'MessageId' | 'Realm' | 'RequestId' | 'StreamEpoch' | 'TopicName' | 'UserId' | 'UserMessageType';

// Compiled with the `u` flag, as ajv compiles JSON Schema patterns (the contract's are anchored with ^…$).
export const patterns: Readonly<Record<PatternName, RegExp>> = {
  ConnectionId: new RegExp('^[A-Za-z0-9+/=_-]{1,128}$', 'u'),
  /** Follows a message from publish to delivery in every log line. */
  CorrelationId: new RegExp('^[A-Za-z0-9._:-]{1,128}$', 'u'),
  /** Record key of a broadcast record, the envelope's `{realm}`; a record whose key differs is rejected. */
  KafkaBroadcastKey: new RegExp('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', 'u'),
  /** Record key of a user record, `{realm}#{userId}` of its envelope (one user's records share a partition);
a record whose key differs is rejected.
 */
  KafkaUserKey: new RegExp('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}#[A-Za-z0-9._@:+|-]{1,128}$', 'u'),
  /** Unique per message; clients and the offline inbox de-duplicate on it. */
  MessageId: new RegExp('^[A-Za-z0-9._:-]{1,128}$', 'u'),
  Realm: new RegExp('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', 'u'),
  /** Optional id chosen by the client, echoed in the reply. */
  RequestId: new RegExp('^[A-Za-z0-9._:-]{1,64}$', 'u'),
  /** Names one generation of a stream; a new epoch starts when the history was lost or reset. */
  StreamEpoch: new RegExp('^[A-Za-z0-9_-]{1,32}$', 'u'),
  /** A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family
(`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.
 */
  TopicName: new RegExp('^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$', 'u'),
  UserId: new RegExp('^[A-Za-z0-9._@:+|-]{1,128}$', 'u'),
  UserMessageType: new RegExp('^[a-z][a-z0-9-]{0,62}$', 'u'),
};

/** True when `value` is a string matching the named schema's pattern. */
export function matchesPattern(name: PatternName, value: unknown): value is string {
  return typeof value === 'string' && (patterns[name] as RegExp).test(value);
}

/**
 * Key layout of the single table (docs/data-model.md). `#` separates key parts; the contract's patterns for
 * realms, user ids, topic names, connection ids and message ids exclude `#`, so keys cannot collide.
 */
export const META_SK = 'meta';
export const CONN_PREFIX = 'conn#';
export const MSG_PREFIX = 'msg#';
/** Rows of messages held for a connection until its welcome, under the connection's own `conn#{id}` key. */
export const HELD_PREFIX = 'held#';

export const keys = {
  connectionMeta: (connectionId: string) => ({ pk: `conn#${connectionId}`, sk: META_SK }),
  userConnection: (realm: string, userId: string, connectionId: string) => ({
    pk: userPartition(realm, userId),
    sk: `${CONN_PREFIX}${connectionId}`,
  }),
  /** `partitions` is the topic's partition count when the row was written (x-topic.partitions). */
  topicConnection: (realm: string, topic: string, connectionId: string, partitions = 1) => ({
    pk: topicPartition(realm, topic, partitionOf(connectionId, partitions)),
    sk: `${CONN_PREFIX}${connectionId}`,
  }),
  /**
   * A message held for a connection until its welcome: `held#{publishedAt ISO}#{messageId}#u` for a user
   * message, `…#t#{topic}` for a topic message, so one message is held once and rows list in publish order.
   */
  heldMessage: (connectionId: string, publishedAt: string, messageId: string, topic?: string) => ({
    pk: `conn#${connectionId}`,
    sk: `${HELD_PREFIX}${publishedAt}#${messageId}#${topic === undefined ? 'u' : `t#${topic}`}`,
  }),
  inboxItem: (realm: string, userId: string, publishedAt: string, messageId: string) => ({
    pk: inboxPartition(realm, userId),
    sk: messageSortKey(publishedAt, messageId),
  }),
  /** One claim per message id and scope (`user#{realm}#{userId}` / `topic#{realm}#{topic}`): its own partition. */
  messageId: (scope: string, messageId: string) => ({ pk: `msgid#${scope}#${messageId}`, sk: 'claim' }),
  /** The shard pages a broadcast's router sent (`p{partition}#{start}`), one partition per publish. */
  shardClaim: (scope: string, messageId: string, partition: number, after: string) => ({
    pk: shardClaimPartition(scope, messageId),
    sk: `p${partition}#${after}`,
  }),
  /** A broadcast envelope too large for every shard job, stored once (StoredEnvelopeRef). */
  storedEnvelope: (realm: string, topic: string, messageId: string) => ({
    pk: `envelope#${realm}#${topic}#${messageId}`,
    sk: 'envelope',
  }),
  /** The head of a history topic's stream: its newest offset and its epoch (docs/data-model.md). */
  streamHead: (realm: string, topic: string) => ({ pk: `stream#${realm}#${topic}`, sk: 'head' }),
  historyItem: (realm: string, topic: string, publishedAt: string, messageId: string) => ({
    pk: historyPartition(realm, topic),
    sk: messageSortKey(publishedAt, messageId),
  }),
} as const;

export const shardClaimPartition = (scope: string, messageId: string): string =>
  `shards#${scope}#${messageId}`;
export const userPartition = (realm: string, userId: string): string => `user#${realm}#${userId}`;
/**
 * Partition 0 is `topic#{realm}#{topic}` (the layout of a one-partition topic, so raising a topic's partition
 * count keeps finding the rows already written); partition k ≥ 1 appends `#k`.
 */
export const topicPartition = (realm: string, topic: string, partition = 0): string =>
  partition === 0 ? `topic#${realm}#${topic}` : `topic#${realm}#${topic}#${partition}`;

/** Which of a topic's `partitions` holds a connection's row: FNV-1a of the connection id, mod the count. */
export function partitionOf(connectionId: string, partitions: number): number {
  if (partitions <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < connectionId.length; i++) {
    hash ^= connectionId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
export const inboxPartition = (realm: string, userId: string): string => `inbox#${realm}#${userId}`;
export const historyPartition = (realm: string, topic: string): string => `history#${realm}#${topic}`;
/** `publishedAt` must already be normalised with `toISOString()` (core/stored-messages.ts). */
export const messageSortKey = (publishedAt: string, messageId: string): string =>
  `${MSG_PREFIX}${publishedAt}#${messageId}`;

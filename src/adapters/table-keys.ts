/**
 * Key layout of the single table (docs/data-model.md). `#` separates key parts; the contract's patterns for
 * realms, user ids, topic names, connection ids and message ids exclude `#`, so keys cannot collide.
 */
export const META_SK = 'meta';
export const CONN_PREFIX = 'conn#';
export const MSG_PREFIX = 'msg#';

export const keys = {
  connectionMeta: (connectionId: string) => ({ pk: `conn#${connectionId}`, sk: META_SK }),
  userConnection: (realm: string, userId: string, connectionId: string) => ({
    pk: userPartition(realm, userId),
    sk: `${CONN_PREFIX}${connectionId}`,
  }),
  topicConnection: (realm: string, topic: string, connectionId: string) => ({
    pk: topicPartition(realm, topic),
    sk: `${CONN_PREFIX}${connectionId}`,
  }),
  inboxItem: (realm: string, userId: string, publishedAt: string, messageId: string) => ({
    pk: inboxPartition(realm, userId),
    sk: messageSortKey(publishedAt, messageId),
  }),
  historyItem: (realm: string, topic: string, publishedAt: string, messageId: string) => ({
    pk: historyPartition(realm, topic),
    sk: messageSortKey(publishedAt, messageId),
  }),
} as const;

export const userPartition = (realm: string, userId: string): string => `user#${realm}#${userId}`;
export const topicPartition = (realm: string, topic: string): string => `topic#${realm}#${topic}`;
export const inboxPartition = (realm: string, userId: string): string => `inbox#${realm}#${userId}`;
export const historyPartition = (realm: string, topic: string): string => `history#${realm}#${topic}`;
/** `publishedAt` must already be normalised with `toISOString()` (core/stored-messages.ts). */
export const messageSortKey = (publishedAt: string, messageId: string): string =>
  `${MSG_PREFIX}${publishedAt}#${messageId}`;

/**
 * Decides which requested topics a connection gets, with the contract's access rules
 * (generated topic registry) and the TopicRejectionCode of the contract for each refusal.
 */
import { isTopicName, limits, patterns, topicRegistry } from '../../generated/index.js';
import type { Identity, RejectedTopic } from './model.js';

/** RejectedTopic.topic and .reason have maxLength 256; WelcomeFrame.rejected has maxItems 64. */
const MAX_FIELD = 256;
export const MAX_REJECTED = 64;

export interface TopicDecision {
  accepted: string[];
  rejected: RejectedTopic[];
}

/** `topics=a,b&topics=c` → `['a','b','c']` (trimmed, empties dropped, order kept). */
export function parseTopicsParameter(
  single: string | undefined,
  multi: readonly string[] | undefined,
): string[] {
  const values = multi && multi.length > 0 ? multi : single !== undefined ? [single] : [];
  return values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function truncate(value: string): string {
  return value.length > MAX_FIELD ? value.slice(0, MAX_FIELD) : value;
}

/**
 * Rules, in order, for each distinct requested name:
 * - `realm/name`: REALM_MISMATCH when the realm is not the token's; the token's own realm is accepted and
 *   stripped (names are realm-relative);
 * - not matching the TopicName pattern: INVALID_TOPIC_NAME; not in the contract: UNKNOWN_TOPIC;
 * - the token must hold at least one of the topic's `access.roles` (any of, as the generated registry
 *   documents; empty = every user of the realm): otherwise FORBIDDEN_TOPIC;
 * - beyond `maxTopics` accepted topics: TOO_MANY_TOPICS.
 * Duplicates (after stripping the realm) are collapsed; at most 64 rejections are reported.
 */
export function decideTopics(
  requested: readonly string[],
  identity: Identity,
  maxTopics: number = limits.maxTopicsPerConnection,
): TopicDecision {
  const accepted: string[] = [];
  const rejected: RejectedTopic[] = [];
  const seen = new Set<string>();
  const reject = (topic: string, code: RejectedTopic['code'], reason: string): void => {
    if (rejected.length < MAX_REJECTED)
      rejected.push({ topic: truncate(topic), code, reason: truncate(reason) });
  };
  for (const raw of requested) {
    let name = raw;
    const slash = raw.indexOf('/');
    if (slash >= 0) {
      const realm = raw.slice(0, slash);
      const rest = raw.slice(slash + 1);
      if (!patterns.Realm.test(realm) || rest.includes('/')) {
        if (!seen.has(raw)) reject(raw, 'INVALID_TOPIC_NAME', 'not a valid topic name');
        seen.add(raw);
        continue;
      }
      if (realm !== identity.realm) {
        if (!seen.has(raw))
          reject(
            raw,
            'REALM_MISMATCH',
            `topic belongs to realm "${realm}", token realm is "${identity.realm}"`,
          );
        seen.add(raw);
        continue;
      }
      name = rest;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    if (!patterns.TopicName.test(name)) {
      reject(raw, 'INVALID_TOPIC_NAME', 'not a valid topic name (lowercase letters, digits and "-", max 63)');
      continue;
    }
    if (!isTopicName(name)) {
      reject(raw, 'UNKNOWN_TOPIC', 'no such topic');
      continue;
    }
    const required = topicRegistry[name].access.roles;
    if (required.length > 0 && !required.some((role) => identity.roles.includes(role))) {
      reject(raw, 'FORBIDDEN_TOPIC', `requires role ${required.join(' or ')}`);
      continue;
    }
    if (accepted.length >= maxTopics) {
      reject(raw, 'TOO_MANY_TOPICS', `at most ${maxTopics} topics per connection`);
      continue;
    }
    accepted.push(name);
  }
  return { accepted, rejected };
}

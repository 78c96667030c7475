/**
 * Decides which requested topics a connection gets, with the contract's access rules
 * (generated topic registry) and the TopicRejectionCode of the contract for each refusal.
 */
import {
  limits,
  matchTopic,
  patterns,
  type TopicDefinition,
  type TopicFamily,
  type TopicMatch,
} from '../../generated/index.js';
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

/** The family definition of a concrete topic name the contract knows (undefined otherwise). */
export function topicDefinitionOf(name: string): TopicDefinition<TopicFamily> | undefined {
  const match = matchTopic(name);
  return match.ok ? match.definition : undefined;
}

/**
 * The partition keys a topic's subscription rows are spread over (generated from the contract: x-topic
 * partitions, expectedAudience or the open-topic default); 1 for names outside the contract (never stored).
 */
export const topicPartitions = (topic: string): number => topicDefinitionOf(topic)?.partitions ?? 1;

/** Why a known topic is refused to this identity (roles, then the owner rule), or undefined when allowed. */
function accessRefusal(
  match: Extract<TopicMatch, { ok: true }>,
  identity: Identity,
): { code: RejectedTopic['code']; reason: string } | undefined {
  const { roles, owner } = match.definition.access;
  if (roles.length > 0 && !roles.some((role) => identity.roles.includes(role))) {
    return { code: 'FORBIDDEN_TOPIC', reason: `requires role ${roles.join(' or ')}` };
  }
  if (owner === undefined) return undefined;
  const bound = match.params[owner.parameter];
  if (bound === identity.userId || owner.overrideRoles.some((role) => identity.roles.includes(role)))
    return undefined;
  return { code: 'NOT_TOPIC_OWNER', reason: `topic belongs to user ${JSON.stringify(bound)}` };
}

/**
 * Rules, in order, for each distinct requested name:
 * - `realm/name`: REALM_MISMATCH when the realm is not the token's; the token's own realm is accepted and
 *   stripped (names are realm-relative);
 * - the generated matcher (`matchTopic`): INVALID_TOPIC_NAME (fails the contract's TopicName), UNKNOWN_TOPIC
 *   (no family), INVALID_TOPIC_PARAMETER (a parameter fails its schema);
 * - the token must hold at least one of the family's `access.roles` (any of; empty = every user of the realm):
 *   otherwise FORBIDDEN_TOPIC; an owner rule binds a parameter to the token's subject unless the token holds
 *   one of its override roles: otherwise NOT_TOPIC_OWNER;
 * - beyond `maxTopics` topics held in total (`held` included): TOO_MANY_TOPICS.
 * Topics already `held` are accepted again without counting twice (subscribing is idempotent). Duplicates
 * (after stripping the realm) are collapsed; at most 64 rejections are reported.
 */
export function decideTopics(
  requested: readonly string[],
  identity: Identity,
  maxTopics: number = limits.maxTopicsPerConnection,
  held: readonly string[] = [],
): TopicDecision {
  const accepted: string[] = [];
  const rejected: RejectedTopic[] = [];
  const seen = new Set<string>();
  const holding = new Set(held);
  let total = holding.size;
  const reject = (topic: string, code: RejectedTopic['code'], reason: string): void => {
    if (rejected.length < MAX_REJECTED)
      rejected.push({ topic: truncate(topic), code, reason: truncate(reason) });
  };
  for (const raw of requested) {
    const name = stripRealm(raw, identity.realm);
    if (typeof name !== 'string') {
      if (!seen.has(raw)) reject(raw, name.code, name.reason);
      seen.add(raw);
      continue;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    if (holding.has(name)) {
      accepted.push(name);
      continue;
    }
    const match = matchTopic(name);
    if (!match.ok) {
      reject(raw, match.code, match.reason);
      continue;
    }
    const refusal = accessRefusal(match, identity);
    if (refusal !== undefined) {
      reject(raw, refusal.code, refusal.reason);
      continue;
    }
    if (total >= maxTopics) {
      reject(raw, 'TOO_MANY_TOPICS', `at most ${maxTopics} topics per connection`);
      continue;
    }
    total++;
    accepted.push(name);
  }
  return { accepted, rejected };
}

/** `acme/jobs.1` → `jobs.1` for the token's realm `acme`; a refusal for another realm or a malformed prefix. */
export function stripRealm(
  raw: string,
  realm: string,
): string | { code: 'INVALID_TOPIC_NAME' | 'REALM_MISMATCH'; reason: string } {
  const slash = raw.indexOf('/');
  if (slash < 0) return raw;
  const prefix = raw.slice(0, slash);
  const rest = raw.slice(slash + 1);
  if (!patterns.Realm.test(prefix) || rest.includes('/'))
    return { code: 'INVALID_TOPIC_NAME', reason: 'not a valid topic name' };
  if (prefix !== realm)
    return {
      code: 'REALM_MISMATCH',
      reason: `topic belongs to realm "${prefix}", token realm is "${realm}"`,
    };
  return rest;
}

import { describe, expect, it } from 'vitest';
import { decideTopics, parseTopicsParameter } from './topic-access.js';

const alice = { userId: 'alice', realm: 'acme', roles: [] as string[] };
const admin = { userId: 'root', realm: 'acme', roles: ['admin'] };

describe('parseTopicsParameter', () => {
  it('splits, trims and drops empty names', () => {
    expect(parseTopicsParameter(' announcements, ,job-status,', undefined)).toEqual([
      'announcements',
      'job-status',
    ]);
  });
  it('reads repeated parameters', () => {
    expect(parseTopicsParameter('job-status', ['announcements', 'job-status'])).toEqual([
      'announcements',
      'job-status',
    ]);
  });
  it('is empty without the parameter', () => {
    expect(parseTopicsParameter(undefined, undefined)).toEqual([]);
  });
});

describe('decideTopics', () => {
  it('accepts open topics and collapses duplicates', () => {
    const decision = decideTopics(['announcements', 'job-status', 'announcements', 'acme/job-status'], alice);
    expect(decision).toEqual({ accepted: ['announcements', 'job-status'], rejected: [] });
  });

  it('rejects unknown, invalid, other-realm and role-restricted topics with the contract codes', () => {
    const decision = decideTopics(
      ['weather', 'Bad_Name', 'otherrealm/announcements', 'audit-alerts', 'a/b/c'],
      alice,
    );
    expect(decision.accepted).toEqual([]);
    expect(decision.rejected.map((r) => [r.topic, r.code])).toEqual([
      ['weather', 'UNKNOWN_TOPIC'],
      ['Bad_Name', 'INVALID_TOPIC_NAME'],
      ['otherrealm/announcements', 'REALM_MISMATCH'],
      ['audit-alerts', 'FORBIDDEN_TOPIC'],
      ['a/b/c', 'INVALID_TOPIC_NAME'],
    ]);
    expect(decision.rejected.every((r) => r.reason.length > 0)).toBe(true);
    expect(decision.rejected[3]?.reason).toBe('requires role admin');
  });

  it('gives a role-restricted topic to a token with the role', () => {
    expect(decideTopics(['audit-alerts'], admin).accepted).toEqual(['audit-alerts']);
  });

  it('rejects accepted topics beyond the limit with TOO_MANY_TOPICS', () => {
    const decision = decideTopics(['announcements', 'job-status', 'audit-alerts'], admin, 2);
    expect(decision.accepted).toEqual(['announcements', 'job-status']);
    expect(decision.rejected).toEqual([
      { topic: 'audit-alerts', code: 'TOO_MANY_TOPICS', reason: 'at most 2 topics per connection' },
    ]);
  });

  it('bounds the rejected list and the length of reported names', () => {
    const many = Array.from({ length: 100 }, (_, i) => `unknown-${i}`);
    const decision = decideTopics([...many, 'x'.repeat(400)], alice);
    expect(decision.rejected).toHaveLength(64);
    const long = decideTopics(['X'.repeat(400)], alice).rejected[0];
    expect(long?.topic.length).toBe(256);
  });
});

describe('decideTopics with topic families', () => {
  it('accepts concrete topics of a family, realm-qualified or not', () => {
    const decision = decideTopics(['jobs.8812', 'acme/documents.d-77.comments', 'jobs.8812'], alice);
    expect(decision).toEqual({ accepted: ['jobs.8812', 'documents.d-77.comments'], rejected: [] });
  });

  it('rejects each bad name with its own code', () => {
    const decision = decideTopics(
      ['jobs', 'jobs.a.b', 'weather.1', 'jobs.bad$id', `jobs.${'x'.repeat(65)}`, 'Jobs.1', 'jobs.'],
      alice,
    );
    expect(decision.accepted).toEqual([]);
    expect(decision.rejected.map((r) => [r.topic, r.code])).toEqual([
      ['jobs', 'UNKNOWN_TOPIC'],
      ['jobs.a.b', 'UNKNOWN_TOPIC'],
      ['weather.1', 'UNKNOWN_TOPIC'],
      ['jobs.bad$id', 'INVALID_TOPIC_NAME'],
      [`jobs.${'x'.repeat(65)}`, 'INVALID_TOPIC_PARAMETER'],
      ['Jobs.1', 'INVALID_TOPIC_NAME'],
      ['jobs.', 'INVALID_TOPIC_NAME'],
    ]);
    expect(decision.rejected[4]?.reason).toMatch(/jobId/);
  });

  it('applies the owner rule: own topic yes, another user no, the override role yes', () => {
    expect(decideTopics(['users.alice.activity'], alice).accepted).toEqual(['users.alice.activity']);
    const other = decideTopics(['users.bob.activity'], alice);
    expect(other.rejected).toEqual([
      { topic: 'users.bob.activity', code: 'NOT_TOPIC_OWNER', reason: 'topic belongs to user "bob"' },
    ]);
    expect(decideTopics(['users.bob.activity'], admin).accepted).toEqual(['users.bob.activity']);
  });

  it('counts topics already held against the limit and accepts them again without counting twice', () => {
    const held = ['announcements', 'jobs.1'];
    const decision = decideTopics(['jobs.1', 'jobs.2', 'jobs.3'], alice, 3, held);
    expect(decision.accepted).toEqual(['jobs.1', 'jobs.2']);
    expect(decision.rejected.map((r) => r.code)).toEqual(['TOO_MANY_TOPICS']);
  });
});

import { describe, expect, it } from 'vitest';
import { topicFamilies, topicRegistry } from '../../generated/index.js';
import {
  concreteTopic,
  families,
  gatedRoles,
  overlongParameterTopic,
  ownerParameter,
  topicIn,
  topics,
  unknownTopic,
} from '../../test/support/contract-picks.js';
import { decideTopics, parseTopicsParameter } from './topic-access.js';

const alice = { userId: 'alice', realm: 'acme', roles: [] as string[] };
const admin = { userId: 'root', realm: 'acme', roles: [...gatedRoles] };
// Topics picked from the contract by trait: adding or renaming a topic needs no edit here.
const A = topics.openHistory;
const B = topics.openDrop;
const G = topics.gated;

describe('parseTopicsParameter', () => {
  it('splits, trims and drops empty names', () => {
    expect(parseTopicsParameter(` ${A}, ,${B},`, undefined)).toEqual([A, B]);
  });
  it('reads repeated parameters', () => {
    expect(parseTopicsParameter(B, [A, B])).toEqual([A, B]);
  });
  it('is empty without the parameter', () => {
    expect(parseTopicsParameter(undefined, undefined)).toEqual([]);
  });
});

describe('decideTopics', () => {
  it('accepts open topics and collapses duplicates', () => {
    const decision = decideTopics([A, B, A, `acme/${B}`], alice);
    expect(decision).toEqual({ accepted: [A, B], rejected: [] });
  });

  it('rejects unknown, invalid, other-realm and role-restricted topics with the contract codes', () => {
    const decision = decideTopics([unknownTopic, 'Bad_Name', `otherrealm/${A}`, G, 'a/b/c'], alice);
    expect(decision.accepted).toEqual([]);
    expect(decision.rejected.map((r) => [r.topic, r.code])).toEqual([
      [unknownTopic, 'UNKNOWN_TOPIC'],
      ['Bad_Name', 'INVALID_TOPIC_NAME'],
      [`otherrealm/${A}`, 'REALM_MISMATCH'],
      [G, 'FORBIDDEN_TOPIC'],
      ['a/b/c', 'INVALID_TOPIC_NAME'],
    ]);
    expect(decision.rejected.every((r) => r.reason.length > 0)).toBe(true);
    expect(decision.rejected[3]?.reason).toBe(`requires role ${topicRegistry[G].access.roles.join(' or ')}`);
  });

  it('gives a role-restricted topic to a token with the role', () => {
    expect(decideTopics([G], admin).accepted).toEqual([G]);
  });

  it('rejects accepted topics beyond the limit with TOO_MANY_TOPICS', () => {
    const decision = decideTopics([A, B, G], admin, 2);
    expect(decision.accepted).toEqual([A, B]);
    expect(decision.rejected).toEqual([
      { topic: G, code: 'TOO_MANY_TOPICS', reason: 'at most 2 topics per connection' },
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

// Open families (a parameter, no roles, no owner rule), picked from the contract; F is `literal.{parameter}`.
const openFamilies = topicFamilies.filter((f) => {
  const { segments, access } = topicRegistry[f];
  return segments.some((s) => 'param' in s) && access.roles.length === 0 && access.owner === undefined;
});
const F = openFamilies.find((f) => {
  const [first, second, ...rest] = topicRegistry[f].segments;
  return (
    first !== undefined && 'literal' in first && second !== undefined && 'param' in second && !rest.length
  );
});
if (F === undefined) throw new Error('the contract has no open family addressed literal.{parameter}');
const F2 = openFamilies.find((f) => f !== F) ?? F;
const prefix = (topicRegistry[F].segments[0] as { literal: string }).literal;

describe('decideTopics with topic families', () => {
  it('accepts concrete topics of a family, realm-qualified or not', () => {
    const [one, two] = [topicIn(F, '8812'), topicIn(F2, 'd-77')];
    const decision = decideTopics([one, `acme/${two}`, one], alice);
    expect(decision).toEqual({ accepted: [one, two], rejected: [] });
  });

  it('rejects each bad name with its own code', () => {
    const overlong = overlongParameterTopic(F);
    const capitalized = `${prefix.charAt(0).toUpperCase()}${prefix.slice(1)}.1`;
    const names = [
      prefix,
      `${prefix}.a.b`,
      `${unknownTopic}.1`,
      `${prefix}.bad$id`,
      overlong.topic,
      capitalized,
      `${prefix}.`,
    ];
    const decision = decideTopics(names, alice);
    expect(decision.accepted).toEqual([]);
    expect(decision.rejected.map((r) => [r.topic, r.code])).toEqual([
      [prefix, 'UNKNOWN_TOPIC'],
      [`${prefix}.a.b`, 'UNKNOWN_TOPIC'],
      [`${unknownTopic}.1`, 'UNKNOWN_TOPIC'],
      [`${prefix}.bad$id`, 'INVALID_TOPIC_NAME'],
      [overlong.topic, 'INVALID_TOPIC_PARAMETER'],
      [capitalized, 'INVALID_TOPIC_NAME'],
      [`${prefix}.`, 'INVALID_TOPIC_NAME'],
    ]);
    expect(decision.rejected[4]?.reason).toContain(overlong.parameter);
  });

  it.runIf(families.owned)(
    'applies the owner rule: own topic yes, another user no, the override role yes',
    () => {
      const family = families.owned as NonNullable<typeof families.owned>;
      const of = (user: string) => concreteTopic(family, { [ownerParameter(family)]: user });
      const overrider = { ...alice, roles: [...(topicRegistry[family].access.owner?.overrideRoles ?? [])] };
      expect(decideTopics([of('alice')], alice).accepted).toEqual([of('alice')]);
      expect(decideTopics([of('bob')], alice).rejected).toEqual([
        { topic: of('bob'), code: 'NOT_TOPIC_OWNER', reason: 'topic belongs to user "bob"' },
      ]);
      expect(decideTopics([of('bob')], overrider).accepted).toEqual([of('bob')]);
    },
  );

  it('counts topics already held against the limit and accepts them again without counting twice', () => {
    const job = (id: string) => topicIn(F, id);
    const held = [A, job('1')];
    const decision = decideTopics([job('1'), job('2'), job('3')], alice, 3, held);
    expect(decision.accepted).toEqual([job('1'), job('2')]);
    expect(decision.rejected.map((r) => r.code)).toEqual(['TOO_MANY_TOPICS']);
  });
});

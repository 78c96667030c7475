/**
 * Property tests of the topic access decision (`decideTopics`, `parseTopicsParameter`): what is accepted is
 * always a known topic the token's roles allow, in the token's realm, at most the limit, once; every refusal
 * carries the contract's rejection code; and the connect cases of the bad-input corpus (topics and positions)
 * at this level.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limits, topicNames, topicRegistry, validators } from '../../generated/index.js';
import { principalFromClaims } from '../../src/core/auth/claims.js';
import type { Identity } from '../../src/core/model.js';
import { decideSince, parseSinceParameter } from '../../src/core/stream-positions.js';
import { decideTopics, MAX_REJECTED, parseTopicsParameter } from '../../src/core/topic-access.js';
import { loadConnectCases } from '../reliability/lib/corpus.js';

const REALMS = ['acme', 'globex', 'Acme'];
/** Every role a fixed topic of the contract asks for: a token with them may read every fixed topic. */
const EVERY_ROLE = [...new Set(topicNames.flatMap((n) => topicRegistry[n].access.roles))];
const [aTopic] = topicNames;
const identity: fc.Arbitrary<Identity> = fc.record({
  userId: fc.constant('u-1'),
  realm: fc.constantFrom(...REALMS),
  roles: fc.subarray([...new Set([...EVERY_ROLE, 'auditor', 'user'])]),
});

/** Requested names: known topics, realm-qualified ones, near misses and hostile strings. */
const requestedName = fc.oneof(
  fc.constantFrom(...topicNames),
  fc
    .tuple(fc.constantFrom(...REALMS, 'other', ''), fc.constantFrom(...topicNames, 'weather'))
    .map(([r, t]) => `${r}/${t}`),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,70}$/),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    'constructor',
    '__proto__',
    'toString',
    `topic#acme#${aTopic}`,
    `${aTopic}#x`,
    'a/b/c',
    aTopic.toUpperCase(),
  ),
);
const requested = fc.array(requestedName, { maxLength: 40 });

describe('decideTopics properties', () => {
  it('accepts only known, allowed, distinct topics, within the limit; rejections follow the contract', () => {
    fc.assert(
      fc.property(requested, identity, fc.integer({ min: 1, max: 25 }), (names, who, max) => {
        const { accepted, rejected } = decideTopics(names, who, max);
        expect(new Set(accepted).size).toBe(accepted.length);
        expect(accepted.length).toBeLessThanOrEqual(max);
        expect(rejected.length).toBeLessThanOrEqual(MAX_REJECTED);
        for (const topic of accepted) {
          expect(topicNames).toContain(topic);
          for (const role of topicRegistry[topic as (typeof topicNames)[number]].access.roles) {
            expect(who.roles).toContain(role);
          }
        }
        // The welcome frame carrying this decision must satisfy the contract.
        const welcome = {
          kind: 'welcome',
          connectionId: 'L0SM9cOFvHcCIhw=',
          userId: who.userId,
          realm: who.realm,
          accepted,
          rejected,
          expiresAt: '2026-11-27T12:10:00.000Z',
          serverTime: '2026-11-27T10:00:00.000Z',
          pendingOffline: 0,
          limits: { idleTimeoutSeconds: 600, maxConnectionSeconds: 7200, connectionTtlSeconds: 7800 },
        };
        if (accepted.length <= limits.maxTopicsPerConnection) {
          const check = validators.WelcomeFrame(welcome);
          expect(check.ok, JSON.stringify(check)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('decides every requested name (accepted or rejected) while fewer than 64 are refused', () => {
    fc.assert(
      fc.property(requested, identity, (names, who) => {
        const { accepted, rejected } = decideTopics(names, who);
        if (rejected.length >= MAX_REJECTED) return;
        const rejectedNames = new Set(rejected.map((r) => r.topic));
        for (const raw of names) {
          const bare = raw.startsWith(`${who.realm}/`) ? raw.slice(who.realm.length + 1) : raw;
          const decided =
            accepted.includes(bare) ||
            rejectedNames.has(raw.slice(0, 256)) ||
            names.some(
              (n) =>
                n !== raw &&
                (n === bare || n === `${who.realm}/${bare}`) &&
                rejectedNames.has(n.slice(0, 256)),
            );
          expect(decided, `undecided: ${JSON.stringify(raw)}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts a name with a key separator, a control character or upper case', () => {
    fc.assert(
      fc.property(requested, identity, (names, who) => {
        for (const topic of decideTopics(names, who).accepted)
          expect(topic).toMatch(/^[a-z][a-z0-9-]{0,62}$/);
      }),
    );
  });

  it('REALM_MISMATCH exactly for a valid realm prefix other than the token realm', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REALMS, 'other'),
        fc.constantFrom(...topicNames),
        identity,
        (realm, topic, who) => {
          const { accepted, rejected } = decideTopics([`${realm}/${topic}`], { ...who, roles: EVERY_ROLE });
          if (realm === who.realm) {
            expect(accepted).toEqual([topic]);
          } else {
            expect(rejected.map((r) => r.code)).toEqual(['REALM_MISMATCH']);
          }
        },
      ),
    );
  });

  it('more roles never take a topic away (monotonic), and the decision is deterministic', () => {
    fc.assert(
      fc.property(requested, identity, (names, who) => {
        const base = decideTopics(names, { ...who, roles: [] });
        const more = decideTopics(names, { ...who, roles: [...EVERY_ROLE, ...who.roles] });
        if (base.accepted.length < limits.maxTopicsPerConnection) {
          for (const t of base.accepted) expect(more.accepted).toContain(t);
        }
        expect(decideTopics(names, who)).toEqual(decideTopics(names, who));
      }),
    );
  });

  it('parseTopicsParameter splits on commas and drops empties, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 8 }), (values) => {
        const parsed = parseTopicsParameter(values[0], values.length > 1 ? values : undefined);
        for (const name of parsed) {
          expect(name).not.toBe('');
          expect(name).not.toContain(',');
        }
      }),
    );
  });
});

describe('bad-input corpus: topic decisions of the connect cases', () => {
  for (const c of loadConnectCases()) {
    const token = c.token;
    if (token === null || 'raw' in token || !('welcome' in c.expect)) continue;
    const expected = c.expect.welcome;
    it(`${c.id}: ${c.description.slice(0, 60)}`, () => {
      const claims: Record<string, unknown> = {
        sub: token.sub,
        realm_access: { roles: token.roles ?? [] },
        ...(token.resourceRoles ? { resource_access: { wspush: { roles: token.resourceRoles } } } : {}),
      };
      const principal = principalFromClaims(claims, token.realm);
      expect(principal.ok).toBe(true);
      if (!principal.ok) return;
      const decision = decideTopics(parseTopicsParameter(c.topics, undefined), principal.principal);
      expect(decision.accepted).toEqual(expected.accepted);
      if ('rejected' in expected) {
        expect(decision.rejected.map((r) => ({ topic: r.topic, code: r.code }))).toEqual(expected.rejected);
      } else {
        expect(decision.rejected).toHaveLength(expected.rejectedCount);
        for (const r of decision.rejected) expect(r.code).toBe(expected.rejectedCode);
      }
      if ('recovery' in expected) {
        // The positions sent: every one ignored with the case's code (the platform's order is per topic).
        const parsed = parseSinceParameter(c.since, undefined);
        const decided = decideSince(parsed.entries, decision.accepted, token.realm);
        expect(decided.since).toEqual([]);
        const codes = [...parsed.rejected, ...decided.rejected].map((r) => `${r.topic} ${r.code}`).sort();
        expect(codes).toEqual((expected.recovery ?? []).map((r) => `${r.topic} ${r.code}`).sort());
      }
    });
  }
});

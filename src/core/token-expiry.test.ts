/** Closing connections whose token expired: the decision, the notice and close, and the extendTTL route. */
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../generated/index.js';
import { principalFromClaims, toAuthorizerContext } from './auth/claims.js';
import { ClientFrameService } from './client-frames.js';
import { ConnectionService } from './connections.js';
import type { TokenCheckJob } from './model.js';
import { MemoryJobQueue } from './testing/memory.js';
import { createWorld, userEnvelope } from './testing/world.js';
import {
  isTokenExpired,
  TOKEN_CLOSE_BOUND_SECONDS,
  TOKEN_EXPIRED_CLOSE_CODE,
  TokenChecks,
  TokenExpiryGuard,
  tokenCheckDelaySeconds,
  tokenCloseDueMs,
} from './token-expiry.js';

describe('isTokenExpired', () => {
  it('is true from exp + afterSeconds on, false before, and never without a known exp', () => {
    const exp = 1_000;
    expect(isTokenExpired(exp, 999_999, 0)).toBe(false);
    expect(isTokenExpired(exp, 1_000_000, 0)).toBe(true);
    expect(isTokenExpired(exp, 1_029_999, 30)).toBe(false);
    expect(isTokenExpired(exp, 1_030_000, 30)).toBe(true);
    expect(isTokenExpired(undefined, Number.MAX_SAFE_INTEGER, 0)).toBe(false);
  });

  it('reads its close code from the contract', () => {
    expect(TOKEN_EXPIRED_CLOSE_CODE).toBe(4101);
  });
});

describe('token expiry through the claims and the authorizer context', () => {
  it('carries a numeric exp into the context as tokenExp; ignores a malformed one', () => {
    const ok = principalFromClaims({ sub: 'alice', exp: 1_700_000_000 }, 'acme');
    expect(ok.ok && toAuthorizerContext(ok.principal).tokenExp).toBe('1700000000');
    const odd = principalFromClaims({ sub: 'alice', exp: '1700000000' }, 'acme');
    expect(odd.ok && toAuthorizerContext(odd.principal)).not.toHaveProperty('tokenExp');
  });
});

describe('extendTTL with the token-expiry close enabled', () => {
  function setup(afterSeconds: number | undefined) {
    const world = createWorld();
    const tokenExpiresAt = Math.floor(world.clock.now() / 1000) + 60;
    const guard =
      afterSeconds === undefined
        ? undefined
        : new TokenExpiryGuard({ gateway: world.gateway, now: () => world.clock.now(), afterSeconds });
    const frames = new ClientFrameService({
      connections: world.connections,
      clock: world.clock,
      budget: world.budget,
      ...(guard ? { tokenExpiry: guard } : {}),
    });
    const extend = (requestId: string) =>
      frames.respond('c1', JSON.stringify({ action: 'extendTTL', requestId }), false);
    return { world, tokenExpiresAt, extend };
  }

  it('extends before expiry; after it posts TOKEN_EXPIRED with closeCode 4101, then closes, extending nothing', async () => {
    const { world, tokenExpiresAt, extend } = setup(5);
    await world.connect('c1', { tokenExpiresAt });
    expect((await world.store.getConnection('c1'))?.tokenExpiresAt).toBe(tokenExpiresAt);
    expect(await extend('r1')).toMatchObject({ kind: 'ttl-extended' });
    world.clock.advance(64_000); // exp + 4 s: inside afterSeconds
    expect(await extend('r2')).toMatchObject({ kind: 'ttl-extended' });
    const rowExpiry = (await world.store.getConnection('c1'))?.expiresAt;
    world.clock.advance(1_000); // exp + 5 s
    expect(await extend('r3')).toBeUndefined();
    expect(world.gateway.framesTo('c1')).toEqual([
      expect.objectContaining({ kind: 'error', code: 'TOKEN_EXPIRED', closeCode: 4101, requestId: 'r3' }),
    ]);
    expect(world.gateway.closed).toEqual(['c1']);
    expect((await world.store.getConnection('c1'))?.expiresAt).toBe(rowExpiry);
  });

  it('off (no setting): an expired token changes nothing', async () => {
    const { world, tokenExpiresAt, extend } = setup(undefined);
    await world.connect('c1', { tokenExpiresAt });
    world.clock.advance(3_600_000);
    expect(await extend('r1')).toMatchObject({ kind: 'ttl-extended' });
    expect(world.gateway.closed).toEqual([]);
  });

  it('on, but the connection has no known exp: never closed for it', async () => {
    const { world, extend } = setup(0);
    await world.connect('c1');
    world.clock.advance(3_600_000);
    expect(await extend('r1')).toMatchObject({ kind: 'ttl-extended' });
    expect(world.gateway.closed).toEqual([]);
  });

  it('a connection already gone (410 on the notice) is not closed again', async () => {
    const { world, tokenExpiresAt, extend } = setup(0);
    await world.connect('c1', { tokenExpiresAt });
    world.gateway.script('c1', 'gone');
    world.clock.advance(61_000);
    expect(await extend('r1')).toBeUndefined();
    expect(world.gateway.closed).toEqual([]);
  });
});

describe('tokenCheckDelaySeconds: whole seconds, never early, one SQS delay at most', () => {
  it('rounds up, clamps to 0..900', () => {
    expect(tokenCheckDelaySeconds(10_000, 0)).toBe(10);
    expect(tokenCheckDelaySeconds(10_001, 0)).toBe(11);
    expect(tokenCheckDelaySeconds(10_000, 9_999)).toBe(1);
    expect(tokenCheckDelaySeconds(10_000, 10_000)).toBe(0);
    expect(tokenCheckDelaySeconds(10_000, 50_000)).toBe(0);
    expect(tokenCheckDelaySeconds(3_600_000, 0)).toBe(900);
    expect(tokenCloseDueMs(1_000, 30)).toBe(1_030_000);
  });

  it('states a bound of 10 s, as the contract does', () => {
    expect(TOKEN_CLOSE_BOUND_SECONDS).toBe(10);
    expect(errorCodes.TOKEN_EXPIRED.description).toContain(`at most ${TOKEN_CLOSE_BOUND_SECONDS} s after`);
  });
});

describe('token check jobs: scheduled at $connect, carried out by the delivery worker', () => {
  const MAX_CONNECTION = 7200;

  function setup(afterSeconds = 30, maxConnectionSeconds = MAX_CONNECTION) {
    const world = createWorld();
    const queue = new MemoryJobQueue<TokenCheckJob>();
    const now = () => world.clock.now();
    const guard = new TokenExpiryGuard({ gateway: world.gateway, now, afterSeconds });
    const checks = new TokenChecks({ store: world.store, queue, guard, now, maxConnectionSeconds });
    const connections = new ConnectionService({
      store: world.store,
      deliveryQueue: world.deliveryQueue,
      clock: world.clock,
      settings: { connectionTtlSeconds: 7800, maxTopicsPerConnection: 20 },
      tokenChecks: checks,
    });
    const nowSeconds = () => Math.floor(now() / 1000);
    const connect = (connectionId: string, tokenExpiresAt: number | undefined) =>
      connections.register({
        connectionId,
        identity: {
          userId: 'alice',
          realm: 'acme',
          roles: [],
          ...(tokenExpiresAt ? { tokenExpiresAt } : {}),
        },
        requestedTopics: [],
        connectedAt: now(),
        correlationId: `c-${connectionId}`,
      });
    /** Runs the queue like SQS: advances the clock to each job's delay and checks it, until none is left. */
    const drain = async () => {
      const outcomes: Array<{ outcome: string; at: number }> = [];
      while (queue.sent.length > 0) {
        const { job, delaySeconds } = queue.sent.shift()!;
        world.clock.advance((delaySeconds ?? 0) * 1000);
        outcomes.push({ outcome: await checks.check(job), at: now() });
      }
      return outcomes;
    };
    return { world, queue, checks, connect, drain, nowSeconds, guard };
  }

  it('$connect schedules one job delayed to exp + afterSeconds; the worker closes at that second', async () => {
    const { world, queue, connect, drain, nowSeconds } = setup(30);
    const exp = nowSeconds() + 60;
    const result = await connect('c1', exp);
    expect(result.tokenCheckInSeconds).toBe(90);
    expect(queue.sent).toEqual([
      {
        job: {
          reason: 'token-check',
          connectionId: 'c1',
          userId: 'alice',
          realm: 'acme',
          tokenExpiresAt: exp,
          correlationId: 'c-c1',
        },
        delaySeconds: 90,
      },
    ]);
    expect(await drain()).toEqual([{ outcome: 'closed', at: (exp + 30) * 1000 }]);
    expect(world.gateway.framesTo('c1')).toEqual([
      expect.objectContaining({ kind: 'error', code: 'TOKEN_EXPIRED', closeCode: 4101 }),
    ]);
    expect(world.gateway.closed).toEqual(['c1']);
  });

  it('a token due later than 900 s is checked in a chain of jobs, each at most 900 s, closed when due', async () => {
    const { world, connect, drain, nowSeconds } = setup(30);
    const start = world.clock.now();
    const exp = nowSeconds() + 2_000;
    await connect('c1', exp);
    const outcomes = await drain();
    expect(outcomes.map((o) => o.outcome)).toEqual(['rescheduled', 'rescheduled', 'closed']);
    expect(outcomes.map((o) => (o.at - start) / 1000)).toEqual([900, 1_800, 2_030]);
    expect(world.gateway.closed).toEqual(['c1']);
  });

  it('a job delivered early (clock skew) is sent on for the rest, never closing before due', async () => {
    const { world, queue, checks, connect, nowSeconds } = setup(0);
    const exp = nowSeconds() + 10;
    await connect('c1', exp);
    const { job } = queue.sent.shift()!;
    world.clock.advance(9_500);
    expect(await checks.check(job)).toBe('rescheduled');
    expect(queue.sent[0]?.delaySeconds).toBe(1);
    expect(world.gateway.closed).toEqual([]);
  });

  it('no job without a known exp, nor when the gateway ends the connection first (maximum duration)', async () => {
    const { queue, connect, nowSeconds } = setup(30, MAX_CONNECTION);
    await connect('c1', undefined);
    await connect('c2', nowSeconds() + MAX_CONNECTION - 30);
    expect(queue.sent).toEqual([]);
    await connect('c3', nowSeconds() + MAX_CONNECTION - 31);
    expect(queue.sent.map((s) => s.job.connectionId)).toEqual(['c3']);
  });

  it('idempotent: a repeat after the close meets 410 and closes nothing; after $disconnect the row is gone', async () => {
    const { world, queue, checks, connect, nowSeconds } = setup(0);
    await connect('c1', nowSeconds() + 5);
    const { job } = queue.sent[0]!;
    world.clock.advance(5_000);
    expect(await checks.check(job)).toBe('closed');
    world.gateway.script('c1', 'gone');
    expect(await checks.check(job)).toBe('closed');
    expect(world.gateway.closed).toEqual(['c1']);
    await world.connections.unregister('c1');
    expect(await checks.check(job)).toBe('gone');
    expect(world.gateway.framesTo('c1')).toHaveLength(1);
  });

  it('reconnected with a new token: the old job leaves the new connection alone', async () => {
    const { world, queue, checks, connect, nowSeconds } = setup(0);
    await connect('c1', nowSeconds() + 5);
    const old = queue.sent.shift()!.job;
    await world.connections.unregister('c1');
    await connect('c2', nowSeconds() + 3_600);
    world.clock.advance(5_000);
    expect(await checks.check(old)).toBe('gone');
    expect(world.gateway.posts).toEqual([]);
    expect(world.gateway.closed).toEqual([]);
  });

  it("a job whose token is not the row's (user, realm or exp differ) is left alone", async () => {
    const { world, checks, connect, nowSeconds } = setup(0);
    const exp = nowSeconds() + 5;
    await connect('c1', exp);
    world.clock.advance(10_000);
    const job = {
      reason: 'token-check',
      connectionId: 'c1',
      userId: 'alice',
      realm: 'acme',
      correlationId: 'x',
    } as const;
    expect(await checks.check({ ...job, tokenExpiresAt: exp + 1 })).toBe('other-token');
    expect(await checks.check({ ...job, tokenExpiresAt: exp, userId: 'bob' })).toBe('other-token');
    expect(world.gateway.closed).toEqual([]);
  });

  it('a connection whose rows expired (no extendTTL) is still closed: its socket may be open', async () => {
    const { world, queue, checks, connect, nowSeconds } = setup(0, 86_400);
    await connect('c1', nowSeconds() + 8_000);
    world.clock.advance(8_000_000); // past the rows' 7,800 s TTL
    expect(await checks.check(queue.sent[0]!.job)).toBe('closed');
    expect(world.gateway.closed).toEqual(['c1']);
  });

  it("past the gateway's maximum duration the chain stops: the gateway closed it", async () => {
    const { world, queue, checks, connect, nowSeconds } = setup(0, 1_000);
    await connect('c1', nowSeconds() + 900);
    world.clock.advance(1_000_000);
    expect(await checks.check(queue.sent[0]!.job)).toBe('gone');
    expect(world.gateway.posts).toEqual([]);
  });

  it('a check that cannot be enqueued fails the connect and removes the rows', async () => {
    const { world, queue, connect, nowSeconds } = setup(0);
    queue.failNext = new Error('SendMessage failed');
    await expect(connect('c1', nowSeconds() + 60)).rejects.toThrow('SendMessage failed');
    expect(await world.store.getConnection('c1')).toBeUndefined();
  });

  it('a failed notice (5xx) throws, so the job is retried; nothing is closed meanwhile', async () => {
    const { world, queue, checks, connect, nowSeconds } = setup(0);
    await connect('c1', nowSeconds() + 5);
    world.clock.advance(5_000);
    world.gateway.script('c1', new Error('500'), 'ok');
    const { job } = queue.sent.shift()!;
    await expect(checks.check(job)).rejects.toThrow('500');
    expect(world.gateway.closed).toEqual([]);
    expect(await checks.check(job)).toBe('closed');
    expect(world.gateway.closed).toEqual(['c1']);
  });
});

describe('the delivery worker does not post to a connection whose token expired', () => {
  it('a connect job for an expired token closes (4101) instead of welcoming; the inbox stays', async () => {
    const world = createWorld({ closeExpiredTokensAfterSeconds: 0 });
    const exp = Math.floor(world.clock.now() / 1000) + 5;
    const { job } = await world.connect('c1', { tokenExpiresAt: exp }, [], 1);
    const envelope = userEnvelope();
    const publishedAt = new Date(world.clock.now()).toISOString();
    await world.inbox.put('acme', 'alice', {
      publishedAt,
      messageId: envelope.messageId,
      envelope,
      expiresAt: exp + 3_600,
    });
    world.clock.advance(5_000);
    const result = await world.worker.process(job);
    expect(result.status).toBe('gone');
    expect(await world.inbox.list('acme', 'alice', exp, 10)).toHaveLength(1);
    expect(world.gateway.framesTo('c1').map((f) => f.code ?? f.kind)).toEqual(['TOKEN_EXPIRED']);
    expect(world.gateway.closed).toEqual(['c1']);
  });

  it('before the due time the welcome is sent as usual', async () => {
    const world = createWorld({ closeExpiredTokensAfterSeconds: 0 });
    const exp = Math.floor(world.clock.now() / 1000) + 5;
    const { job } = await world.connect('c1', { tokenExpiresAt: exp }, [], 1);
    world.clock.advance(4_000);
    await world.worker.process(job);
    expect(world.gateway.framesTo('c1')[0]).toMatchObject({ kind: 'welcome' });
    expect(world.gateway.closed).toEqual([]);
  });
});

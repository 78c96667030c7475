import { describe, expect, it } from 'vitest';
import { topicRegistry } from '../../generated/index.js';
import { topics } from '../../test/support/contract-picks.js';
import { QueueError } from './errors.js';
import { createWorld } from './testing/world.js';

const A = topics.openHistory;
const B = topics.openDrop;
const G = topics.gated;

describe('ConnectionService.register', () => {
  it('writes 2 + t rows marked welcomePending and enqueues one undelayed connect job', async () => {
    const world = createWorld();
    const result = await world.connect('c1', { roles: [] }, [A, B, G, 'weather']);
    expect(result.accepted).toEqual([A, B]);
    expect(world.store.rowCount()).toBe(2 + 2);
    expect(world.store.users.get('acme#alice')?.get('c1')?.welcomePending).toBe(true);
    expect(world.store.topics.get(`acme#${A}`)?.get('c1')?.welcomePending).toBe(true);
    expect(world.deliveryQueue.sent).toEqual([
      {
        delaySeconds: undefined,
        job: {
          reason: 'connect',
          connectionId: 'c1',
          userId: 'alice',
          realm: 'acme',
          accepted: [A, B],
          rejected: [
            {
              topic: G,
              code: 'FORBIDDEN_TOPIC',
              reason: `requires role ${topicRegistry[G].access.roles.join(' or ')}`,
            },
            { topic: 'weather', code: 'UNKNOWN_TOPIC', reason: 'no such topic' },
          ],
          connectedAt: world.clock.now() - 60_000,
          expiresAt: Math.floor(world.clock.now() / 1000) + 7800,
          correlationId: 'c-c1',
        },
      },
    ]);
    expect(world.gateway.posts).toEqual([]);
  });

  it('removes the rows again when the job cannot be enqueued', async () => {
    const world = createWorld();
    world.deliveryQueue.failNext = new QueueError('down');
    await expect(world.connect('c1')).rejects.toBeInstanceOf(QueueError);
    expect(world.store.rowCount()).toBe(0);
  });
});

describe('ConnectionService.unregister', () => {
  it('deletes every row of the connection, leaving other connections, and is idempotent', async () => {
    const world = createWorld();
    await world.connect('c1', {}, [A, B]);
    await world.connect('c2', {}, [A]);
    const removed = await world.connections.unregister('c1');
    expect(removed?.topics).toEqual([A, B]);
    expect(world.store.rowCount()).toBe(3);
    expect(world.store.meta.has('c2')).toBe(true);
    expect(await world.connections.unregister('c1')).toBeUndefined();
    expect(world.store.rowCount()).toBe(3);
  });
});

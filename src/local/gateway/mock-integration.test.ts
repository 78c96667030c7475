import { describe, expect, it } from 'vitest';
import { routeKeys, routeTable, validators } from '../../../generated/index.js';
import { pongFrame } from '../../core/frames.js';
import { formatRequestTime } from '../events/websocket.js';
import { renderMockReply } from './mock-integration.js';

/** What API Gateway puts in `$context` for the two fields the templates read. */
const contextAt = (epochMs: number) => ({
  requestTime: formatRequestTime(new Date(epochMs)),
  requestTimeEpoch: epochMs,
});

describe('mock reply templates (src/core/mock-replies.ts), rendered as API Gateway would', () => {
  const mocks = routeKeys.filter((k) => routeTable[k].integration === 'mock');

  it('every two-way mock route of the contract has a template rendering its reply schema', () => {
    expect(mocks).toEqual(['keepAlive', 'ping']);
    for (const key of mocks.filter((k) => routeTable[k].twoWay)) {
      const route = routeTable[key];
      if (route.integration !== 'mock' || route.replySchema === undefined)
        throw new Error(`${key} is not a two-way mock`);
      const frame: unknown = JSON.parse(renderMockReply(key, contextAt(Date.now())));
      expect(validators[route.replySchema](frame).ok).toBe(true);
    }
  });

  it('a one-way mock (keepAlive) has no reply schema and no template: nothing is sent back', () => {
    const route = routeTable.keepAlive;
    expect(route).toMatchObject({ integration: 'mock', twoWay: false });
    expect(route.integration === 'mock' && route.replySchema).toBeUndefined();
    expect(() => renderMockReply('keepAlive', contextAt(Date.now()))).toThrow(/no reply template/);
  });

  it.each([
    Date.UTC(2026, 0, 9, 2, 4, 6, 7),
    Date.UTC(2026, 10, 29, 23, 59, 59, 999),
    Date.UTC(2028, 1, 29, 12, 0, 0, 100),
    Date.UTC(2030, 11, 31, 0, 0, 0, 0),
  ])('pong at %i ms is the frame the function sent (pongFrame), to the millisecond', (epochMs) => {
    expect(JSON.parse(renderMockReply('ping', contextAt(epochMs)))).toEqual(pongFrame(epochMs));
  });

  it('every month name maps to its number', () => {
    for (let month = 0; month < 12; month++) {
      const epochMs = Date.UTC(2027, month, 15, 8, 30, 0, 42);
      expect(JSON.parse(renderMockReply('ping', contextAt(epochMs)))).toEqual(pongFrame(epochMs));
    }
  });

  it('a route without a template is refused, not answered with nothing', () => {
    expect(() => renderMockReply('extendTTL', contextAt(Date.now()))).toThrow(/no reply template/);
  });
});

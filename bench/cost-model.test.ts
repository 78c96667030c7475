/** The connection-minute model: keep-alive cadence, link-check pings, and the arithmetic of the all-in figure. */
import { describe, expect, it } from 'vitest';
import { limits } from '../generated/index.js';
import { KEEP_ALIVE_WINDOW, LINK_CHECK_AFTER_IDLE_TIMEOUTS } from '../src/client/keep-alive.js';
import {
  clientSessionModel,
  connectionMinuteCost,
  type LifecycleUsage,
  pingShare,
  routeInvokesFunction,
  stackPricing,
  type Usage,
} from './cost-model.js';

const none: Usage = {
  apiGatewayMessages: 0,
  functions: {},
  readUnits: 0,
  writeUnits: 0,
  snsPublishes: 0,
  sqsRequests: 0,
  sqsBatchesConsumed: 0,
  deliveries: 0,
};
const idle = { name: 'idle', deliveriesPerConnectionMinute: 0, topicsPerConnection: 2 };

describe('connection-minute model', () => {
  it('reads the SDK cadence: a keep-alive every 83 % of the idle timeout, a link check after 3 idle timeouts', () => {
    const model = clientSessionModel();
    const idleMinutes = limits.idleTimeoutSeconds / 60;
    expect(model.keepAliveEveryMinutes).toBeCloseTo(
      (idleMinutes * (KEEP_ALIVE_WINDOW.from + KEEP_ALIVE_WINDOW.to)) / 2,
    );
    expect(model.keepAliveEveryMinutes).toBeLessThan(idleMinutes);
    expect(model.linkCheckAfterMinutes).toBe(idleMinutes * LINK_CHECK_AFTER_IDLE_TIMEOUTS);
    expect(model.sessionMinutes).toBe(115);
  });

  it('idle clients ping on every ceil(30 / 8.3) = 4th keep-alive; clients receiving every 10 minutes never', () => {
    expect(pingShare(idle)).toBe(1 / 4);
    expect(pingShare({ ...idle, deliveriesPerConnectionMinute: 0.1 })).toBe(0);
    // A delivery every 40 minutes leaves 30-minute silences: link checks again.
    expect(pingShare({ ...idle, deliveriesPerConnectionMinute: 1 / 40 })).toBe(1 / 4);
  });

  it('keepAlive and ping are mock routes: neither invokes a function', () => {
    expect(routeInvokesFunction('keepAlive')).toBe(false);
    expect(routeInvokesFunction('ping')).toBe(false);
  });

  it('prices one message per keepAlive, two per ping, plus the sessions, per million connection-minutes', () => {
    const pricing = stackPricing('prod');
    const lifecycle: LifecycleUsage = {
      session: { ...none, apiGatewayMessages: 1 },
      keepAlive: { ...none, apiGatewayMessages: 1 },
      ping: { ...none, apiGatewayMessages: 2 },
    };
    const cost = connectionMinuteCost(pricing, lifecycle, none, idle);
    const ticks = 1e6 / clientSessionModel().keepAliveEveryMinutes;
    expect(cost.counts.keepAlives + cost.counts.pings).toBeCloseTo(ticks);
    expect(cost.counts.pings).toBeCloseTo(ticks / 4);
    expect(cost.counts.sessions).toBeCloseTo(1e6 / 115);
    const messages = cost.counts.keepAlives + 2 * cost.counts.pings + cost.counts.sessions;
    expect(cost.ours.apiGatewayMessages).toBeCloseTo(
      (messages / 1e6) * pricing.prices.apiGatewayPerMillionMessages,
      9,
    );
    expect(cost.ours.connectionMinutes).toBe(pricing.prices.apiGatewayPerMillionConnectionMinutes);
    expect(cost.oursTotal).toBeCloseTo(
      (cost.ours.connectionMinutes ?? 0) + (cost.ours.apiGatewayMessages ?? 0),
      9,
    );
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../core/errors.js';
import {
  connectionTtlSeconds,
  deliveryDelaySeconds,
  fanoutShardSize,
  idleTimeoutSeconds,
  managementEndpoint,
  maxConnectionSeconds,
  offlineRetentionMaxDays,
  optionalInteger,
  postConcurrency,
  tableName,
} from './config.js';

describe('environment getters', () => {
  it('name the missing variable', () => {
    expect(() => tableName({})).toThrowError(new ConfigurationError('TABLE_NAME', 'is required but not set'));
    expect(() => tableName({ TABLE_NAME: '  ' })).toThrow(/TABLE_NAME/);
  });

  it('validate URLs and strip a trailing slash', () => {
    expect(
      managementEndpoint({ WS_MANAGEMENT_ENDPOINT: 'https://abc.execute-api.eu-west-1.amazonaws.com/dev/' }),
    ).toBe('https://abc.execute-api.eu-west-1.amazonaws.com/dev');
    expect(() => managementEndpoint({ WS_MANAGEMENT_ENDPOINT: 'abc.execute-api' })).toThrow(
      /WS_MANAGEMENT_ENDPOINT.*not a URL/,
    );
    expect(() => managementEndpoint({ WS_MANAGEMENT_ENDPOINT: 'wss://abc/dev' })).toThrow(/http\(s\)/);
  });

  it('use the documented defaults and reject malformed or out-of-range integers', () => {
    expect(deliveryDelaySeconds({})).toBe(1);
    expect(connectionTtlSeconds({})).toBe(7800);
    expect(postConcurrency({})).toBe(50);
    expect(fanoutShardSize({ FANOUT_SHARD_SIZE: '100' })).toBe(100);
    expect(() => fanoutShardSize({ FANOUT_SHARD_SIZE: '5000' })).toThrow(
      /FANOUT_SHARD_SIZE: 5000 is outside 1..2000/,
    );
    expect(() => deliveryDelaySeconds({ DELIVERY_DELAY_SECONDS: '1.5' })).toThrow(
      /DELIVERY_DELAY_SECONDS.*not an integer/,
    );
    expect(idleTimeoutSeconds({})).toBe(600);
    expect(maxConnectionSeconds({})).toBe(7200);
    expect(idleTimeoutSeconds({ IDLE_TIMEOUT_SECONDS: '5' })).toBe(5);
    expect(maxConnectionSeconds({ MAX_CONNECTION_SECONDS: '30' })).toBe(30);
    expect(() => maxConnectionSeconds({ MAX_CONNECTION_SECONDS: '0' })).toThrow(/MAX_CONNECTION_SECONDS/);
    expect(() => idleTimeoutSeconds({ IDLE_TIMEOUT_SECONDS: '1.5' })).toThrow(/IDLE_TIMEOUT_SECONDS/);
    expect(offlineRetentionMaxDays({})).toBeUndefined();
    expect(offlineRetentionMaxDays({ OFFLINE_RETENTION_MAX_DAYS: '3' })).toBe(3);
    expect(() => offlineRetentionMaxDays({ OFFLINE_RETENTION_MAX_DAYS: '0' })).toThrow(
      /OFFLINE_RETENTION_MAX_DAYS: 0 is outside 1..365/,
    );
    expect(() => optionalInteger('X', 1, { min: 0, max: 2 }, { X: 'abc' })).toThrow(ConfigurationError);
  });
});

describe('cold start', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  it('a handler module fails to load, naming the variable, when its configuration is missing', async () => {
    delete process.env.TABLE_NAME;
    vi.resetModules();
    await expect(import('../disconnect.js')).rejects.toThrow(/TABLE_NAME/);
    process.env.TABLE_NAME = 'wspush-test';
    delete process.env.WS_MANAGEMENT_ENDPOINT;
    vi.resetModules();
    await expect(import('../user-router.js')).rejects.toThrow(/WS_MANAGEMENT_ENDPOINT/);
  });

  it('extendTTL needs the table and the management endpoint (its frame budget is on the meta row)', async () => {
    delete process.env.TABLE_NAME;
    vi.resetModules();
    await expect(import('../extend-ttl.js')).rejects.toThrow(/TABLE_NAME/);
  });
});

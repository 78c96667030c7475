import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './cli-options.js';

describe('parseCommandLine', () => {
  it('uses the documented defaults', () => {
    expect(parseCommandLine([], {})).toEqual({
      kind: 'start',
      options: {
        host: '127.0.0.1',
        gatewayPort: 3001,
        edgePort: 4566,
        idpPort: 3000,
        idleTimeoutSeconds: 600,
        maxConnectionSeconds: 7200,
        deliveryDelaySeconds: 1,
      },
    });
  });

  it('reads environment variables and lets flags win', () => {
    const parsed = parseCommandLine(['--gateway-port', '4001', '--data-dir', '/tmp/x', '--idle-timeout=30'], {
      WSPUSH_GATEWAY_PORT: '5001',
      WSPUSH_EDGE_PORT: '5566',
      WSPUSH_MAX_DURATION: '60',
    });
    expect(parsed).toMatchObject({
      kind: 'start',
      options: {
        gatewayPort: 4001,
        edgePort: 5566,
        dataDir: '/tmp/x',
        idleTimeoutSeconds: 30,
        maxConnectionSeconds: 60,
      },
    });
  });

  it('--close-expired-tokens-after (or WSPUSH_CLOSE_EXPIRED_TOKENS_AFTER) sets the token-expiry close; unset it is off', () => {
    expect(parseCommandLine(['--close-expired-tokens-after', '30'], {})).toMatchObject({
      options: { closeExpiredTokensAfterSeconds: 30 },
    });
    expect(parseCommandLine([], { WSPUSH_CLOSE_EXPIRED_TOKENS_AFTER: '0' })).toMatchObject({
      options: { closeExpiredTokensAfterSeconds: 0 },
    });
    const off = parseCommandLine([], {});
    expect(off.kind === 'start' && 'closeExpiredTokensAfterSeconds' in off.options).toBe(false);
    for (const bad of ['-1', '86401', '1.5', 'soon'])
      expect(() => parseCommandLine([`--close-expired-tokens-after=${bad}`], {})).toThrow(
        '--close-expired-tokens-after must be an integer 0-86400',
      );
    expect(() => parseCommandLine([], { WSPUSH_CLOSE_EXPIRED_TOKENS_AFTER: 'x' })).toThrow(
      'WSPUSH_CLOSE_EXPIRED_TOKENS_AFTER must be an integer 0-86400',
    );
  });

  it('--kafka-brokers (or WSPUSH_KAFKA_BROKERS) turns Kafka on; without it nothing about Kafka is set', () => {
    expect(parseCommandLine(['--kafka-brokers', 'localhost:9092,kafka-2:9093'], {})).toMatchObject({
      options: { kafka: { brokers: ['localhost:9092', 'kafka-2:9093'] } },
    });
    expect(parseCommandLine([], { WSPUSH_KAFKA_BROKERS: 'k:9092' })).toMatchObject({
      options: { kafka: { brokers: ['k:9092'] } },
    });
    const off = parseCommandLine([], {});
    expect(off.kind === 'start' && 'kafka' in off.options).toBe(false);
    expect(() => parseCommandLine(['--kafka-brokers', 'localhost'], {})).toThrow(
      '--kafka-brokers must be host:port',
    );
  });

  it('names the flag or variable of a bad value', () => {
    expect(() => parseCommandLine(['--edge-port', 'abc'], {})).toThrow('--edge-port must be a port number');
    expect(() => parseCommandLine([], { WSPUSH_IDP_PORT: '70000' })).toThrow('WSPUSH_IDP_PORT');
    expect(() => parseCommandLine(['--idle-timeout', '0'], {})).toThrow('--idle-timeout must be a positive');
    expect(() => parseCommandLine(['--delivery-delay', '901'], {})).toThrow('--delivery-delay');
    expect(() => parseCommandLine(['--nope'], {})).toThrow(/nope/);
  });

  it('prints help listing every flag and variable', () => {
    const parsed = parseCommandLine(['--help'], {});
    expect(parsed.kind).toBe('help');
    if (parsed.kind !== 'help') return;
    for (const word of [
      '--gateway-port',
      'WSPUSH_GATEWAY_PORT',
      '--data-dir',
      '--idle-timeout',
      '--max-duration',
    ]) {
      expect(parsed.text).toContain(word);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildDisconnectEvent,
  buildMessageEvent,
  type ConnectionEventContext,
  formatRequestTime,
  newApiGatewayId,
  upgradeRequestParts,
} from './websocket.js';

const connection: ConnectionEventContext = {
  connectionId: 'L0SM9cOFvHcCIhw=',
  connectedAt: 1764237600000,
  apiId: 'wspushloc1',
  stage: 'local',
  domainName: 'localhost:3001',
  sourceIp: '127.0.0.1',
  userAgent: 'test',
  authorizer: { principalId: 'alice', integrationLatency: 3, userId: 'alice', realm: 'acme', roles: '' },
};

describe('websocket event builders', () => {
  it('makes API Gateway style ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newApiGatewayId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });

  it('formats requestTime in the Common Log Format (UTC)', () => {
    expect(formatRequestTime(new Date('2026-11-07T09:05:03.123Z'))).toBe('07/Nov/2026:09:05:03 +0000');
  });

  it('keeps header case, repeated headers and repeated query parameters', () => {
    const parts = upgradeRequestParts(
      ['Host', 'localhost:3001', 'X-Custom', 'a', 'X-Custom', 'b', 'x-forwarded-for', '10.0.0.1'],
      '/?topics=a&topics=b&token=t%2Bx',
      { sourceIp: '127.0.0.1', port: 3001 },
    );
    expect(parts.headers).toMatchObject({
      Host: 'localhost:3001',
      'X-Custom': 'b',
      'x-forwarded-for': '10.0.0.1',
    });
    expect(parts.headers['X-Forwarded-For']).toBeUndefined(); // the client's own header is kept
    expect(parts.headers['X-Forwarded-Port']).toBe('3001');
    expect(parts.multiValueHeaders['X-Custom']).toEqual(['a', 'b']);
    expect(parts.queryStringParameters).toEqual({ topics: 'b', token: 't+x' });
    expect(parts.multiValueQueryStringParameters).toEqual({ topics: ['a', 'b'], token: ['t+x'] });
    expect(upgradeRequestParts([], '/?', { sourceIp: '::1', port: 1 }).queryStringParameters).toBeUndefined();
  });

  it('builds MESSAGE and DISCONNECT events with the authorizer context and fresh request ids', () => {
    const now = new Date('2026-11-27T10:00:00.000Z');
    const message = buildMessageEvent(
      connection,
      'ping',
      { body: '{"action":"ping"}', isBase64Encoded: false },
      now,
    );
    expect(message).toMatchObject({
      body: '{"action":"ping"}',
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'ping',
        eventType: 'MESSAGE',
        messageDirection: 'IN',
        connectionId: connection.connectionId,
        connectedAt: connection.connectedAt,
        requestTimeEpoch: now.getTime(),
        identity: { sourceIp: '127.0.0.1', userAgent: 'test' },
        authorizer: connection.authorizer,
      },
    });
    const again = buildMessageEvent(connection, 'ping', { body: '', isBase64Encoded: false }, now);
    expect(again.requestContext.requestId).not.toBe(message.requestContext.requestId);
    expect(again.requestContext.messageId).not.toBe(message.requestContext.messageId);
    const disconnect = buildDisconnectEvent(connection, { statusCode: 1001, reason: 'Going away' }, now);
    expect(disconnect.requestContext).toMatchObject({
      routeKey: '$disconnect',
      eventType: 'DISCONNECT',
      disconnectStatusCode: 1001,
      disconnectReason: 'Going away',
      authorizer: connection.authorizer,
    });
    expect(disconnect.headers?.Host).toBe('localhost:3001');
  });
});

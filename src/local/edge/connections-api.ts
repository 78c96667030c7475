/**
 * The API Gateway `@connections` management API at `/{stage}/@connections/{id}`, backed by the local
 * gateway's `ConnectionRegistry`. Errors carry `x-amzn-ErrorType` so the SDK raises `GoneException` etc.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectionRegistry } from '../gateway/connection-registry.js';
import type { Faults } from './faults.js';
import { readBody, sendJson } from './http-util.js';

/** Matches the path after an optional query string; the id is URL-decoded (the SDK encodes `=` as `%3D`). */
export function matchConnectionsPath(pathname: string): { stage: string; connectionId: string } | undefined {
  const match = /^\/([^/]+)\/@connections\/([^/]+)$/.exec(pathname);
  if (!match) return undefined;
  try {
    return {
      stage: decodeURIComponent(match[1] as string),
      connectionId: decodeURIComponent(match[2] as string),
    };
  } catch {
    return undefined;
  }
}

const ERRORS: Record<number, { type: string; message: string }> = {
  403: { type: 'ForbiddenException', message: 'Forbidden' },
  410: { type: 'GoneException', message: 'Gone' },
  413: { type: 'PayloadTooLargeException', message: 'Payload too large' },
  429: { type: 'LimitExceededException', message: 'Too many requests' },
  500: { type: 'InternalServerErrorException', message: 'Internal server error' },
};

export function sendConnectionsError(res: ServerResponse, status: number, message?: string): void {
  const error = ERRORS[status] ?? { type: 'InternalServerErrorException', message: 'Internal server error' };
  sendJson(
    res,
    status,
    { message: message ?? error.message },
    { 'x-amzn-ErrorType': error.type, 'x-amzn-RequestId': crypto.randomUUID() },
  );
}

const OUTCOME_STATUS = { gone: 410, 'too-large': 413, throttled: 429 } as const;

export interface ConnectionsApiOptions {
  registry: ConnectionRegistry;
  stage: string;
  faults: Faults;
  /** resolves when the edge stops, so hung requests end */
  stopping: Promise<void>;
}

export async function handleConnectionsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  target: { stage: string; connectionId: string },
  options: ConnectionsApiOptions,
): Promise<void> {
  const method = req.method ?? 'GET';
  const body = await readBody(req, 256 * 1024);
  if (target.stage !== options.stage) {
    sendConnectionsError(res, 403, 'Forbidden');
    return;
  }
  if (!['POST', 'GET', 'DELETE'].includes(method)) {
    sendConnectionsError(res, 403, `Method ${method} is not supported on @connections`);
    return;
  }
  const fault = options.faults.takeConnections(method, target.connectionId);
  if (fault?.kind === 'connections-status') {
    sendConnectionsError(res, fault.status);
    return;
  }
  if (fault?.kind === 'connections-hang') {
    // A hang without `ms` lasts until the client gives up or the edge stops.
    await Promise.race([
      options.stopping,
      new Promise((r) => (fault.ms === undefined ? res.once('close', r) : setTimeout(r, fault.ms))),
    ]);
    if (res.destroyed || res.writableEnded) return;
  }
  const { registry } = options;
  if (method === 'POST') {
    if (body.length > 128 * 1024) {
      sendConnectionsError(res, 413);
      return;
    }
    const outcome = await registry.post(target.connectionId, body);
    if (outcome === 'ok') sendJson(res, 200, undefined, {}, 'application/json');
    else sendConnectionsError(res, OUTCOME_STATUS[outcome]);
    return;
  }
  if (method === 'GET') {
    const info = registry.info(target.connectionId);
    if (!info) {
      sendConnectionsError(res, 410);
      return;
    }
    sendJson(res, 200, {
      connectedAt: info.connectedAt.toISOString(),
      lastActiveAt: info.lastActiveAt.toISOString(),
      identity: {
        sourceIp: info.sourceIp,
        ...(info.userAgent !== undefined ? { userAgent: info.userAgent } : {}),
      },
    });
    return;
  }
  if (await registry.close(target.connectionId)) {
    res.writeHead(204).end();
  } else {
    sendConnectionsError(res, 410);
  }
}

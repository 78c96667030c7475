/**
 * The seam between the local WebSocket gateway (which owns the sockets) and the local
 * `@connections` management API (which the routers and workers call through the real AWS SDK client).
 */

export interface ConnectionInfo {
  connectedAt: Date;
  lastActiveAt: Date;
  sourceIp: string;
  userAgent?: string;
}

/**
 * `gone`: unknown id, already closed, or still inside `$connect` (API Gateway answers 410 then too).
 * `too-large`: over the 128 KB message limit (413). `throttled`: the socket's send buffer is full (429).
 */
export type PostOutcome = 'ok' | 'gone' | 'too-large' | 'throttled';

export interface ConnectionRegistry {
  post(connectionId: string, data: Buffer): Promise<PostOutcome>;
  /** undefined when the connection is gone or still connecting. */
  info(connectionId: string): ConnectionInfo | undefined;
  /** Closes the socket (as DELETE @connections does); false when the connection is gone. */
  close(connectionId: string): Promise<boolean>;
}

/**
 * A `ConnectionRegistry` standing in for the gateway when tests drive the handlers directly: the edge's
 * `@connections` API answers 200 for the connections a test marks open (and records each frame), 410 for the
 * others. Other statuses (429, 500, a hang) come from the edge's fault rules, as on the platform.
 */
import type { ConnectionInfo, ConnectionRegistry, PostOutcome } from '../../gateway/connection-registry.js';

export interface RecordedPost {
  connectionId: string;
  frame: Record<string, unknown>;
}

export class RecordingRegistry implements ConnectionRegistry {
  /** Connection ids that answer 200. */
  readonly open = new Set<string>();
  /** Every frame posted to an open connection, in order. */
  readonly posts: RecordedPost[] = [];
  private readonly connectedAt = new Date();

  async post(connectionId: string, data: Buffer): Promise<PostOutcome> {
    if (!this.open.has(connectionId)) return 'gone';
    this.posts.push({ connectionId, frame: JSON.parse(data.toString('utf8')) as Record<string, unknown> });
    return 'ok';
  }

  info(connectionId: string): ConnectionInfo | undefined {
    if (!this.open.has(connectionId)) return undefined;
    return { connectedAt: this.connectedAt, lastActiveAt: this.connectedAt, sourceIp: '127.0.0.1' };
  }

  async close(connectionId: string): Promise<boolean> {
    return this.open.delete(connectionId);
  }

  /** The frames posted to one connection, in order. */
  framesTo(connectionId: string): Array<Record<string, unknown>> {
    return this.posts.filter((p) => p.connectionId === connectionId).map((p) => p.frame);
  }
}

/**
 * A `ConnectionRegistry` standing in for the gateway when tests drive the edge or the handlers directly: the
 * edge's `@connections` API answers 200 for the connections a test marks open (and records each post), 410 for
 * the others; an open connection may be given another outcome (429 throttled, 413 too large). Other statuses
 * (500, a hang) come from the edge's fault rules, as on the platform. One stand-in for the edge's own tests and
 * the handler tests (src/handlers/testing/harness.ts).
 */
import type { ConnectionInfo, ConnectionRegistry, PostOutcome } from '../../gateway/connection-registry.js';

export interface RecordedPost {
  connectionId: string;
  /** The posted bytes as text (a frame's JSON when the platform posts). */
  data: string;
}

export class RecordingRegistry implements ConnectionRegistry {
  /** Connection ids that answer (200 unless `outcomes` says otherwise). */
  readonly open = new Set<string>();
  /** An outcome other than `ok` for an open connection. */
  readonly outcomes = new Map<string, 'throttled' | 'too-large'>();
  /** Every post an open connection accepted, in order. */
  readonly posts: RecordedPost[] = [];
  /** Every connection DELETE @connections was asked to close, in order. */
  readonly closed: string[] = [];

  /** `connection`: what GET @connections reports for every open connection (default: opened now). */
  constructor(private readonly connection: ConnectionInfo = RecordingRegistry.openedNow()) {}

  private static openedNow(): ConnectionInfo {
    const now = new Date();
    return { connectedAt: now, lastActiveAt: now, sourceIp: '127.0.0.1' };
  }

  /** Opens a connection, optionally answering its posts with another outcome than `ok`. */
  add(connectionId: string, outcome?: 'throttled' | 'too-large'): void {
    this.open.add(connectionId);
    if (outcome === undefined) this.outcomes.delete(connectionId);
    else this.outcomes.set(connectionId, outcome);
  }

  /** Forgets every connection and post. */
  reset(): void {
    this.open.clear();
    this.outcomes.clear();
    this.posts.length = 0;
    this.closed.length = 0;
  }

  async post(connectionId: string, data: Buffer): Promise<PostOutcome> {
    if (!this.open.has(connectionId)) return 'gone';
    const outcome = this.outcomes.get(connectionId);
    if (outcome !== undefined) return outcome;
    this.posts.push({ connectionId, data: data.toString('utf8') });
    return 'ok';
  }

  info(connectionId: string): ConnectionInfo | undefined {
    return this.open.has(connectionId) ? this.connection : undefined;
  }

  async close(connectionId: string): Promise<boolean> {
    this.closed.push(connectionId);
    this.outcomes.delete(connectionId);
    return this.open.delete(connectionId);
  }

  /** Every accepted post as a frame (the platform posts JSON frames), in order. */
  frames(): Array<{ connectionId: string; frame: Record<string, unknown> }> {
    return this.posts.map((p) => ({ connectionId: p.connectionId, frame: JSON.parse(p.data) }));
  }

  /** The frames posted to one connection, in order. */
  framesTo(connectionId: string): Array<Record<string, unknown>> {
    return this.frames()
      .filter((p) => p.connectionId === connectionId)
      .map((p) => p.frame);
  }
}

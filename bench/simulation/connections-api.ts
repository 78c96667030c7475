/**
 * The `@connections` management API under virtual time: one account-wide token bucket (429
 * LimitExceededException when empty), a modeled round trip, the SDK's CPU per call on the calling invocation,
 * 410 for connections that are not open, and a ledger of which frames reached which connection (to count lost
 * and duplicate deliveries).
 */
import { classifyPostError } from '../../src/adapters/management-api-gateway.js';
import { ConnectionPostError } from '../../src/core/errors.js';
import type { PostOutcome } from '../../src/core/model.js';
import type { ConnectionGateway, RandomSource } from '../../src/core/ports.js';
import { AWS_MODEL } from './aws-model.js';
import type { Invocation } from './lambda.js';
import { lognormal, TokenBucket, type VirtualTime } from './virtual-time.js';

/** What a frame is, for the ledger: `welcome`, or the message id of a topic/user frame. */
export type FrameKey = string;

export interface ApiStats {
  calls: number;
  delivered: number;
  throttled: number;
  gone: number;
  /** Calls per kind of frame (welcome, topic, user, replayed …), successful ones only. */
  byKind: Record<string, number>;
}

export class SimConnectionsApi {
  readonly stats: ApiStats = { calls: 0, delivered: 0, throttled: 0, gone: 0, byKind: {} };
  private readonly bucket: TokenBucket;
  private lastData: string | undefined;
  private lastFrame: { key: FrameKey; kind: string } | undefined;
  /** Called for every frame that reached an open connection, at the time it reached it. */
  onDelivered: (connectionId: string, key: FrameKey, kind: string) => void = () => {};

  constructor(
    vt: VirtualTime,
    private readonly random: RandomSource,
    /** Whether API Gateway would accept a post to this connection now (open, not still in `$connect`). */
    private readonly isOpen: (connectionId: string) => boolean,
    rate: number = AWS_MODEL.connectionsApi.accountRatePerSecond,
    burst: number = AWS_MODEL.connectionsApi.accountBurst,
  ) {
    this.bucket = new TokenBucket(vt, rate, burst);
  }

  /**
   * The ConnectionGateway one invocation uses: the product's error mapping (`classifyPostError`) applied to the
   * errors the SDK would raise. The SDK client itself is not run (its per-command set-up would dominate the
   * simulation's run time); its CPU cost is charged to the invocation instead.
   */
  gatewayFor(invocation: Invocation): ConnectionGateway {
    return { post: (connectionId, data) => this.post(invocation, connectionId, data) };
  }

  private async post(invocation: Invocation, connectionId: string, data: string): Promise<PostOutcome> {
    const model = AWS_MODEL.connectionsApi;
    await invocation.cpu(model.sdkCpuPerCallMs);
    this.stats.calls++;
    let error: object;
    if (!this.bucket.tryTake()) {
      this.stats.throttled++;
      await invocation.sleep(lognormal(this.random, model.throttledRoundTripMedianMs, model.roundTripSigma));
      error = THROTTLED;
    } else if (!this.isOpen(connectionId)) {
      this.stats.gone++;
      await invocation.sleep(lognormal(this.random, model.roundTripMedianMs, model.roundTripSigma));
      error = GONE;
    } else {
      const { key, kind } = this.frameOf(data);
      this.stats.delivered++;
      this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
      this.onDelivered(connectionId, key, kind);
      await invocation.sleep(lognormal(this.random, model.roundTripMedianMs, model.roundTripSigma));
      return 'ok';
    }
    const outcome = classifyPostError(error);
    if (outcome) return outcome;
    throw new ConnectionPostError(connectionId, undefined, { cause: error });
  }

  private frameOf(data: string): { key: FrameKey; kind: string } {
    if (data === this.lastData && this.lastFrame) return this.lastFrame;
    const frame = JSON.parse(data) as { kind: string; id?: string; replayed?: boolean; offline?: boolean };
    const kind = frame.replayed ? 'replayed' : frame.offline ? 'offline' : frame.kind;
    this.lastData = data;
    this.lastFrame = { key: frame.kind === 'welcome' ? 'welcome' : (frame.id ?? '?'), kind };
    return this.lastFrame;
  }
}

/** What the SDK raises, as `classifyPostError` reads it (plain objects: a stack trace per 429 would dominate). */
const sdkError = (name: string, status: number): object => ({ name, $metadata: { httpStatusCode: status } });
const THROTTLED = sdkError('LimitExceededException', 429);
const GONE = sdkError('GoneException', 410);

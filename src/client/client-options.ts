/** What `connect` accepts: endpoint, token source, topics, timings and the injectable parts. */
import type { ValidationResult } from '../../generated/field-errors.js';
import type { ConnectionLimits } from '../../generated/models.js';
import type { ConcreteTopicName } from '../../generated/topics.js';
import type { BackoffOptions } from './backoff.js';
import type { PositionStorage } from './position-storage.js';
import type { TokenTransport, WebSocketConstructor } from './socket.js';
import type { Timers } from './timers.js';

/** A payload validator per topic and per user message type (`payloadValidation` of `wspush/client/validation`). */
export type PayloadValidator = (payload: unknown) => ValidationResult<unknown>;

export interface PayloadValidation {
  /** The payload validator of a concrete topic name's family; undefined when no family matches the name. */
  readonly topic: (name: string) => PayloadValidator | undefined;
  readonly userMessages: Readonly<Record<string, PayloadValidator>>;
}

export interface ConnectOptions {
  /** The WebSocket endpoint, e.g. `wss://{apiId}.execute-api.{region}.amazonaws.com/dev` or `ws://localhost:3001`. */
  url: string;
  /** A fixed token. Prefer `getToken` for anything that lives longer than the token. */
  token?: string;
  /** Called before every connection attempt (first connect, each reconnect, each handover). */
  getToken?: () => string | Promise<string>;
  /**
   * Realm-relative topic names (`announcements`, `jobs.8812`). Unknown or forbidden ones come back in
   * `welcome.rejected`. `subscribe` / `unsubscribe` change the set later; every new connection asks for it.
   */
  topics?: readonly (ConcreteTopicName | (string & {}))[];
  /** How long `subscribe` / `unsubscribe` wait for the server's answer before rejecting. Default 10 s. */
  requestTimeoutMs?: number;
  /** A WebSocket class; defaults to `globalThis.WebSocket`. In Node 20 pass `WebSocket` from `ws`. */
  WebSocket?: WebSocketConstructor;
  /** Where the token goes. Default: `subprotocol` in browsers, `header` elsewhere. */
  transport?: TokenTransport;
  /**
   * Validate every payload against the contract before calling handlers (invalid ones emit `invalid-message`):
   * pass `payloadValidation` from `wspush/client/validation`. Without it the client carries no validator.
   */
  validatePayloads?: PayloadValidation;
  backoff?: BackoffOptions;
  /** Consecutive attempts that fail before the socket opens (and getToken failures) before giving up. Default 8. */
  maxPreOpenFailures?: number;
  /**
   * Interval of keep-alive frames (the one-way `keepAlive`, one API Gateway message, nothing comes back).
   * Default: as rarely as the idle timeout safely allows, jittered so that clients connected together do not
   * send together — 78–88 % of it (7.8–8.8 minutes of 10; the rest covers timers that browsers fire late).
   */
  keepAliveIntervalMs?: number;
  /**
   * When nothing at all was received for this long, the next keep-alive is a two-way `ping` (a link check).
   * Default: three idle timeouts (30 minutes).
   */
  linkCheckAfterMs?: number;
  /**
   * How long a link check waits for any frame before the connection counts as dead: the client drops it and
   * reconnects (as after a network loss, 1006). Default 20 s.
   */
  linkCheckTimeoutMs?: number;
  /** How long before the rows expire `extendTTL` is sent. Default 20 % of the TTL, at most 10 minutes. */
  ttlRefreshMarginMs?: number;
  /** How long before the maximum connection duration the handover starts. Default 10 %, 1 s to 5 minutes. */
  handoverLeadMs?: number;
  /** How long the old connection stays open after the new one's welcome (catches in-flight messages). Default 2 s. */
  handoverOverlapMs?: number;
  /**
   * A 1000 close sent by the server (not by `close()`) is how a forced disconnect arrives: API Gateway's
   * `DELETE @connections` cannot send another code. Default `true`: reconnect with a fresh token (to keep a user
   * out, deny the token: a 401/403 upgrade stops the client). `false`: treat it as terminal, as the contract's
   * close-code table classifies 1000.
   */
  reconnectOnServerClose?: boolean;
  /**
   * Overrides the limits the welcome frame reports, for a deployment that enforces shorter ones than it
   * announces (e.g. a proxy in front of API Gateway with its own timeouts).
   */
  limits?: Partial<ConnectionLimits>;
  /**
   * Where the last stream position per history topic is kept (sent as `since` on every new connection and
   * subscribe). Default: memory, for the client's lifetime. In browsers, `localStoragePositionStorage(key)`
   * lets a reloaded page resume.
   */
  positionStorage?: PositionStorage;
  /** How many message ids are remembered for de-duplication. Default 1000. */
  dedupCapacity?: number;
  timers?: Timers;
  /** [0, 1) random source for backoff jitter. */
  random?: () => number;
}

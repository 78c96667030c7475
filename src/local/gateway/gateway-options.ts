/** The local gateway's public types and its settings with their defaults applied (one place for each default). */
import type { ConnectionRegistry } from './connection-registry.js';

/** Invokes a Lambda function by name (the local runtime's `invokeFunction`) and resolves with its result. */
export type FunctionInvoker = (functionName: string, event: unknown) => Promise<unknown>;

/** The part of the generated route table the gateway needs. */
/** The part of the generated route table the gateway needs: a function route, or a mock it answers itself. */
export type GatewayRoute =
  | { routeKey: string; integration?: 'lambda'; handler: string; twoWay: boolean; authorizer?: string }
  | { routeKey: string; integration: 'mock'; twoWay: boolean };

export type FunctionGatewayRoute = Extract<GatewayRoute, { handler: string }>;

/** The route `routeKey` when it invokes a function (`$connect`, `$disconnect` never are mocks); else undefined. */
export function functionRoute(
  routes: Readonly<Record<string, GatewayRoute>>,
  routeKey: string,
): FunctionGatewayRoute | undefined {
  const route = routes[routeKey];
  if (route?.integration === 'mock') throw new Error(`the ${routeKey} route must invoke a function`);
  return route;
}

export interface GatewayLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  connectionId?: string;
  [key: string]: unknown;
}

export type GatewayLog = (entry: GatewayLogEntry) => void;

export interface GatewayOptions {
  routes: Readonly<Record<string, GatewayRoute>>;
  invoke: FunctionInvoker;
  host?: string;
  /** 0 picks a free port. Default 3001. */
  port?: number;
  stage?: string;
  apiId?: string;
  region?: string;
  accountId?: string;
  idleTimeoutSeconds?: number;
  maxConnectionSeconds?: number;
  frameBytes?: number;
  messageBytes?: number;
  /** A POST is throttled (429) while the socket's send buffer holds more than this. Default 1 MiB. */
  maxBufferedBytes?: number;
  log?: GatewayLog;
  /**
   * Test seam: awaited after `$connect` succeeded and before the handshake completes, i.e. while the
   * connection is *connecting* (the management API answers 410). Tests publish here to hit that race.
   */
  onConnecting?: (connectionId: string) => Promise<void> | void;
}

export interface Gateway {
  /** `ws://host:port` */
  url: string;
  host: string;
  port: number;
  stage: string;
  registry: ConnectionRegistry;
  /** Ids of open connections (for tests and the console). */
  openConnectionIds(): string[];
  /** Closes every socket with 1001, waits for the `$disconnect` invocations, then closes the server. */
  stop(): Promise<void>;
}

/** `GatewayOptions` with every default applied. */
export interface GatewaySettings {
  routes: Readonly<Record<string, GatewayRoute>>;
  invoke: FunctionInvoker;
  host: string;
  port: number;
  stage: string;
  apiId: string;
  region: string;
  accountId: string;
  idleMs: number;
  maxMs: number;
  frameBytes: number;
  messageBytes: number;
  maxBufferedBytes: number;
  log: GatewayLog;
  onConnecting: ((connectionId: string) => Promise<void> | void) | undefined;
}

/** Default log sink: warnings and errors to stderr, one JSON line each. */
function logWarningsToStderr(entry: GatewayLogEntry): void {
  if (entry.level !== 'info') process.stderr.write(`${JSON.stringify({ source: 'gateway', ...entry })}\n`);
}

export function resolveGatewaySettings(options: GatewayOptions): GatewaySettings {
  return {
    routes: options.routes,
    invoke: options.invoke,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 3001,
    stage: options.stage ?? 'local',
    apiId: options.apiId ?? 'wspushloc1',
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '000000000000',
    idleMs: (options.idleTimeoutSeconds ?? 600) * 1000,
    maxMs: (options.maxConnectionSeconds ?? 7200) * 1000,
    frameBytes: options.frameBytes ?? 32 * 1024,
    messageBytes: options.messageBytes ?? 128 * 1024,
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
    log: options.log ?? logWarningsToStderr,
    onConnecting: options.onConnecting,
  };
}

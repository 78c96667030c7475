/**
 * Answers the frames a client sends (`ping`, `extendTTL`, anything else on `$default`) with one reply frame.
 * Bad input always gets a typed error frame (INVALID_JSON, UNKNOWN_ACTION, INVALID_FRAME,
 * BINARY_NOT_SUPPORTED), with the client's `requestId` echoed when it is valid; the socket stays open.
 */
import { clientActions, formatErrors, matchesPattern, validators } from '../../generated/index.js';
import type { ConnectionService } from './connections.js';
import { errorFrame, pongFrame, type ReplyFrame, ttlExtendedFrame } from './frames.js';
import type { Clock } from './ports.js';

type ClientAction = keyof typeof clientActions;

export type ParsedClientFrame =
  | { ok: true; action: ClientAction; requestId?: string }
  | { ok: false; reply: ReplyFrame };

function isClientAction(value: string): value is ClientAction {
  return Object.hasOwn(clientActions, value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

export function parseClientFrame(
  body: string | undefined | null,
  isBase64Encoded: boolean,
): ParsedClientFrame {
  if (isBase64Encoded) {
    return { ok: false, reply: errorFrame('BINARY_NOT_SUPPORTED', 'binary frames are not accepted') };
  }
  let data: unknown;
  try {
    data = JSON.parse(body ?? '');
  } catch {
    return { ok: false, reply: errorFrame('INVALID_JSON', 'the frame is not valid JSON') };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reply: errorFrame('INVALID_JSON', 'the frame is not a JSON object') };
  }
  const frame = data as Record<string, unknown>;
  const requestId = matchesPattern('RequestId', frame.requestId) ? frame.requestId : undefined;
  const action = frame.action;
  if (typeof action !== 'string' || !isClientAction(action)) {
    const message = action === undefined ? 'the frame has no "action"' : `unknown action ${describe(action)}`;
    return { ok: false, reply: errorFrame('UNKNOWN_ACTION', message, requestId) };
  }
  const result: { ok: true } | { ok: false; errors: Parameters<typeof formatErrors>[0] } =
    action === 'ping' ? validators.PingAction(frame) : validators.ExtendTtlAction(frame);
  if (!result.ok) {
    return { ok: false, reply: errorFrame('INVALID_FRAME', formatErrors(result.errors), requestId) };
  }
  return requestId === undefined ? { ok: true, action } : { ok: true, action, requestId };
}

export class ClientFrameService {
  constructor(private readonly deps: { connections: ConnectionService; clock: Clock }) {}

  /** The reply to one client frame (never throws for bad input; storage failures propagate). */
  async respond(
    connectionId: string,
    body: string | undefined | null,
    isBase64Encoded: boolean,
  ): Promise<ReplyFrame> {
    const parsed = parseClientFrame(body, isBase64Encoded);
    if (!parsed.ok) return parsed.reply;
    if (parsed.action === 'ping') return pongFrame(this.deps.clock.now(), parsed.requestId);
    const expiresAt = await this.deps.connections.extend(connectionId);
    if (expiresAt === undefined) {
      return errorFrame(
        'CONNECTION_NOT_FOUND',
        'the connection is no longer registered; reconnect',
        parsed.requestId,
      );
    }
    return ttlExtendedFrame(expiresAt, parsed.requestId);
  }
}

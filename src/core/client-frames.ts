/**
 * Answers the frames a client sends (`ping`, `extendTTL`, anything else on `$default`) with one reply frame.
 * Bad input always gets a typed error frame (INVALID_JSON, UNKNOWN_ACTION, INVALID_FRAME,
 * BINARY_NOT_SUPPORTED), with the client's `requestId` echoed when it is valid; the socket stays open.
 */
// Generated modules by name: the actions' validators only, not the map of every schema's (bundle size limit).
import { formatErrors, wrapValidator } from '../../generated/field-errors.js';
import { matchesPattern } from '../../generated/patterns.js';
import { clientActions, clientActionValidators } from '../../generated/routes.js';
import type { ConnectionService } from './connections.js';
import type { FrameBudget } from './frame-budget.js';
import { errorFrame, pongFrame, type ReplyFrame, ttlExtendedFrame } from './frames.js';
import type { Clock } from './ports.js';
import type { SinceEntry } from './stream-positions.js';
import type { TokenExpiryGuard } from './token-expiry.js';

type ClientAction = keyof typeof clientActions;

export type ParsedClientFrame =
  | {
      ok: true;
      action: ClientAction;
      requestId?: string /** subscribe / unsubscribe: the names sent. */;
      topics?: string[];
      /** subscribe: the positions sent (`since`), each checked later against the accepted topics. */
      since?: SinceEntry[];
    }
  | { ok: false; reply: ReplyFrame };

function isClientAction(value: string): value is ClientAction {
  return Object.hasOwn(clientActions, value);
}

/**
 * Names a client value for an error message without serializing it: a string is cut before it is quoted,
 * an object or array is named by its type only (it may be nested thousands of levels deep).
 */
function describeClientValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? '(an array)' : `(${typeof value === 'object' ? 'an object' : typeof value})`;
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
    const message =
      action === undefined ? 'the frame has no "action"' : `unknown action ${describeClientValue(action)}`;
    return { ok: false, reply: errorFrame('UNKNOWN_ACTION', message, requestId) };
  }
  // Wrapped per frame, not at import: a bundle that never parses a frame drops the validators.
  const result = wrapValidator(clientActionValidators[action])(frame);
  if (!result.ok) {
    return { ok: false, reply: errorFrame('INVALID_FRAME', formatErrors(result.errors), requestId) };
  }
  const parsed: ParsedClientFrame = { ok: true, action };
  if (requestId !== undefined) parsed.requestId = requestId;
  // The frame passed its action's schema: SubscribeAction / UnsubscribeAction require `topics: string[]`.
  const { topics, since } = result.value as { topics?: string[]; since?: Record<string, unknown> };
  if (topics !== undefined) parsed.topics = topics;
  // At most 20 entries (SubscribeAction.since maxProperties): each position is checked on its own later.
  if (since !== undefined)
    parsed.since = Object.entries(since).map(([topic, position]) => ({ topic, position }));
  return parsed;
}

export class ClientFrameService {
  constructor(
    private readonly deps: {
      connections: ConnectionService;
      clock: Clock;
      budget: FrameBudget;
      /** Set on stacks that close connections whose token expired (src/core/token-expiry.ts). */
      tokenExpiry?: TokenExpiryGuard;
    },
  ) {}

  /**
   * The reply to one client frame (never throws for bad input; storage failures propagate). Every frame, valid
   * or not, spends the connection's frame budget first; undefined when the budget closed the connection.
   */
  async respond(
    connectionId: string,
    body: string | undefined | null,
    isBase64Encoded: boolean,
  ): Promise<ReplyFrame | undefined> {
    const parsed = parseClientFrame(body, isBase64Encoded);
    const admission = await this.deps.budget.admit(connectionId, parsed.ok ? parsed.requestId : undefined);
    if (!admission.handle) return admission.reply;
    if (!parsed.ok) return parsed.reply;
    if (parsed.action === 'ping') return pongFrame(this.deps.clock.now(), parsed.requestId);
    if (parsed.action !== 'extendTTL') {
      // subscribe / unsubscribe have their own routes; only a stack without them lands here.
      return errorFrame('UNKNOWN_ACTION', `"${parsed.action}" is not served on this route`, parsed.requestId);
    }
    const guard = this.deps.tokenExpiry;
    const expiresAt = await this.deps.connections.extend(
      connectionId,
      guard && ((record) => guard.closeIfExpired(record, parsed.requestId)),
    );
    if (expiresAt === 'stopped') return undefined; // closed for its token: the notice was the last frame
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

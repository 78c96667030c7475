/** What a `PushClient` tells the application: its states, events, and why it closed. */
import type { FieldError } from '../../generated/field-errors.js';
import type {
  ErrorFrame,
  RecoveryFrame,
  TopicMessageFrame,
  UserMessageFrame,
  WelcomeFrame,
} from '../../generated/models.js';

export type ClientState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export type ClosedReason = 'client' | 'terminal-close-code' | 'token-denied' | 'too-many-failures';

export interface ClosedDetail {
  reason: ClosedReason;
  /** The WebSocket close code of the last connection, if any. */
  code?: number;
  /** The close code's class name from the contract (`NORMAL`, `POLICY_VIOLATION`, `APP_TERMINAL`…). */
  codeName?: string;
  /** The HTTP status of a refused upgrade (401 invalid token, 403 denied). */
  status?: number;
}

export interface InvalidMessage {
  frame: TopicMessageFrame | UserMessageFrame;
  errors: FieldError[];
}

export interface ClientEvents {
  state: (state: ClientState) => void;
  /** Every welcome frame: the accepted and rejected topics, limits, pending offline messages. */
  welcome: (welcome: WelcomeFrame) => void;
  /** A new connection took over from the previous one without a gap. */
  handover: (detail: { from: string | undefined; to: string }) => void;
  reconnecting: (detail: { attempt: number; delayMs: number; code?: number; status?: number }) => void;
  closed: (detail: ClosedDetail) => void;
  /** Every topic or user message after de-duplication (and validation, when enabled). */
  message: (frame: TopicMessageFrame | UserMessageFrame) => void;
  /**
   * Per topic the client sent a position for (`since`), after that topic's replay (from a `recovery` frame, or on
   * connect from the welcome's `recovery` array, handed on alike once the replay arrived): `recovered: true` —
   * nothing was missed; `recovered: false` (`code` EPOCH_CHANGED, HISTORY_TRIMMED) — messages were lost, reload the
   * topic's state from your API; `code` SINCE_* — the position was ignored and the topic replayed as without it.
   */
  recovery: (frame: RecoveryFrame) => void;
  'error-frame': (frame: ErrorFrame) => void;
  'invalid-message': (detail: InvalidMessage) => void;
  /** Socket errors, unparseable frames, token fetch failures and exceptions thrown by handlers. */
  error: (error: Error) => void;
}

/** The error `ready()`, pending requests and calls after close reject with. */
export function closedError(detail: ClosedDetail): Error {
  const parts = [`client closed (${detail.reason})`];
  if (detail.status !== undefined) parts.push(`upgrade status ${detail.status}`);
  if (detail.code !== undefined)
    parts.push(`close code ${detail.code}${detail.codeName ? ` ${detail.codeName}` : ''}`);
  return new Error(parts.join(', '));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

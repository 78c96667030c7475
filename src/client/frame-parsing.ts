/** Reads a socket message as a server frame: a JSON object with a string `kind`, or the reason it is ignored. */
import type { SocketEvent } from './socket.js';

export type ServerFrame = Record<string, unknown> & { kind: string };

export type ParsedFrame = { ok: true; frame: ServerFrame } | { ok: false; error: Error };

export function parseFrame(event: SocketEvent): ParsedFrame {
  if (typeof event.data !== 'string') return { ok: false, error: new Error('ignored a non-text frame') };
  let frame: unknown;
  try {
    frame = JSON.parse(event.data);
  } catch {
    return { ok: false, error: new Error(`ignored a frame that is not JSON: ${event.data.slice(0, 80)}`) };
  }
  if (!isRecord(frame) || typeof frame.kind !== 'string') {
    return { ok: false, error: new Error(`ignored a frame without kind: ${event.data.slice(0, 80)}`) };
  }
  return { ok: true, frame: frame as ServerFrame };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

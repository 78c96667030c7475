/**
 * Loads the bad-input corpus (`test/reliability/corpus/*.jsonl`, described in its README) into typed cases,
 * resolving the contract placeholders (`{{topic.openHistory}}`, …) from the contract picks,
 * and turns the data descriptors into the exact bytes / envelopes to send.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePlaceholders } from './corpus-placeholders.js';

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');

export type FrameSpec =
  | { text: string }
  | { binaryBase64: string }
  | { textOfBytes: { prefix: string; fill: string; suffix: string; bytes: number } }
  | { binaryOfBytes: number }
  | { fragments: { count: number; bytes: number } };

export type FrameExpectation =
  | { error: string | string[] }
  | { close: number }
  | { reply: 'pong' }
  /** A valid `subscribe` with bad positions: `subscribed`, then these `recovery` frames (recovered false). */
  | { subscribed: { requestId: string; recovery: RecoveryExpectation } };

export interface FrameCase {
  id: string;
  description: string;
  frame: FrameSpec;
  expect: FrameExpectation;
  note?: string;
}

export interface TokenDescriptor {
  sub?: unknown;
  realm: string;
  roles?: string[];
  resourceRoles?: string[];
  iss?: string | null;
  aud?: string | string[] | null;
  expiresInSeconds?: number | null;
  notBeforeSeconds?: number;
  alg?: 'RS256' | 'none' | 'NONE' | 'HS256-public-key';
  key?: 'platform' | 'forged';
  kid?: 'platform' | 'unknown' | 'none';
  tamper?: 'payload-sub' | 'payload-roles' | 'truncate-signature' | 'strip-signature' | 'extra-segment';
}

export type TokenSpec = null | { raw: string; asHeaderValue?: boolean } | TokenDescriptor;

/** The `recovery` frames expected after the welcome, in order (each `recovered: false`). */
export type RecoveryExpectation = { topic: string; code: string }[];

export type ConnectExpectation =
  | { status: 401 | 403 }
  | {
      welcome: {
        accepted: string[];
        rejected: { topic: string; code: string }[];
        recovery?: RecoveryExpectation;
      };
    }
  | { welcome: { accepted: string[]; rejectedCount: number; rejectedCode: string } };

export interface ConnectCase {
  id: string;
  description: string;
  token: TokenSpec;
  tokenVia:
    | 'query'
    | 'subprotocol'
    | 'header'
    | 'header-raw'
    | 'subprotocol-bearer-only'
    | 'query+header-different';
  topics: string;
  /** The raw `since` query value (positions), when the case sends one. */
  since?: string;
  /** The raw `recovery` query value (where the answers to `since` go), when the case sends one. */
  recovery?: string;
  expect: ConnectExpectation;
  expectAlternatives?: ConnectExpectation[];
  note?: string;
}

export interface PublishCase {
  id: string;
  description: string;
  channel: 'broadcast' | 'user';
  envelope: unknown;
  oversize?: 'envelope' | 'sns';
  expect: { rejected: true; field: string | string[] };
}

function readJsonl<T extends { id: string }>(file: string): T[] {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  const cases = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw new Error(`${file}:${index + 1}: not JSON (${String(error)})`);
      }
    })
    .map((parsed, index) => {
      try {
        return resolvePlaceholders(parsed) as T;
      } catch (error) {
        throw new Error(`${file}:${index + 1}: ${String(error)}`);
      }
    });
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`${file}: duplicate case id ${c.id}`);
    ids.add(c.id);
  }
  return cases;
}

export const loadFrameCases = (): FrameCase[] => readJsonl<FrameCase>('frames.jsonl');
export const loadConnectCases = (): ConnectCase[] => readJsonl<ConnectCase>('connect.jsonl');
export const loadPublishCases = (): PublishCase[] => readJsonl<PublishCase>('publish.jsonl');

/** The frames to send for one case: `fin` false on all but the last fragment. */
export interface WireFrame {
  data: Buffer;
  binary: boolean;
  fin: boolean;
}

function textOfBytes(spec: { prefix: string; fill: string; suffix: string; bytes: number }): Buffer {
  const fixed = Buffer.byteLength(spec.prefix) + Buffer.byteLength(spec.suffix);
  const fillBytes = Buffer.byteLength(spec.fill);
  const repeats = Math.ceil(Math.max(0, spec.bytes - fixed) / fillBytes);
  return Buffer.from(spec.prefix + spec.fill.repeat(repeats) + spec.suffix, 'utf8');
}

export function wireFrames(spec: FrameSpec): WireFrame[] {
  if ('text' in spec) return [{ data: Buffer.from(spec.text, 'utf8'), binary: false, fin: true }];
  if ('binaryBase64' in spec)
    return [{ data: Buffer.from(spec.binaryBase64, 'base64'), binary: true, fin: true }];
  if ('textOfBytes' in spec) return [{ data: textOfBytes(spec.textOfBytes), binary: false, fin: true }];
  if ('binaryOfBytes' in spec)
    return [{ data: Buffer.alloc(spec.binaryOfBytes, 7), binary: true, fin: true }];
  const { count, bytes } = spec.fragments;
  return Array.from({ length: count }, (_, i) => ({
    data: Buffer.alloc(bytes, 'a'),
    binary: false,
    fin: i === count - 1,
  }));
}

/** The frame text when the case is a single text frame (what `$default` receives as `body`). */
export function singleText(spec: FrameSpec): string | undefined {
  const frames = wireFrames(spec);
  const only = frames[0];
  return frames.length === 1 && only && !only.binary ? only.data.toString('utf8') : undefined;
}

export interface Placeholders {
  messageId: string;
  now: string;
  offlineUser: string;
}

function substitute(value: unknown, p: Placeholders): unknown {
  if (value === '$messageId') return p.messageId;
  if (value === '$now') return p.now;
  if (value === '$offlineUser') return p.offlineUser;
  if (Array.isArray(value)) return value.map((v) => substitute(v, p));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const repeat = record.$repeat;
    if (Array.isArray(repeat) && Object.keys(record).length === 1) {
      return String(repeat[0]).repeat(Number(repeat[1]));
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, substitute(v, p)]));
  }
  return value;
}

/** The SNS message text of a publish case. */
export function envelopeMessage(c: PublishCase, p: Placeholders): string {
  const envelope = c.envelope;
  if (envelope !== null && typeof envelope === 'object' && '$raw' in envelope) {
    const raw = String((envelope as { $raw: unknown }).$raw);
    return raw
      .replaceAll('"$messageId"', JSON.stringify(p.messageId))
      .replaceAll('"$now"', JSON.stringify(p.now))
      .replaceAll('"$offlineUser"', JSON.stringify(p.offlineUser));
  }
  return JSON.stringify(substitute(envelope, p));
}

/** The envelope as a value (for validators that take parsed data); undefined when the text is not JSON. */
export function envelopeValue(c: PublishCase, p: Placeholders): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(envelopeMessage(c, p)) };
  } catch {
    return { ok: false };
  }
}

/** Does a list of `{field}` errors contain one at (or below) one of the expected fields? */
export function namesField(errors: readonly { field: string }[], expected: string | string[]): boolean {
  const wanted = Array.isArray(expected) ? expected : [expected];
  return errors.some((e) =>
    wanted.some((w) => e.field === w || e.field.startsWith(`${w}.`) || w === '(root)'),
  );
}

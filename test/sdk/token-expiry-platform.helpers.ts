/**
 * The token-expiry close (issue #14 item 13) through the local platform, shared by the "on" and "off" files
 * (each file runs in its own process: the handlers read the setting once, at load).
 */
import { limits } from '../../generated/index.js';
import { connect, type PushClient } from '../../src/client/index.js';
import type { Platform } from '../../src/local/platform.js';
import { topics } from '../support/contract-picks.js';
import { recordingWebSocket } from './platform-helpers.js';

/**
 * Tokens of the dev issuer: the first lives `ttlSeconds`, later ones `laterTtlSeconds` (default the same; a long
 * one keeps the reconnected connection from being closed again during the test). Keeps each token.
 */
export function shortTokens(
  platform: Platform,
  userId: string,
  ttlSeconds: number,
  laterTtlSeconds = ttlSeconds,
) {
  const minted: string[] = [];
  const getToken = async (): Promise<string> => {
    const ttl = minted.length === 0 ? ttlSeconds : laterTtlSeconds;
    const response = await fetch(`${platform.urls.idp}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, realm: 'acme', roles: [], ttlSeconds: ttl }),
    });
    if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
    const { token } = (await response.json()) as { token: string };
    minted.push(token);
    return token;
  };
  return { getToken, minted };
}

/** An SDK client that sends its first `extendTTL` about `extendAfterMs` after the welcome (default: much later). */
export function clientExtendingAfter(
  platform: Platform,
  getToken: () => Promise<string>,
  extendAfterMs?: number,
): { client: PushClient; frames: { kind: string; code?: string; closeCode?: number }[] } {
  const { WebSocket, frames } = recordingWebSocket();
  const client = connect({
    url: platform.urls.gateway,
    getToken,
    topics: [topics.openHistory],
    WebSocket,
    // The rows expire connectionTtlSeconds after the welcome: a margin this close to it fires soon. Without
    // extendAfterMs the SDK's default applies (its first extendTTL comes after about 104 minutes).
    ...(extendAfterMs === undefined
      ? {}
      : { ttlRefreshMarginMs: limits.connectionTtlSeconds * 1000 - extendAfterMs }),
  });
  return { client, frames: frames as { kind: string; code?: string; closeCode?: number }[] };
}

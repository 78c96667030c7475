/** Shared setup of the SDK tests that run against the local platform (one platform per test file). */
import { SNSClient } from '@aws-sdk/client-sns';
import { WebSocket } from 'ws';
import type { WebSocketConstructor } from '../../src/client/index.js';
import {
  ephemeralPlatformOptions,
  type Platform,
  type PlatformOptions,
  startPlatform,
} from '../../src/local/platform.js';
import { createPublisher, type Publisher } from '../../src/publisher/index.js';

export async function startLocalPlatform(options: PlatformOptions = {}): Promise<Platform> {
  return startPlatform({
    ...ephemeralPlatformOptions,
    ...options,
  });
}

export function publisherFor(platform: Platform): Publisher {
  return createPublisher({
    snsClient: new SNSClient({
      endpoint: platform.urls.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }),
    broadcastTopicArn: platform.urls.broadcastTopicArn,
    userTopicArn: platform.urls.userTopicArn,
  });
}

/** A getToken for the local identity provider that counts its calls. */
export function tokenSource(
  platform: Platform,
  userId: string,
  roles: string[] = [],
  realm = 'acme',
): (() => Promise<string>) & { calls: number } {
  const getToken = Object.assign(
    async (): Promise<string> => {
      getToken.calls += 1;
      const response = await fetch(`${platform.urls.idp}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, realm, roles }),
      });
      if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    { calls: 0 },
  );
  return getToken;
}

/** `ws`'s WebSocket that also records every raw frame, to see what de-duplication removed. */
export function recordingWebSocket(): {
  WebSocket: WebSocketConstructor;
  frames: { kind: string; id?: string }[];
} {
  const frames: { kind: string; id?: string }[] = [];
  class RecordingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[], options?: { headers?: Record<string, string> }) {
      super(url, protocols, options);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string')
          frames.push(JSON.parse(event.data) as { kind: string; id?: string });
      });
    }
  }
  return { WebSocket: RecordingWebSocket, frames };
}

export async function waitFor(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

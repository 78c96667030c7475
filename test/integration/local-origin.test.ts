/**
 * The local platform answers only this machine (issue #14 item 12): a page on another site cannot mint or read
 * a token, publish through SNS with a form POST or the console with text/plain, or open a WebSocket, and a DNS
 * rebinding host name is refused by every server; the AWS SDK, the CLI's requests and pages on loopback
 * origins keep working.
 */
import { request } from 'node:http';
import { PublishCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { topics } from '../support/contract-picks.js';
import { type AwsClients, awsClients, startTestPlatform, tokenFor, upgradeStatus } from './support.js';

let platform: Platform;
let clients: AwsClients;

beforeAll(async () => {
  platform = await startTestPlatform();
  clients = awsClients(platform);
});
afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

const EVIL = 'https://evil.example';

/** A raw HTTP request (fetch cannot set Host): status, headers and body. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += String(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const tokenRequest = (headers: Record<string, string>) =>
  raw(`${platform.urls.idp}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ userId: 'mallory', realm: 'acme', roles: ['admin'] }),
  });

describe('local platform: only this machine', () => {
  it('/dev/token: no token for a page on another site, CORS only for loopback origins', async () => {
    const evil = await tokenRequest({ origin: EVIL });
    expect(evil.status).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect(evil.body).not.toContain('"token"');

    const app = await tokenRequest({ origin: 'http://localhost:5173' });
    expect(app.status).toBe(200);
    expect(app.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const cli = await tokenRequest({});
    expect(cli.status).toBe(200);
    expect(cli.headers['access-control-allow-origin']).toBeUndefined();

    const plain = await raw(`${platform.urls.idp}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ userId: 'mallory', realm: 'acme' }),
    });
    expect(plain.status).toBe(415);
  });

  it('/console/publish refuses text/plain and other sites', async () => {
    const envelope = JSON.stringify({ kind: 'topic', realm: 'acme', topic: topics.openHistory, payload: {} });
    const plain = await raw(`${platform.urls.idp}/console/publish`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: envelope,
    });
    expect(plain.status).toBe(415);
    const evil = await raw(`${platform.urls.idp}/console/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: EVIL },
      body: envelope,
    });
    expect(evil.status).toBe(403);
  });

  it('SNS: a form POST from another site is refused, the AWS SDK still publishes', async () => {
    const form = new URLSearchParams({
      Action: 'Publish',
      TopicArn: platform.urls.userTopicArn,
      Message: '{}',
    }).toString();
    const evil = await raw(platform.urls.edge, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL },
      body: form,
    });
    expect(evil.status).toBe(403);
    const published = await clients.sns.send(
      new PublishCommand({ TopicArn: platform.urls.broadcastTopicArn, Message: 'not an envelope' }),
    );
    expect(published.MessageId).toBeTruthy();
  });

  it('WebSocket: upgrades from another site are refused, loopback pages and clients without Origin connect', async () => {
    const token = await tokenFor(platform, { userId: 'alice', realm: 'acme' });
    const url = platform.urls.gateway;
    expect(await upgradeStatus(url, ['bearer', token], { Origin: EVIL })).toBe(403);
    expect(await upgradeStatus(url, ['bearer', token], { Origin: 'null' })).toBe(403);
    expect(await upgradeStatus(url, ['bearer', token], { Origin: 'http://127.0.0.1:8080' })).toBe(101);
    expect(await upgradeStatus(url, ['bearer', token], { Origin: 'http://[::1]:8080' })).toBe(101);
    expect(await upgradeStatus(url, ['bearer', token])).toBe(101);
  });

  it('refuses a DNS-rebinding Host on every server', async () => {
    const rebound = { host: 'attacker.example:3000' };
    expect((await raw(`${platform.urls.idp}/realms/acme`, { headers: rebound })).status).toBe(403);
    expect((await raw(`${platform.urls.idp}/`, { headers: rebound })).status).toBe(403);
    expect((await raw(`${platform.urls.edge}/`, { method: 'POST', headers: rebound })).status).toBe(403);
    const token = await tokenFor(platform, { userId: 'alice', realm: 'acme' });
    expect(await upgradeStatus(platform.urls.gateway, ['bearer', token], { Host: 'attacker.example' })).toBe(
      403,
    );
    // Loopback names with any port pass.
    expect((await raw(`${platform.urls.idp}/realms/acme`, { headers: { host: 'localhost:1' } })).status).toBe(
      200,
    );
    expect((await raw(`${platform.urls.idp}/realms/acme`, { headers: { host: '[::1]:3000' } })).status).toBe(
      200,
    );
  });
});

/**
 * `--data-dir`: user messages waiting for an offline user survive a stop and a start of the platform
 * (DynamoDB on disk, queues and topics restored) and are delivered, in order, on the next connect; their trace
 * records survive too (`wspush trace` shows the hops before and after the restart).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { EXIT } from '../../src/publisher/cli.js';
import { awsClients, connect, publishUser, settle, startTestPlatform, traceCli, waitFor } from './support.js';

let platform: Platform | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await platform?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('keeps the offline inbox across a restart with the same data directory', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wspush-restart-'));
  platform = await startTestPlatform({ dataDir });
  const first = awsClients(platform);
  const published: string[] = [];
  for (let i = 0; i < 3; i++)
    published.push(await publishUser(platform, first, { realm: 'acme', userId: 'paula' }));
  await settle(platform, 100);
  first.destroy();
  const ports = {
    gatewayPort: platform.gateway.port,
    edgePort: platform.edge.port,
    idpPort: Number(new URL(platform.urls.idp).port),
  };
  await platform.stop();
  platform = undefined;

  // Same ports: the handler modules loaded by the first platform keep its endpoints (one process).
  platform = await startTestPlatform({ dataDir, ...ports });
  const paula = await connect(platform, { userId: 'paula', realm: 'acme' });
  expect((await paula.welcome()).pendingOffline).toBe(3);
  await paula.waitUntil((c) => c.ofKind('user').length >= 3 && c, 'the three stored messages');
  expect(paula.ofKind('user').map((f) => f.id)).toEqual(published);
  expect(paula.ofKind('user').every((f) => f.offline === true)).toBe(true);
  await paula.close();

  // The trace records written before the stop were read back from the data directory.
  const firstId = published[0] as string;
  await waitFor(
    async () => platform?.traces.find(firstId).some((h) => h.record.hop === 'delivered-on-connect'),
    'the delivered-on-connect hop',
  );
  const result = await traceCli(platform, firstId);
  expect(result.code, result.stderr).toBe(EXIT.OK);
  expect(result.stdout).toMatch(
    /published[^\n]*\n[^\n]*routed[^\n]*\n[^\n]*stored[^\n]*\n[^\n]*delivered-on-connect/,
  );
});

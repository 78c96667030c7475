/**
 * A shortened idle timeout closes an idle connection with 1001 "Going away", and the `$disconnect` handler
 * removes all of its rows (checked in DynamoDB through the edge).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { topicRegistry } from '../../generated/index.js';
import { keys } from '../../src/adapters/table-keys.js';
import type { Platform } from '../../src/local/platform.js';
import { topics } from '../support/contract-picks.js';
import { type AwsClients, awsClients, connect, rowsOf, startTestPlatform, waitFor } from './support.js';

let platform: Platform;
let clients: AwsClients;

beforeAll(async () => {
  platform = await startTestPlatform({ idleTimeoutSeconds: 1.5 });
  clients = awsClients(platform);
});

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

it('closes an idle connection with 1001 and $disconnect cleans its rows; an active one stays open', async () => {
  const idle = await connect(platform, {
    userId: 'ida',
    realm: 'acme',
    topics: [topics.openHistory, topics.openDrop],
  });
  // The gateway's idle timer starts when the socket opens; the checks below take a while on a loaded machine.
  const openedAt = Date.now();
  const active = await connect(platform, { userId: 'ida', realm: 'acme', topics: [topics.openHistory] });
  // The active connection pings more often than the timeout, from its open on: the row checks below can take
  // longer than the timeout on a loaded machine.
  const keepAlive = setInterval(() => active.ws.send('{"action":"ping"}'), 500);
  try {
    const idleWelcome = await idle.welcome();
    const connectionId = String(idleWelcome.connectionId);
    // 1.5 s enforced, announced as whole seconds rounded down (the contract's integer): the client acts early.
    expect(idleWelcome.limits).toMatchObject({ idleTimeoutSeconds: 1, maxConnectionSeconds: 7200 });
    const activeId = String((await active.welcome()).connectionId);

    const hasRow = async (pk: string, sk: string) =>
      (await rowsOf(platform, clients, pk)).some((r) => r.sk === sk);
    // A topic may be spread over several partition keys (x-topic.partitions): the row is in one of them.
    const topicPk = (topic: typeof topics.openHistory) =>
      keys.topicConnection('acme', topic, connectionId, topicRegistry[topic].partitions).pk;
    const firstPk = topicPk(topics.openHistory);
    const secondPk = topicPk(topics.openDrop);
    expect(await hasRow(`conn#${connectionId}`, 'meta')).toBe(true);
    expect(await hasRow('user#acme#ida', `conn#${connectionId}`)).toBe(true);
    expect(await hasRow(firstPk, `conn#${connectionId}`)).toBe(true);
    expect(await hasRow(secondPk, `conn#${connectionId}`)).toBe(true);

    expect(await idle.closed(10_000)).toEqual({ code: 1001, reason: 'Going away' });
    // Not before the 1.5 s idle timeout (measured from the open, minus timer granularity).
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(1400);

    // $disconnect deletes the meta row first, then the user and topic rows: wait for the last of them.
    await waitFor(
      async () =>
        !(await hasRow(`conn#${connectionId}`, 'meta')) &&
        !(await hasRow('user#acme#ida', `conn#${connectionId}`)) &&
        !(await hasRow(firstPk, `conn#${connectionId}`)) &&
        !(await hasRow(secondPk, `conn#${connectionId}`)),
      "the connection's rows to be deleted",
    );
    expect(await hasRow('user#acme#ida', `conn#${connectionId}`)).toBe(false);
    expect(await hasRow(firstPk, `conn#${connectionId}`)).toBe(false);
    expect(await hasRow(secondPk, `conn#${connectionId}`)).toBe(false);

    // The other connection of the same user is untouched.
    expect(active.closeEvent).toBeUndefined();
    expect(await hasRow('user#acme#ida', `conn#${activeId}`)).toBe(true);
  } finally {
    clearInterval(keepAlive);
  }
  await active.close();
});

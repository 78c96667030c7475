import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import {
  matchTopic,
  type TopicFamily,
  topicFamilies,
  topicRegistry,
  type UserMessageTypeName,
  userMessageRegistry,
  userMessageTypes,
} from '../../../generated/index.js';
import {
  invalidPayloadFor,
  payloadFor,
  topics,
  unknownTopic,
  unknownUserMessageType,
  userMessageExample,
  userMessageType,
} from '../../../test/support/contract-picks.js';
import { consolePublish } from './console-publish.js';
import { loadContractCatalog } from './contract-catalog.js';
import { renderConsolePage, startWebServer } from './web-server.js';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:wspush-local-broadcast';
const USER_ARN = 'arn:aws:sns:us-east-1:000000000000:wspush-local-user';

function fakeSns(fail?: Error) {
  const sent: Array<{ TopicArn?: string; Message?: string }> = [];
  const sns = {
    send: async (command: { input: { TopicArn?: string; Message?: string } }) => {
      if (fail) throw fail;
      sent.push(command.input);
      return { MessageId: 'sns-1' };
    },
  } as unknown as SNSClient;
  return { sns, sent, deps: { sns, broadcastTopicArn: TOPIC_ARN, userTopicArn: USER_ARN } };
}

describe('contract catalog', () => {
  it('lists the topics with their roles and the user message types, with examples', async () => {
    const catalog = await loadContractCatalog('asyncapi.yaml');
    // Compared with the generated tables, not a copy of today's list: a topic added to the contract needs no edit.
    expect(catalog.topics.map((t) => [t.name, t.roles])).toEqual(
      topicFamilies.map((f) => [f, [...topicRegistry[f].access.roles]]),
    );
    for (const topic of catalog.topics) {
      const family = topic.name as TopicFamily;
      expect(topicRegistry[family].validate(topic.example).ok).toBe(true);
      const fixed = topicRegistry[family].segments.every((s) => 'literal' in s);
      if (fixed) expect(topic.sample).toBeUndefined();
      else expect(matchTopic(topic.sample ?? '')).toMatchObject({ ok: true, family });
    }
    expect(catalog.userMessageTypes.map((t) => t.name)).toEqual([...userMessageTypes]);
    for (const type of catalog.userMessageTypes)
      expect(userMessageRegistry[type.name as UserMessageTypeName].validate(type.example).ok).toBe(true);
  });

  it('renders the config into the page without letting strings close the script element', () => {
    const html = renderConsolePage('<script id="c" type="application/json">__CONSOLE_CONFIG__</script>', {
      gatewayPort: 3001,
      edgeUrl: 'http://127.0.0.1:4566',
      catalog: { topics: [{ name: 'x', roles: [], example: { a: '</script><b>' } }], userMessageTypes: [] },
    });
    expect(html).not.toContain('</script><b>');
    const json = html.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '');
    expect(JSON.parse(json).topics[0].example.a).toBe('</script><b>');
  });
});

describe('consolePublish', () => {
  const topic = topics.openHistory;
  it('publishes a valid topic message as a broadcast envelope', async () => {
    const { sent, deps } = fakeSns();
    const payload = payloadFor(topic);
    const result = await consolePublish({ kind: 'topic', realm: 'acme', topic, payload }, deps);
    expect(result.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.TopicArn).toBe(TOPIC_ARN);
    const envelope = JSON.parse(sent[0]?.Message ?? '{}');
    expect(envelope).toMatchObject({ realm: 'acme', topic, payload });
    expect(result.body).toMatchObject({
      ok: true,
      messageId: envelope.messageId,
      correlationId: envelope.correlationId,
    });
  });

  it('publishes a valid user message to the user topic', async () => {
    const { sent, deps } = fakeSns();
    const payload = userMessageExample(userMessageType);
    const result = await consolePublish(
      { kind: 'user', realm: 'acme', userId: 'alice', type: userMessageType, payload },
      deps,
    );
    expect(result.status).toBe(200);
    expect(sent[0]?.TopicArn).toBe(USER_ARN);
    expect(JSON.parse(sent[0]?.Message ?? '{}')).toMatchObject({
      userId: 'alice',
      type: userMessageType,
      payload,
    });
  });

  it('names every invalid field and publishes nothing', async () => {
    const { sent, deps } = fakeSns();
    const invalid = invalidPayloadFor(topic);
    const result = await consolePublish(
      { kind: 'topic', realm: 'bad realm!', topic, payload: invalid.payload },
      deps,
    );
    expect(result.status).toBe(400);
    const fields = result.body.ok ? [] : result.body.errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['realm', `payload.${invalid.field}`]));
    expect(sent).toHaveLength(0);
    const missing = await consolePublish(
      { kind: 'user', realm: 'acme', type: userMessageType, payload: {} },
      deps,
    );
    const missingFields = missing.body.ok ? [] : missing.body.errors.map((e) => e.field);
    // Every field the type's schema requires (those whose removal from the example it refuses) is named.
    const example = userMessageExample(userMessageType);
    const required = Object.keys(example).filter((field) => {
      const { [field]: _removed, ...rest } = example;
      return !userMessageRegistry[userMessageType].validate(rest).ok;
    });
    expect(required.length).toBeGreaterThan(0);
    expect(missingFields).toEqual(expect.arrayContaining(['userId', ...required.map((f) => `payload.${f}`)]));
  });

  it('rejects unknown topics, types and kinds', async () => {
    const { deps } = fakeSns();
    const field = async (input: unknown) => {
      const r = await consolePublish(input, deps);
      return r.body.ok ? undefined : r.body.errors[0]?.field;
    };
    expect(await field({ kind: 'topic', realm: 'acme', topic: unknownTopic, payload: {} })).toBe('topic');
    expect(
      await field({ kind: 'user', realm: 'acme', userId: 'a', type: unknownUserMessageType, payload: {} }),
    ).toBe('type');
    expect(await field({ kind: 'smoke' })).toBe('kind');
    expect(await field('nope')).toBe('(root)');
  });

  it('reports an SNS failure as 502', async () => {
    const { deps } = fakeSns(new Error('connect ECONNREFUSED'));
    const result = await consolePublish(
      { kind: 'topic', realm: 'acme', topic, payload: payloadFor(topic) },
      deps,
    );
    expect(result.status).toBe(502);
    expect(result.body.ok).toBe(false);
  });
});

describe('web server', () => {
  it('serves the console page, the docs, a hint when the docs are not built, and nothing outside docs/', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wspush-web-'));
    const docsDir = join(dir, 'api');
    const web = await startWebServer({
      host: '127.0.0.1',
      port: 0,
      docsDir,
      consolePageFile: 'src/local/console/index.html',
    });
    try {
      const base = `http://127.0.0.1:${web.port}`;
      expect((await fetch(`${base}/`)).status).toBe(503); // nothing attached yet
      web.attach({
        idp: { handle: async () => false },
        page: {
          gatewayPort: 3001,
          edgeUrl: 'http://localhost:4566',
          catalog: { topics: [], userMessageTypes: [] },
        },
        trace: () => [],
        publish: async (input) => ({
          status: 200,
          body: { ok: true, messageId: JSON.stringify(input), correlationId: 'c', topicArn: 'arn' },
        }),
      });
      const page = await fetch(`${base}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('"gatewayPort":3001');
      const missing = await fetch(`${base}/docs`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('npm run docs');
      await mkdir(docsDir, { recursive: true });
      await writeFile(join(docsDir, 'index.html'), '<title>docs</title>');
      await writeFile(join(dir, 'secret.txt'), 'secret');
      expect(await (await fetch(`${base}/docs`)).text()).toBe('<title>docs</title>');
      expect((await fetch(`${base}/docs/..%2Fsecret.txt`)).status).toBe(404);
      const published = await fetch(`${base}/console/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"kind":"topic"}',
      });
      expect(await published.json()).toMatchObject({ ok: true, messageId: '{"kind":"topic"}' });
      const badJson = await fetch(`${base}/console/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
      expect(badJson.status).toBe(400);
      // text/plain (a form-like POST another site could send without a preflight) is refused.
      const plain = await fetch(`${base}/console/publish`, { method: 'POST', body: '{"kind":"topic"}' });
      expect(plain.status).toBe(415);
      expect((await fetch(`${base}/console/publish`)).status).toBe(405);
    } finally {
      await web.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

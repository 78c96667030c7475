// The Markdown guides name the contract's topics, user message types, patterns and limits only through
// generated lists (codegen/guides.ts) or in examples that must name real ones: renaming a topic cannot leave a
// guide silently stale.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractLists, fillLists } from '../../codegen/guides.js';
import { isUserMessageType, matchTopic, topicNames, topicRegistry } from '../../generated/index.js';
import { ROOT } from './run-cli.js';

const GUIDES = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
];
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('contract lists in the Markdown guides', () => {
  it('fills a marked list and leaves the rest of the text alone', () => {
    const text = 'Topics: <!-- contract:topics -->old<!-- /contract:topics -->.';
    const filled = fillLists(text, contractLists(), 'x.md');
    expect(filled).toBe(
      `Topics: <!-- contract:topics -->${topicNames.map((t) => `\`${t}\``).join(', ')}<!-- /contract:topics -->.`,
    );
    expect(() =>
      fillLists('<!-- contract:nope -->x<!-- /contract:nope -->', contractLists(), 'x.md'),
    ).toThrow(/unknown list marker contract:nope/);
  });

  it.each(GUIDES)('%s: every marked list is current (npm run codegen rewrites them)', (file) => {
    const text = read(file);
    expect(fillLists(text, contractLists(), file) === text, `${file} is stale: run npm run codegen`).toBe(
      true,
    );
  });

  it.each(GUIDES)('%s: every topic and user message type its examples use exists in the contract', (file) => {
    const text = read(file);
    const topics = [
      ...[...text.matchAll(/[?&]topics=([a-z0-9,.-]+)/g)].flatMap((m) => (m[1] ?? '').split(',')),
      ...[...text.matchAll(/topics: \[([^\]]*)\]/g)].flatMap((m) =>
        [...(m[1] ?? '').matchAll(/'([^']+)'/g)].map((q) => q[1] ?? ''),
      ),
      ...[...text.matchAll(/--topic ([a-z0-9.-]+)/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/onTopic\('([^']+)'/g)].map((m) => m[1] ?? ''),
      ...[...text.matchAll(/\btopic: '([^']+)'/g)].map((m) => m[1] ?? ''),
    ];
    const types = [...text.matchAll(/--type ([a-z0-9-]+)/g)].map((m) => m[1] ?? '');
    // A concrete name of a family (`jobs.8812`) or a family filter (`jobs.*`, what onTopic takes).
    const filters: readonly string[] = Object.values(topicRegistry).map((f) => f.filter);
    expect(topics.filter((t) => !matchTopic(t).ok && !filters.includes(t))).toEqual([]);
    expect(types.filter((t) => !isUserMessageType(t))).toEqual([]);
  });
});

/**
 * The browser carries only what a browser needs (issue #13): the client SDK bundles with no validator at all,
 * within its budget; opting into validation adds only the payload validators of the messages clients receive;
 * the publisher carries the envelope and payload validators but not the frame or job ones. Budgets are bytes
 * of the minified, gzipped bundle (test/support/bundle-budget.ts), never a timing.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as envelopeValidatorModule from '../../generated/envelope-validators.js';
import { topicRegistry, userMessageRegistry } from '../../generated/index.js';
import * as payloadValidatorModule from '../../generated/payload-validators.js';
import { BUDGETS, kb, measureBundle } from '../support/bundle-budget.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const generatedInputs = (inputs: string[]): string[] =>
  inputs.filter((path) => path.startsWith('generated/')).sort();

describe('bundle budgets of the SDK entry points', { timeout: 60_000 }, () => {
  it('wspush/client: no validator, within its budget', async () => {
    const bundle = await measureBundle("export * from './src/client/index.ts';", ROOT, 'browser');
    // patterns: the StreamEpoch and TopicName patterns that check stored stream positions (regexes, no validator).
    expect(generatedInputs(bundle.inputs)).toEqual(['generated/codes.ts', 'generated/patterns.ts']);
    expect(bundle.externalImports).toEqual([]);
    expect(bundle.gzipBytes, `client is ${kb(bundle.gzipBytes)} gzipped`).toBeLessThanOrEqual(BUDGETS.client);
  });

  it('wspush/client + wspush/client/validation: only the payload validators', async () => {
    const bundle = await measureBundle(
      "export * from './src/client/index.ts';\nexport * from './src/client/validation.ts';",
      ROOT,
      'browser',
    );
    expect(generatedInputs(bundle.inputs)).toEqual([
      'generated/codes.ts',
      'generated/field-errors.ts',
      'generated/patterns.ts',
      'generated/payload-validation.ts',
      'generated/payload-validators.js',
      // matchTopic: a concrete name (jobs.8812) is validated by its family's payload schema.
      'generated/topics.ts',
    ]);
    expect(bundle.gzipBytes, `client with validation is ${kb(bundle.gzipBytes)} gzipped`).toBeLessThanOrEqual(
      BUDGETS.clientWithValidation,
    );
  });

  it('wspush/publisher: envelope and payload validators, no frame or job validator', async () => {
    const bundle = await measureBundle("export * from './src/publisher/index.ts';", ROOT, 'node');
    const generated = generatedInputs(bundle.inputs);
    expect(generated).toContain('generated/envelope-validators.js');
    expect(generated).toContain('generated/payload-validators.js');
    expect(generated).not.toContain('generated/validators.js');
    expect(generated).not.toContain('generated/validation.ts');
    // kafkajs only through the Kafka transport's dynamic import: publishing over SNS never loads it.
    expect(bundle.externalImports.filter((i) => i.path === 'kafkajs')).toEqual([
      { path: 'kafkajs', kind: 'dynamic-import' },
    ]);
    expect(bundle.inputs.some((path) => path.includes('kafkajs'))).toBe(false);
    expect(bundle.gzipBytes, `publisher is ${kb(bundle.gzipBytes)} gzipped`).toBeLessThanOrEqual(
      BUDGETS.publisher,
    );
  });
});

describe('the validator groups follow the contract', () => {
  it('payload-validators.js: exactly the payload and parameter schemas of the topics and user message types', () => {
    const parameterSchemas = Object.values(topicRegistry).flatMap((t) =>
      t.segments.flatMap((s) => ('param' in s ? [s.schema] : [])),
    );
    const payloadSchemas = new Set([
      ...Object.values(topicRegistry).map((t) => t.payloadSchema),
      ...parameterSchemas,
      ...Object.values(userMessageRegistry).map((u) => u.payloadSchema),
    ]);
    expect(Object.keys(payloadValidatorModule).sort()).toEqual(
      [...payloadSchemas].map((title) => `validate${title}`).sort(),
    );
  });

  it('envelope-validators.js: exactly the envelopes of the SNS channels', () => {
    expect(Object.keys(envelopeValidatorModule).sort()).toEqual([
      'validateBroadcastEnvelope',
      'validateUserEnvelope',
    ]);
  });
});

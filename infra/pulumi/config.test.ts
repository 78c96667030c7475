import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readStackConfig, StackConfigError } from './config.js';

const HERE = dirname(fileURLToPath(import.meta.url));

function stackFile(stack: string): Record<string, string> {
  const doc = parseYaml(readFileSync(resolve(HERE, `Pulumi.${stack}.yaml`), 'utf8')) as {
    config: Record<string, unknown>;
  };
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(doc.config))
    flat[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return flat;
}

function problemsOf(stack: string, values: Record<string, string>): string[] {
  try {
    readStackConfig(stack, (key) => values[key]);
  } catch (error) {
    if (error instanceof StackConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('stack config', () => {
  it.each(['dev', 'staging', 'prod'])('reads Pulumi.%s.yaml without problems', (stack) => {
    const config = readStackConfig(stack, (key) => stackFile(stack)[key]);
    expect(config.stack).toBe(stack);
    expect(config.jwtIssuers.length).toBeGreaterThan(0);
  });

  it('differs between stacks by data only: prod keeps backups and logs longer', () => {
    const dev = readStackConfig('dev', (key) => stackFile('dev')[key]);
    const prod = readStackConfig('prod', (key) => stackFile('prod')[key]);
    expect(dev.pointInTimeRecovery).toBe(false);
    expect(prod.pointInTimeRecovery).toBe(true);
    expect(prod.logRetentionDays).toBeGreaterThan(dev.logRetentionDays);
    expect(prod.customDomain?.domainName).toBe('push.example.com');
    expect(prod.alarm.kind).toBe('topic');
  });

  it('reads the optional offline retention cap, and refuses the removed defaultOfflineRetentionDays', () => {
    expect(readStackConfig('dev', (key) => stackFile('dev')[key]).offlineRetentionMaxDays).toBe(2);
    expect(readStackConfig('prod', (key) => stackFile('prod')[key]).offlineRetentionMaxDays).toBeUndefined();
    const values = { ...stackFile('prod'), 'wspush:offlineRetentionMaxDays': '0' };
    expect(problemsOf('prod', values)).toContain(
      '"offlineRetentionMaxDays" must be an integer from 1 to 365, got 0',
    );
    const legacy = { ...stackFile('prod'), 'wspush:defaultOfflineRetentionDays': '7' };
    expect(problemsOf('prod', legacy).join('\n')).toMatch(
      /"defaultOfflineRetentionDays" was removed.*"offlineRetentionMaxDays"/,
    );
  });

  it('lists every missing key in one error, naming the stack file', () => {
    const values = stackFile('dev');
    delete values['wspush:stageName'];
    delete values['aws:region'];
    delete values['wspush:functions'];
    expect(() => readStackConfig('dev', (key) => values[key])).toThrow(/infra\/pulumi\/Pulumi\.dev\.yaml/);
    const problems = problemsOf('dev', values);
    expect(problems).toContain('missing required key "wspush:stageName"');
    expect(problems).toContain('missing required key "aws:region"');
    expect(problems).toContain('missing required key "wspush:functions"');
  });

  it('rejects values AWS or the handlers would reject', () => {
    const values = {
      ...stackFile('dev'),
      'wspush:authorizerIdentitySource': 'route.request.header.Authorization,route.request.querystring.token',
      'wspush:logRetentionDays': '10',
      'wspush:jwtIssuers': JSON.stringify(['http://insecure.example.com']),
      'wspush:alarm': JSON.stringify({}),
      'wspush:functions': JSON.stringify({
        authorizer: { memoryMb: 256, timeoutSeconds: 60 },
        websocket: { memoryMb: 256, timeoutSeconds: 10 },
        router: { memoryMb: 512, timeoutSeconds: 30 },
        worker: { memoryMb: 512, timeoutSeconds: 60 },
        workerMaxConcurrency: 1,
      }),
    };
    const problems = problemsOf('dev', values).join('\n');
    expect(problems).toContain('"authorizerIdentitySource" must be one of');
    expect(problems).toContain('"logRetentionDays" must be one of');
    expect(problems).toContain('"jwtIssuers" entry "http://insecure.example.com" must be an https URL');
    expect(problems).toContain('"alarm" must have either email');
    expect(problems).toContain('at most 29');
    expect(problems).toContain('"functions.workerMaxConcurrency" must be an integer from 2 to 1000');
  });
});

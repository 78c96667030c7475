import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { handlerNames } from '../../generated/index.js';
import * as handlerConfig from '../../src/handlers/runtime/config.js';
import { type FunctionSettingName, functionSettings } from '../../src/handlers/runtime/function-settings.js';
import { readStackConfig, StackConfigError } from './config.js';
import { environmentFor } from './function-environment.js';

/** Every queue channel a function may send to, with a placeholder URL. */
function queueUrlsOf(): Record<string, string> {
  return new Proxy({}, { get: (_target, channel) => `https://sqs.example.com/${String(channel)}` });
}

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
    delete values['wspush:jwtAllowedRealms'];
    expect(() => readStackConfig('dev', (key) => values[key])).toThrow(/infra\/pulumi\/Pulumi\.dev\.yaml/);
    const problems = problemsOf('dev', values);
    expect(problems).toContain('missing required key "wspush:stageName"');
    expect(problems).toContain('missing required key "aws:region"');
    expect(problems).toContain('missing required key "wspush:functions"');
    // Which realms may connect is explicit per stack (unset used to let every realm, master included, connect).
    expect(problems).toContain('missing required key "wspush:jwtAllowedRealms"');
    expect(readStackConfig('dev', (key) => stackFile('dev')[key]).jwtTrustTopLevelRoles).toBe(false);
    const trusting: Record<string, string> = { ...stackFile('dev'), 'wspush:jwtTrustTopLevelRoles': 'true' };
    expect(readStackConfig('dev', (key) => trusting[key]).jwtTrustTopLevelRoles).toBe(true);
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

describe('function settings: one definition for the stack check, the program and the functions', () => {
  /** The functions' getters, one per setting (a missing one fails the type check). */
  const getters: Record<FunctionSettingName, (env: Record<string, string>) => number | undefined> = {
    connectionTtlSeconds: handlerConfig.connectionTtlSeconds,
    deliveryDelaySeconds: handlerConfig.deliveryDelaySeconds,
    fanoutShardThreshold: handlerConfig.fanoutShardThreshold,
    fanoutShardSize: handlerConfig.fanoutShardSize,
    postConcurrency: handlerConfig.postConcurrency,
    postingBudgetPerSecond: handlerConfig.postingBudgetPerSecond,
    inboxMaxItems: handlerConfig.inboxMaxItems,
    offlineRetentionMaxDays: handlerConfig.offlineRetentionMaxDays,
    closeExpiredTokensAfterSeconds: handlerConfig.closeExpiredTokensAfterSeconds,
    connectingGraceSeconds: handlerConfig.connectingGraceSeconds,
    traceSamplePerMille: handlerConfig.traceSamplePerMille,
  };
  const refs = {
    tableName: 't',
    managementEndpoint: 'https://example.com/dev',
    queueUrls: queueUrlsOf(),
    failureQueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/wspush-dev-kafka-router-failures',
  };

  it.each(Object.keys(functionSettings) as FunctionSettingName[])(
    '%s: every value the stack accepts (min, max, default) starts the functions with that value; one past is refused',
    (name) => {
      const setting = functionSettings[name];
      const values = [setting.min, setting.max, setting.default].filter((v) => v !== undefined);
      for (const value of values) {
        const stack = { ...stackFile('dev'), [`wspush:${setting.stackKey}`]: String(value) };
        const config = readStackConfig('dev', (key) => stack[key]);
        let readers = 0;
        for (const handler of handlerNames) {
          const env = environmentFor(handler, config, refs) as Record<string, string>;
          if (env[setting.env] === undefined) continue;
          readers++;
          // What the handler's cold start does with its environment: a value out of range throws here.
          for (const getter of Object.values(getters)) getter(env);
          expect(getters[name](env), `${handler} ${setting.env}`).toBe(value);
        }
        expect(readers, `no function receives ${setting.env}`).toBeGreaterThan(0);
      }
      for (const outside of [setting.min - 1, setting.max + 1]) {
        const stack = { ...stackFile('dev'), [`wspush:${setting.stackKey}`]: String(outside) };
        expect(problemsOf('dev', stack)).toContain(
          `"${setting.stackKey}" must be an integer from ${setting.min} to ${setting.max}, got ${outside}`,
        );
        expect(() => getters[name]({ [setting.env]: String(outside) })).toThrow(setting.env);
      }
    },
  );

  it('fanoutShardSize 5000 (accepted by the stack check before, refused at cold start) is refused by the stack', () => {
    const stack = { ...stackFile('dev'), 'wspush:fanoutShardSize': '5000' };
    expect(problemsOf('dev', stack)).toContain(
      '"fanoutShardSize" must be an integer from 1 to 2000, got 5000',
    );
  });
});

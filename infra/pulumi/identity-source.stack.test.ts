/**
 * A stack that requires the bearer subprotocol (`authorizerIdentitySource`), e.g. prod with browser-only
 * clients: the value is data, the program lists exactly that one identity source, and the deployment is redone
 * (its trigger hash changes) when the choice changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MockedRun } from './mocks.js';

const SUBPROTOCOL = 'route.request.header.Sec-WebSocket-Protocol';

describe('stack with a required identity source (Pulumi mocks)', () => {
  let run: MockedRun;
  let baseConfig: Record<string, string>;

  beforeAll(async () => {
    const { loadStackConfig, runProgramWithMocks } = await import('./mocks.js');
    baseConfig = loadStackConfig('prod');
    run = await runProgramWithMocks('prod', {
      ...baseConfig,
      'wspush:authorizerIdentitySource': SUBPROTOCOL,
    });
  }, 180_000);

  it('lists the one identity source on the $connect authorizer', () => {
    const authorizers = run.resources.filter((r) => r.type === 'aws:apigatewayv2/authorizer:Authorizer');
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]?.inputs.identitySources).toEqual([SUBPROTOCOL]);
  });

  it('redeploys the API when the identity source changes', async () => {
    const { readStackConfig } = await import('./config.js');
    const { routeSetHash } = await import('./websocket-api.js');
    const deployment = run.resources.find((r) => r.type === 'aws:apigatewayv2/deployment:Deployment');
    const withSource = readStackConfig(
      'prod',
      (k) => ({ ...baseConfig, 'wspush:authorizerIdentitySource': SUBPROTOCOL })[k],
    );
    const withNone = readStackConfig('prod', (k) => baseConfig[k]);
    expect((deployment?.inputs.triggers as Record<string, string> | undefined)?.routeSet).toBe(
      routeSetHash(withSource),
    );
    expect(routeSetHash(withSource)).not.toBe(routeSetHash(withNone));
  });
});

import { SNSClient } from '@aws-sdk/client-sns';
import { type Env, resolveTarget, type TargetInput } from './target.js';

export { LOCAL_BROADCAST_TOPIC_ARN, LOCAL_ENDPOINT, LOCAL_USER_TOPIC_ARN } from './target.js';

export interface SnsClientOptions extends TargetInput {
  /** Attempts per request (the SDK default is 3). */
  maxAttempts?: number;
  env?: Env;
}

/**
 * An SNSClient for the resolved target (target.ts). Against an endpoint (the local platform) without
 * credentials in the environment it uses the dummy credentials the local platform accepts, so `npx wspush`
 * and the SDK work on a fresh machine with no AWS profile.
 */
export function createSnsClient(options: SnsClientOptions = {}): SNSClient {
  const env = options.env ?? process.env;
  const target = resolveTarget(options, env);
  const hasCredentials = Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE);
  return new SNSClient({
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    // Unresolved: the SDK's own chain (a profile's region) decides; its "Region is missing" is explained later.
    ...(target.region ? { region: target.region } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(target.endpoint && !hasCredentials
      ? { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }
      : {}),
  });
}

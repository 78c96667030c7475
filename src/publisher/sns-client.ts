import { SNSClient } from '@aws-sdk/client-sns';

/** The local platform's SNS topics (docs/design.md §4). */
export const LOCAL_BROADCAST_TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:wspush-local-broadcast';
export const LOCAL_USER_TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:wspush-local-user';
export const LOCAL_ENDPOINT = 'http://localhost:4566';

export interface SnsClientOptions {
  /** Overrides `AWS_ENDPOINT_URL` (e.g. the local platform's edge). */
  endpoint?: string;
  region?: string;
  /** Attempts per request (the SDK default is 3). */
  maxAttempts?: number;
  env?: Record<string, string | undefined>;
}

/**
 * An SNSClient configured from the environment. Against a local endpoint (`AWS_ENDPOINT_URL` or `endpoint`)
 * without credentials in the environment it uses the dummy credentials the local platform accepts, so
 * `npx wspush` works on a fresh machine with no AWS profile.
 */
export function createSnsClient(options: SnsClientOptions = {}): SNSClient {
  const env = options.env ?? process.env;
  const endpoint = options.endpoint ?? env.AWS_ENDPOINT_URL_SNS ?? env.AWS_ENDPOINT_URL;
  const hasCredentials = Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE);
  const region =
    options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? (endpoint ? 'us-east-1' : undefined);
  return new SNSClient({
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(endpoint && !hasCredentials ? { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } } : {}),
  });
}

/**
 * Where a publish goes: topic ARNs, SNS endpoint and region. One definition for the SDK (`createPublisher`) and
 * the CLI, so both default the same way: the local platform (`npm start`) gets its endpoint, region and dummy
 * credentials without any AWS configuration; AWS gets its region from the topic ARN.
 */
import { PublisherConfigError } from './errors.js';

/** The local platform's SNS topics (docs/design.md §4). */
export const LOCAL_BROADCAST_TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:wspush-local-broadcast';
export const LOCAL_USER_TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:wspush-local-user';
export const LOCAL_ENDPOINT = 'http://localhost:4566';

export type Env = Readonly<Record<string, string | undefined>>;

export interface TargetInput {
  /** Default `$WSPUSH_BROADCAST_TOPIC_ARN`; with `local`, the local platform's. */
  broadcastTopicArn?: string;
  /** Default `$WSPUSH_USER_TOPIC_ARN`; with `local`, the local platform's. */
  userTopicArn?: string;
  /** Default `$AWS_ENDPOINT_URL_SNS`, `$AWS_ENDPOINT_URL`; with `local`, `http://localhost:4566`. */
  endpoint?: string;
  /** Default `$AWS_REGION`, `$AWS_DEFAULT_REGION`, then the topic ARN's region. */
  region?: string;
  /** The local platform: its topics and endpoint unless given. Also implied by the local platform's topic ARNs. */
  local?: boolean;
}

export interface PublishTarget {
  broadcastTopicArn: string | undefined;
  userTopicArn: string | undefined;
  endpoint: string | undefined;
  region: string | undefined;
  local: boolean;
}

export function resolveTarget(input: TargetInput, env: Env): PublishTarget {
  const configuredBroadcast = input.broadcastTopicArn ?? env.WSPUSH_BROADCAST_TOPIC_ARN;
  const configuredUser = input.userTopicArn ?? env.WSPUSH_USER_TOPIC_ARN;
  const localArns = [configuredBroadcast, configuredUser].every(
    (arn) => arn === undefined || arn === LOCAL_BROADCAST_TOPIC_ARN || arn === LOCAL_USER_TOPIC_ARN,
  );
  const local = Boolean(input.local) || (localArns && (configuredBroadcast ?? configuredUser) !== undefined);
  const broadcastTopicArn = configuredBroadcast ?? (local ? LOCAL_BROADCAST_TOPIC_ARN : undefined);
  const userTopicArn = configuredUser ?? (local ? LOCAL_USER_TOPIC_ARN : undefined);
  const endpoint =
    input.endpoint ??
    env.AWS_ENDPOINT_URL_SNS ??
    env.AWS_ENDPOINT_URL ??
    (local ? LOCAL_ENDPOINT : undefined);
  const region =
    input.region ??
    env.AWS_REGION ??
    env.AWS_DEFAULT_REGION ??
    regionOfArn(broadcastTopicArn ?? userTopicArn) ??
    (endpoint ? 'us-east-1' : undefined);
  return { broadcastTopicArn, userTopicArn, endpoint, region, local };
}

/** `arn:aws:sns:<region>:<account>:<name>` → `<region>`. */
function regionOfArn(arn: string | undefined): string | undefined {
  const region = arn?.split(':')[3];
  return region ? region : undefined;
}

/** The topic ARN a publish of `kind` needs, or an error naming the option and variable that supply it. */
export function requireTopicArn(target: PublishTarget, kind: 'topic' | 'user'): string {
  const arn = kind === 'topic' ? target.broadcastTopicArn : target.userTopicArn;
  if (arn) return arn;
  const [option, variable, output] =
    kind === 'topic'
      ? ['broadcastTopicArn', 'WSPUSH_BROADCAST_TOPIC_ARN', 'broadcastTopicArn']
      : ['userTopicArn', 'WSPUSH_USER_TOPIC_ARN', 'userTopicArn'];
  throw new PublisherConfigError(
    'topicArn',
    `no SNS topic to publish ${kind === 'topic' ? 'topic' : 'user'} messages to: pass ${option} (the stack output ${output}) or set $${variable}; for the local platform (npm start) pass local: true`,
  );
}

/**
 * The AWS SDK's "Region is missing" or "Could not load credentials" error as a PublisherConfigError naming what
 * is missing and how to supply it (the SDK's error stays as `cause`); any other error unchanged.
 */
export function explainConfigError(error: unknown): unknown {
  const local = 'for the local platform (npm start) pass local: true or an endpoint';
  if (someCause(error, (e) => e.name === 'CredentialsProviderError')) {
    return new PublisherConfigError(
      'credentials',
      `no AWS credentials to publish to SNS: set $AWS_PROFILE, or $AWS_ACCESS_KEY_ID and $AWS_SECRET_ACCESS_KEY, or run where an IAM role applies; ${local}`,
      { cause: error },
    );
  }
  if (someCause(error, (e) => typeof e.message === 'string' && /Region is missing/i.test(e.message))) {
    return new PublisherConfigError(
      'region',
      `no AWS region: pass region, set $AWS_REGION or use a profile with a region (a topic ARN carries one too); ${local}`,
      { cause: error },
    );
  }
  return error;
}

function someCause(error: unknown, test: (e: { name?: unknown; message?: unknown }) => boolean): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { name?: unknown; message?: unknown; cause?: unknown };
    if (test(candidate)) return true;
    e = candidate.cause;
  }
  return false;
}

/** The handlers' environment on the local platform (docs/design.md §3): the edge's endpoints and queues, the settings. */
import { functionSettings } from '../handlers/runtime/function-settings.js';

export const FAKE_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;

export interface HandlerEnvironmentInput {
  edgeUrl: string;
  stage: string;
  tableName: string;
  deliveryQueueUrl: string;
  fanoutQueueUrl: string;
  issuerPattern: string;
  jwksPath: string;
  audience: string;
  deliveryDelaySeconds?: number;
  closeExpiredTokensAfterSeconds?: number;
  idleTimeoutSeconds?: number;
  maxConnectionSeconds?: number;
  /** Kafka's variables, with --kafka-brokers. */
  kafkaEnv?: Record<string, string>;
  /** Overrides the computed values. */
  extra?: Record<string, string>;
}

/** The welcome frame's limits are whole seconds ≥ 1; announcing less than enforced keeps clients early. */
function announcedSeconds(seconds: number): string {
  return String(Math.max(1, Math.floor(seconds)));
}

const optional = (name: string, value: string | undefined): Record<string, string> =>
  value === undefined ? {} : { [name]: value };

export function handlerEnvironment(input: HandlerEnvironmentInput): Record<string, string> {
  const seconds = (value: number | undefined) => (value === undefined ? undefined : announcedSeconds(value));
  return {
    ...input.kafkaEnv,
    TABLE_NAME: input.tableName,
    WS_MANAGEMENT_ENDPOINT: `${input.edgeUrl}/${input.stage}`,
    DELIVERY_QUEUE_URL: input.deliveryQueueUrl,
    FANOUT_QUEUE_URL: input.fanoutQueueUrl,
    [functionSettings.deliveryDelaySeconds.env]: String(
      input.deliveryDelaySeconds ?? functionSettings.deliveryDelaySeconds.default,
    ),
    ...optional(
      functionSettings.closeExpiredTokensAfterSeconds.env,
      input.closeExpiredTokensAfterSeconds?.toString(),
    ),
    ...optional('IDLE_TIMEOUT_SECONDS', seconds(input.idleTimeoutSeconds)),
    ...optional('MAX_CONNECTION_SECONDS', seconds(input.maxConnectionSeconds)),
    JWT_ISSUERS: input.issuerPattern,
    JWT_AUDIENCE: input.audience,
    JWKS_PATH: input.jwksPath,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: input.edgeUrl,
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
    POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? 'wspush',
    POWERTOOLS_METRICS_NAMESPACE: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'wspush',
    // EMF lines on stdout for every invocation drown the useful output locally.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...input.extra,
  };
}

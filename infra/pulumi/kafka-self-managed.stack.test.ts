/**
 * A stack variant reading a self-managed Kafka cluster inside a VPC with SASL/SCRAM (the dev stack plus a
 * `kafka` key): the mappings name the bootstrap servers, the secret, the subnets and security groups, and
 * the stack's own topic names and consumer groups.
 */
import { describeStack } from './stack-test-suite.js';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:wspush-dev-kafka-AbCdEf';
const CA = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:wspush-dev-kafka-ca-AbCdEf';

describeStack({
  stack: 'dev',
  region: 'us-east-1',
  stageName: 'dev',
  pointInTimeRecovery: false,
  tableDeletionProtection: false,
  logRetentionDays: 7,
  identitySources: undefined,
  throttling: { rateLimit: 50, burstLimit: 100 },
  functions: {
    authorizer: { memoryMb: 256, timeoutSeconds: 5 },
    websocket: { memoryMb: 256, timeoutSeconds: 10 },
    router: { memoryMb: 512, timeoutSeconds: 30 },
    worker: { memoryMb: 512, timeoutSeconds: 60 },
  },
  routerReservedConcurrency: undefined,
  workerMaxConcurrency: 2,
  postingBudgetPerSecond: 500,
  alarmEmail: 'wspush-dev-alerts@example.com',
  customDomain: undefined,
  offlineRetentionMaxDays: 2,
  closeExpiredTokensAfterSeconds: 60,
  manageApiGatewayAccount: true,
  configOverrides: {
    'wspush:kafka': JSON.stringify({
      bootstrapServers: ['kafka-1.internal.example.com:9096', 'kafka-2.internal.example.com:9096'],
      auth: { mechanism: 'SASL_SCRAM_512_AUTH', secretArn: SECRET },
      serverRootCaSecretArn: CA,
      vpc: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0a1b2c3d'] },
      topics: { 'user-stream': 'events.user-notifications' },
      consumerGroupIds: { 'broadcast-stream': 'wspush-dev-broadcasts' },
      startingPosition: 'TRIM_HORIZON',
      batchSize: 200,
    }),
  },
  kafka: {
    source: {
      kind: 'self-managed',
      bootstrapServers: 'kafka-1.internal.example.com:9096,kafka-2.internal.example.com:9096',
    },
    topics: { 'broadcast-stream': 'wspush-dev-broadcast', 'user-stream': 'events.user-notifications' },
    consumerGroupIds: { 'broadcast-stream': 'wspush-dev-broadcasts', 'user-stream': 'wspush-dev-kafka-user' },
    access: [
      { type: 'SASL_SCRAM_512_AUTH', uri: SECRET },
      { type: 'VPC_SUBNET', uri: 'subnet:subnet-0a1b2c3d' },
      { type: 'VPC_SECURITY_GROUP', uri: 'security_group:sg-0a1b2c3d' },
      { type: 'SERVER_ROOT_CA_CERTIFICATE', uri: CA },
    ],
    services: ['secretsmanager', 'ec2'],
    startingPosition: 'TRIM_HORIZON',
    batchSize: 200,
    maximumRetryAttempts: 5,
  },
});

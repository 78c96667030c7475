import { describeStack } from './stack-test-suite.js';

describeStack({
  stack: 'staging',
  region: 'eu-west-1',
  stageName: 'staging',
  pointInTimeRecovery: false,
  tableDeletionProtection: false,
  logRetentionDays: 30,
  identitySources: undefined,
  throttling: { rateLimit: 200, burstLimit: 400 },
  functions: {
    authorizer: { memoryMb: 256, timeoutSeconds: 5 },
    websocket: { memoryMb: 512, timeoutSeconds: 10 },
    router: { memoryMb: 1024, timeoutSeconds: 30 },
    worker: { memoryMb: 1024, timeoutSeconds: 60 },
  },
  routerReservedConcurrency: 10,
  workerMaxConcurrency: 10,
  postingBudgetPerSecond: 2000,
  alarmEmail: 'wspush-staging-alerts@example.com',
  customDomain: undefined,
  offlineRetentionMaxDays: undefined,
  closeExpiredTokensAfterSeconds: undefined,
  manageApiGatewayAccount: true,
  kafka: {
    source: {
      kind: 'msk',
      clusterArn:
        'arn:aws:kafka:eu-west-1:123456789012:cluster/events-staging/0b8c6d0e-5a1f-4c2e-9d3b-7e6f5a4b3c2d-3',
    },
    topics: { 'broadcast-stream': 'wspush-staging-broadcast', 'user-stream': 'wspush-staging-user' },
    consumerGroupIds: {
      'broadcast-stream': 'wspush-staging-kafka-broadcast',
      'user-stream': 'wspush-staging-kafka-user',
    },
    // IAM access control: no secret, the role itself is granted kafka-cluster actions.
    access: [],
    services: ['kafka', 'kafka-cluster', 'ec2'],
    startingPosition: 'LATEST',
    batchSize: 500,
    maximumRetryAttempts: 5,
  },
});

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
  manageApiGatewayAccount: true,
});

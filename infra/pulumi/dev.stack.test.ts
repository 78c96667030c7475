import { describeStack } from './stack-test-suite.js';

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
  kafka: undefined,
});

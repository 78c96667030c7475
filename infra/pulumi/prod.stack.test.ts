import { describeStack } from './stack-test-suite.js';

describeStack({
  stack: 'prod',
  region: 'eu-west-1',
  stageName: 'prod',
  // Production differs by data only: point-in-time recovery, deletion protection, longer log retention,
  // an existing on-call topic and a custom domain.
  pointInTimeRecovery: true,
  tableDeletionProtection: true,
  logRetentionDays: 90,
  identitySources: undefined,
  throttling: { rateLimit: 1000, burstLimit: 2000 },
  functions: {
    authorizer: { memoryMb: 512, timeoutSeconds: 5 },
    websocket: { memoryMb: 512, timeoutSeconds: 10 },
    router: { memoryMb: 1769, timeoutSeconds: 30 },
    worker: { memoryMb: 1769, timeoutSeconds: 60 },
  },
  routerReservedConcurrency: 50,
  workerMaxConcurrency: 50,
  postingBudgetPerSecond: 10000,
  alarmEmail: undefined,
  customDomain: 'push.example.com',
  offlineRetentionMaxDays: undefined,
  closeExpiredTokensAfterSeconds: undefined,
  manageApiGatewayAccount: true,
  kafka: undefined,
});

export { AwsError } from './aws-error.js';
export { matchConnectionsPath } from './connections-api.js';
export {
  ACCOUNT_ID,
  type Edge,
  type EdgeOptions,
  type EdgeResources,
  type EdgeSubscriptions,
  REGION,
  type SnsFunctionSubscription,
  type SqsFunctionMapping,
  startEdge,
} from './edge-server.js';
export { type FaultRule, Faults, parseFaultRule } from './faults.js';
export { SnsService, type SnsSubscription, type SnsTopic } from './sns-service.js';
export { md5OfMessageAttributes, SqsService } from './sqs-service.js';
export { EdgeStats } from './stats.js';

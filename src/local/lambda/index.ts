export { type FailureRecord, FailureStore } from './failure-store.js';
export {
  type AsyncInvokeOptions,
  createLambdaRuntime,
  type FunctionStats,
  InvocationTimeoutError,
  type LambdaHandler,
  type LambdaRuntime,
  type LambdaRuntimeOptions,
} from './runtime.js';
export {
  failedIds,
  type PollableQueues,
  type SqsEventSource,
  type SqsEventSourceOptions,
  type SqsEventSourceStats,
  startSqsEventSource,
} from './sqs-event-source.js';

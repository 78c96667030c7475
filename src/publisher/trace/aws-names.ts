/**
 * AWS names of a stack's functions, shared by the Pulumi program (which creates them) and `wspush trace`
 * (which queries their logs), so the two cannot drift.
 */
import { type FunctionDefinition, functionTable } from '../../../generated/index.js';

/** `wspush-<stack>`: the prefix of every resource of a stack. */
export function stackPrefix(stack: string): string {
  return `wspush-${stack}`;
}

/** The Lambda function name of a handler (also the last part of its log group). */
export function functionName(stack: string, handler: string): string {
  return `${stackPrefix(stack)}-${handler}`.replace(/[^A-Za-z0-9-_]/g, '');
}

export function functionLogGroup(stack: string, handler: string): string {
  return `/aws/lambda/${functionName(stack, handler)}`;
}

/** Functions that handle messages (SNS, SQS or Kafka triggered) write trace records; the WebSocket ones do not. */
export function tracedFunctions(table: readonly FunctionDefinition[] = functionTable): string[] {
  return table
    .filter((fn) => fn.trigger.kind !== 'authorizer' && fn.trigger.kind !== 'websocket')
    .map((fn) => fn.handler);
}

/** Whether a stack deploys the function only when it turns its trigger on (Kafka: `kafka` in the stack file). */
const optional = (fn: FunctionDefinition): boolean => fn.trigger.kind === 'kafka';

/** The log groups of every stack that `wspush trace --stack <stack>` queries (stack output `traceLogGroups`). */
export function traceLogGroups(stack: string): string[] {
  return tracedFunctions(functionTable.filter((fn) => !optional(fn))).map((handler) =>
    functionLogGroup(stack, handler),
  );
}

/** The log groups of traced functions a stack may not deploy (the Kafka router): queried when they exist. */
export function optionalTraceLogGroups(stack: string): string[] {
  return tracedFunctions(functionTable.filter(optional)).map((handler) => functionLogGroup(stack, handler));
}

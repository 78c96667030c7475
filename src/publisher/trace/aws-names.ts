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

/** The log groups `wspush trace --stack <stack>` queries (stack output `traceLogGroups`). */
export function traceLogGroups(stack: string): string[] {
  return tracedFunctions().map((handler) => functionLogGroup(stack, handler));
}

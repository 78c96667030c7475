/** Names and grants shared by the platform's functions, policies and dashboard. */
import type * as pulumi from '@pulumi/pulumi';

/** Metrics namespace of the handlers' EMF metrics (docs/design.md §5). */
export const METRICS_NAMESPACE = 'wspush';
/**
 * The one @connections method the functions may call (`execute-api:ManageConnections` is scoped by it in the
 * ARN): they only post. GetConnection (GET) or DeleteConnection (DELETE) would need their own ARNs.
 */
export const MANAGE_CONNECTIONS_METHOD = 'POST';
/** The @connections method of the functions that close connections (`closesConnections`, the frame budget). */
export const CLOSE_CONNECTIONS_METHOD = 'DELETE';
/** Actions AWS offers no resource-level permission for (documented exception to scoped resources). */
export const RESOURCE_WILDCARD_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] as const;

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: pulumi.Input<string>[];
}

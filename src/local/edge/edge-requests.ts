/**
 * Routing of one edge request by what the AWS SDK sends: `/_local/` admin paths, `@connections` paths,
 * `X-Amz-Target` (DynamoDB, SQS JSON) or a form-encoded `Action` (SNS awsQuery); errors become AWS error bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConnectionRegistry } from '../gateway/connection-registry.js';
import { AwsError } from './aws-error.js';
import { handleConnectionsRequest, matchConnectionsPath } from './connections-api.js';
import type { DynamoBackend } from './dynamodb-proxy.js';
import { type AdminState, adminRoute } from './edge-admin.js';
import { BodyTooLargeError, baseUrlOf, readBody, sendJson } from './http-util.js';
import { handleSnsRequest, type SnsAction } from './sns-api.js';
import { handleSqsRequest, type SqsAction } from './sqs-api.js';

export interface EdgeServices {
  admin: AdminState;
  registry: ConnectionRegistry;
  stage: string;
  dynamo: DynamoBackend;
  sqsActions: Record<string, SqsAction>;
  snsActions: Record<string, SnsAction>;
  /** Resolves when the edge stops: hung @connections requests end then. */
  stopping: Promise<void>;
  /** The base URL of queue URLs when a request carries no Host. */
  fallbackBase: () => string;
}

export async function handleEdgeRequest(s: EdgeServices, req: IncomingMessage, res: ServerResponse) {
  const method = req.method ?? 'GET';
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  const { stats, faults } = s.admin;
  if (pathname.startsWith('/_local/')) {
    stats.count('local', `${method} ${pathname}`);
    const result = adminRoute(s.admin, method, pathname, await readBody(req));
    if (result.status === 204) res.writeHead(204).end();
    else sendJson(res, result.status, result.body);
    return;
  }
  const connection = matchConnectionsPath(pathname);
  if (connection) {
    stats.count('connections', method);
    await handleConnectionsRequest(req, res, connection, {
      registry: s.registry,
      stage: s.stage,
      faults,
      stopping: s.stopping,
    });
    return;
  }
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return handleTargetRequest(s, req, res, target);
  const contentType = req.headers['content-type'] ?? '';
  if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded'))
    return handleQueryRequest(s, req, res);
  stats.count('unknown', `${method} ${pathname}`);
  sendJson(
    res,
    400,
    {
      __type: 'UnknownOperationException',
      message: `Unknown operation: ${method} ${pathname} has no X-Amz-Target, SNS Action or @connections path`,
    },
    { 'x-amzn-ErrorType': 'UnknownOperationException' },
  );
}

/** JSON protocols: DynamoDB and SQS. */
async function handleTargetRequest(
  s: EdgeServices,
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
) {
  const { stats } = s.admin;
  const [service = '', action = ''] = target.split('.');
  if (service.startsWith('DynamoDB_')) {
    stats.count('dynamodb', action);
    s.dynamo.handle(req, res, await readBody(req), action);
    return;
  }
  if (service === 'AmazonSQS') {
    stats.count('sqs', action);
    await handleSqsRequest(s.sqsActions, action, await readBody(req), baseUrlOf(req, s.fallbackBase()), res);
    return;
  }
  stats.count('unknown', target);
  sendJson(
    res,
    400,
    {
      __type: 'UnknownOperationException',
      message: `Unknown operation ${target}: the local edge serves DynamoDB_20120810.*, AmazonSQS.*, SNS (awsQuery) and @connections`,
    },
    { 'x-amzn-ErrorType': 'UnknownOperationException' },
    'application/x-amz-json-1.0',
  );
}

/** The awsQuery protocol: SNS (the old SQS query protocol is answered with a hint). */
async function handleQueryRequest(s: EdgeServices, req: IncomingMessage, res: ServerResponse) {
  const params = new URLSearchParams((await readBody(req)).toString('utf8'));
  const action = params.get('Action') ?? '(none)';
  if (params.get('Version') === '2012-11-05') {
    // The old SQS query protocol: the current SDK no longer speaks it.
    s.admin.stats.count('sqs', action);
    params.set('Action', `${action} (SQS query protocol; use the JSON protocol of @aws-sdk/client-sqs v3)`);
  } else {
    s.admin.stats.count('sns', action);
  }
  handleSnsRequest(s.snsActions, params, res);
}

/** A failed request's AWS error body; a response already under way is cut. */
export function sendEdgeError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof AwsError) {
    sendJson(
      res,
      error.statusCode,
      { __type: error.code, message: error.message },
      { 'x-amzn-ErrorType': error.code },
    );
  } else if (error instanceof BodyTooLargeError) {
    sendJson(res, 413, { message: error.message }, { 'x-amzn-ErrorType': 'PayloadTooLargeException' });
  } else {
    sendJson(
      res,
      500,
      { message: `Internal error in the local edge: ${(error as Error).message}` },
      { 'x-amzn-ErrorType': 'InternalFailure' },
    );
  }
}

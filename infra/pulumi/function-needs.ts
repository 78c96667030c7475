import type { HandlerName } from '../../generated/index.js';

/**
 * What each Lambda function touches besides its trigger, per docs/design.md §3. The trigger itself (route,
 * authorizer, SNS topic, SQS queue) comes from the generated `functionTable`; this table adds the outbound
 * access from which the program derives the function's environment and its least-privilege IAM policy.
 *
 * It is a `Record<HandlerName, …>`: a handler added to the contract fails the typecheck (and the program, with
 * a clear message) until its needs are declared here.
 */

/** DynamoDB actions a function may be granted, always on the one table only. */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:Query'
  | 'dynamodb:BatchWriteItem';

/** Groups of settings (environment variables) a function reads, see `environmentFor` in program.ts. */
export type SettingGroup =
  | 'jwt'
  | 'connectionTtl'
  | 'deliveryDelay'
  | 'fanoutSharding'
  | 'inbox'
  | 'connectingGrace'
  | 'postConcurrency';

export interface FunctionNeeds {
  /** DynamoDB actions; empty = the function gets neither TABLE_NAME nor table access. */
  table: readonly TableAction[];
  /** SQS channels (functionTable `sqs` channels) the function enqueues jobs to: `<CHANNEL>_URL` + sqs:SendMessage. */
  sendsTo: readonly string[];
  /** Posts frames through the @connections API: WS_MANAGEMENT_ENDPOINT + execute-api:ManageConnections (POST). */
  postsToConnections: boolean;
  settings: readonly SettingGroup[];
}

const READ_CONNECTIONS: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:Query'];
/** Removing a gone connection deletes its meta, user and topic rows (BatchWriteItem deletes). */
const PRUNE_CONNECTIONS: readonly TableAction[] = ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export const functionNeeds: Record<HandlerName, FunctionNeeds> = {
  authorizer: { table: [], sendsTo: [], postsToConnections: false, settings: ['jwt'] },
  // Writes the connection, user and topic rows; enqueues the connect-time drain job.
  connect: {
    table: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:Query'],
    sendsTo: ['delivery-queue'],
    postsToConnections: false,
    settings: ['connectionTtl', 'deliveryDelay'],
  },
  disconnect: {
    table: ['dynamodb:GetItem', ...PRUNE_CONNECTIONS],
    sendsTo: [],
    postsToConnections: false,
    settings: [],
  },
  ping: { table: [], sendsTo: [], postsToConnections: false, settings: [] },
  'extend-ttl': {
    table: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
    sendsTo: [],
    postsToConnections: false,
    settings: ['connectionTtl'],
  },
  default: { table: ['dynamodb:GetItem'], sendsTo: [], postsToConnections: false, settings: [] },
  // Small audiences are posted directly; large ones are split into fan-out jobs. Stores topic history.
  'broadcast-router': {
    table: [...READ_CONNECTIONS, 'dynamodb:PutItem', ...PRUNE_CONNECTIONS],
    sendsTo: ['fanout-queue'],
    postsToConnections: true,
    settings: ['fanoutSharding', 'postConcurrency'],
  },
  // Posts to the user's connections, stores the message in the inbox when none took it.
  'user-router': {
    table: [...READ_CONNECTIONS, 'dynamodb:PutItem', ...PRUNE_CONNECTIONS],
    sendsTo: ['delivery-queue'],
    postsToConnections: true,
    settings: ['deliveryDelay', 'inbox', 'connectingGrace', 'postConcurrency'],
  },
  // Drains inbox and history to a new connection.
  'delivery-worker': {
    table: [...READ_CONNECTIONS, ...PRUNE_CONNECTIONS],
    sendsTo: [],
    postsToConnections: true,
    settings: ['connectingGrace', 'postConcurrency'],
  },
  'fanout-worker': {
    table: [...READ_CONNECTIONS, ...PRUNE_CONNECTIONS],
    sendsTo: [],
    postsToConnections: true,
    settings: ['postConcurrency'],
  },
};

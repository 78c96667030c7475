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

/** Groups of settings (environment variables) a function reads, see `environmentFor` in function-environment.ts. */
export type SettingGroup =
  | 'jwt'
  | 'connectionTtl'
  | 'deliveryDelay'
  | 'fanoutSharding'
  | 'inbox'
  | 'offlineRetention'
  | 'tokenExpiry'
  | 'connectingGrace'
  | 'postConcurrency'
  | 'gatewayLimits'
  | 'traceSampling'
  | 'postingBudget'
  | 'kafkaTopics';

export interface FunctionNeeds {
  /** DynamoDB actions; empty = the function gets neither TABLE_NAME nor table access. */
  table: readonly TableAction[];
  /** SQS channels (functionTable `sqs` channels) the function enqueues jobs to: `<CHANNEL>_URL` + sqs:SendMessage. */
  sendsTo: readonly string[];
  /**
   * SQS channels whose received messages the function delays for a short retry (ChangeMessageVisibility):
   * `<CHANNEL>_URL` + sqs:ChangeMessageVisibility on that queue only.
   */
  changesVisibilityOn: readonly string[];
  /** Posts frames through the @connections API: WS_MANAGEMENT_ENDPOINT + execute-api:ManageConnections (POST). */
  postsToConnections: boolean;
  /**
   * Closes connections (`DELETE @connections`, the frame budget's close): execute-api:ManageConnections on the
   * DELETE method's ARN too. Only with postsToConnections (the notice before the close is posted).
   */
  closesConnections: boolean;
  /**
   * Sends what it will never deliver to its own failure queue (FAILURE_QUEUE_URL + sqs:SendMessage on that
   * queue only), the queue that is also its trigger's on-failure destination.
   */
  failureQueue?: boolean;
  settings: readonly SettingGroup[];
}

/**
 * Resolving a 410 (core `resolveGone`): GetItem of the meta row, then BatchWriteItem (all rows of the
 * connection) or DeleteItem (the one topic/user row when the meta row is already gone).
 */
const RESOLVE_GONE: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DeleteItem',
];

/** The two-way client-frame routes (`ping`, `extendTTL`, `$default`): one ClientFrameService. */
const CLIENT_FRAME_ROUTE: FunctionNeeds = {
  table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
  sendsTo: [],
  changesVisibilityOn: [],
  postsToConnections: true,
  closesConnections: true,
  settings: ['connectionTtl', 'tokenExpiry'],
};

/**
 * Traced from src/handlers → src/handlers/runtime/services.ts → src/core → src/adapters (the commands each
 * store method sends). Drift is caught: function-needs.test.ts derives from each function's code the SDK
 * commands it can reach (function-sdk-calls.ts) and fails on a missing or an unused grant; the mocks tests check
 * policies equal these lists.
 */
export const functionNeeds: Record<HandlerName, FunctionNeeds> = {
  authorizer: {
    table: [],
    sendsTo: [],
    changesVisibilityOn: [],
    postsToConnections: false,
    closesConnections: false,
    settings: ['jwt'],
  },
  // ConnectionService.register: saveConnection (BatchWriteItem of all rows), the connect-time delivery job (and,
  // on stacks that close expired tokens, the token check job; API Gateway's maximum duration is the default),
  // and on failure deleteConnection (DeleteItem of the meta row, then BatchWriteItem).
  connect: {
    table: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'],
    sendsTo: ['delivery-queue'],
    changesVisibilityOn: [],
    postsToConnections: false,
    closesConnections: false,
    settings: ['connectionTtl', 'tokenExpiry'],
  },
  // ConnectionService.unregister: getConnection, deleteConnection (DeleteItem ALL_OLD of the meta row, then
  // BatchWriteItem of the rows it listed).
  disconnect: {
    table: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
    sendsTo: [],
    changesVisibilityOn: [],
    postsToConnections: false,
    closesConnections: false,
    settings: ['connectionTtl'],
  },
  // SubscriptionService.subscribe: GetItem of the meta row (and its re-read), UpdateItem (conditional topic
  // list, and extendConnection when a TTL extension raced), BatchWriteItem of the topic rows (and of their
  // cleanup); history Query of new history topics; the reply and history posted through @connections.
  subscribe: {
    table: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:Query'],
    sendsTo: [],
    changesVisibilityOn: [],
    postsToConnections: true,
    closesConnections: true,
    settings: ['postConcurrency'],
  },
  // SubscriptionService.unsubscribe: GetItem, UpdateItem (conditional topic list), BatchWriteItem (rows). The
  // route shares SubscriptionReplies with `subscribe`, whose history Query its bundle therefore contains.
  unsubscribe: {
    table: ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:Query'],
    sendsTo: [],
    changesVisibilityOn: [],
    postsToConnections: true,
    closesConnections: true,
    settings: ['postConcurrency'],
  },
  // ClientFrameService: the frame budget (UpdateItem of the meta row; over it, the closing notice is posted and
  // the connection deleted), then ConnectionService.extend (getConnection, UpdateItem of each row). `extendTTL`
  // and `$default` share the service, so their bundles hold the same calls (`ping` is a mock: no function).
  'extend-ttl': CLIENT_FRAME_ROUTE,
  default: CLIENT_FRAME_ROUTE,
  // BroadcastService.route: the message id claim (PutItem, GetItem on a repeat, UpdateItem when handled),
  // Query of the topic's connections, history put (PutItem) and trim (Query + BatchWriteItem), fan-out jobs
  // (SendMessageBatch, authorized by sqs:SendMessage), resolveGone; for subscribers not welcomed yet the held
  // row (PutItem), the meta row re-read (GetItem) and, when welcomed meanwhile, the row taken back (DeleteItem).
  // Streamed shards: page Queries, the shard-page claims (PutItem, Query on a retry) and a large envelope stored
  // once (PutItem).
  'broadcast-router': {
    table: ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', ...RESOLVE_GONE],
    sendsTo: ['fanout-queue'],
    changesVisibilityOn: [],
    postsToConnections: true,
    closesConnections: false,
    settings: ['fanoutSharding', 'connectingGrace', 'postConcurrency', 'traceSampling', 'postingBudget'],
  },
  // UserDeliveryService: the message id claim (PutItem, GetItem on a repeat, UpdateItem when handled),
  // getConnection, Query of the user's connections, inbox put (PutItem) and trim (Query + BatchWriteItem),
  // drain jobs, resolveGone.
  'user-router': {
    table: ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', ...RESOLVE_GONE],
    sendsTo: ['delivery-queue'],
    changesVisibilityOn: [],
    postsToConnections: true,
    closesConnections: false,
    settings: ['deliveryDelay', 'inbox', 'offlineRetention', 'connectingGrace', 'postConcurrency'],
  },
  // Both routers' services (BroadcastService.route, UserDeliveryService.route, message id claims included) for
  // the records of the stack's Kafka topics, and each rejected record to its failure queue (SendMessage).
  'kafka-router': {
    table: ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', ...RESOLVE_GONE],
    sendsTo: ['fanout-queue', 'delivery-queue'],
    changesVisibilityOn: [],
    postsToConnections: true,
    closesConnections: false,
    failureQueue: true,
    settings: [
      'deliveryDelay',
      'inbox',
      'offlineRetention',
      'fanoutSharding',
      'connectingGrace',
      'postConcurrency',
      'traceSampling',
      'postingBudget',
      'kafkaTopics',
    ],
  },
  // DeliveryWorker: getConnection, inbox, history and held-message lists (Query), inbox deletes
  // (BatchWriteItem), held rows taken (DeleteItem) and put back after a failed post (PutItem), resolveGone,
  // markWelcomed (UpdateItem of the meta row and its rows after welcome + history). The handler shortens the
  // retry of a job for a connection not open yet (ChangeMessageVisibility on its own queue); the welcome
  // announces the gateway limits. Token check jobs: the notice and DELETE @connections when due, or the job sent
  // on to its own queue for the rest (SendMessage).
  'delivery-worker': {
    table: ['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:PutItem', ...RESOLVE_GONE],
    sendsTo: ['delivery-queue'],
    changesVisibilityOn: ['delivery-queue'],
    postsToConnections: true,
    closesConnections: true,
    settings: [
      'connectionTtl',
      'tokenExpiry',
      'inbox',
      'connectingGrace',
      'postConcurrency',
      'gatewayLimits',
      'traceSampling',
    ],
  },
  // BroadcastService.postShard: posts to the ids of the job, resolveGone (its GetItem also reads a stored
  // envelope). No query, no history. Posts a shard; the connections it could not reach go back to its own
  // queue as a delayed retry job.
  'fanout-worker': {
    table: [...RESOLVE_GONE],
    sendsTo: ['fanout-queue'],
    changesVisibilityOn: [],
    postsToConnections: true,
    closesConnections: false,
    settings: ['connectingGrace', 'postConcurrency', 'traceSampling', 'postingBudget'],
  },
};

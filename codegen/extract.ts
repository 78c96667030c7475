// Reads everything codegen needs out of the parsed contract into a plain description (the IR), and checks
// the project's extensions (x-route, x-handler, x-authorizer, x-topic, x-user-message, x-error-codes,
// x-close-codes, x-limits) so a wrong contract fails here with a line number, not later in tsc or at runtime.
// Each part is read by its own module (extract-schemas, -operations, -topics, -user-messages, -codes).
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import {
  type ContractDiagnostic,
  ContractError,
  type ContractPath,
  type ParsedContract,
} from './contract.js';
import { extractCodes } from './extract-codes.js';
import { compare, uniqueMessages } from './extract-common.js';
import type { KafkaChannelIR } from './extract-kafka.js';
import { extractOperations } from './extract-operations.js';
import { collectSchemas } from './extract-schemas.js';
import { extractTopics } from './extract-topics.js';
import { extractUserMessages } from './extract-user-messages.js';
import type { JsonObject } from './json.js';

export { ERROR_CODE_TYPES, LIMIT_KEYS } from './extract-codes.js';
export { messagePath, uniqueMessages } from './extract-common.js';
export type { KafkaChannelIR, KafkaHeaderIR } from './extract-kafka.js';
export { MAX_TOPIC_PARTITIONS } from './extract-topics.js';

export interface SchemaEntry {
  title: string;
  /** Dereferenced JSON Schema without parser/extension keys, ready for ajv. */
  schema: JsonObject;
}

export interface RouteIR {
  routeKey: string;
  operationId: string;
  /** The Lambda behind the route; none when API Gateway answers it itself (`x-integration: mock`). */
  handler?: string;
  /** `x-integration: mock`: API Gateway answers with the reply template, no function runs. */
  integration: 'lambda' | 'mock';
  /** Mock routes: the schema title of the reply frame the template renders. */
  replySchema?: string;
  twoWay: boolean;
  actionSchema?: string;
  /** The `action` constant a client sends to select this route. */
  action?: string;
  authorizer?: string;
  /** `x-reply: posted`: the handler posts its reply through @connections (no route response). */
  repliesByPost: boolean;
}

export type TriggerIR =
  | { kind: 'authorizer'; routeKey: string }
  | { kind: 'websocket'; routeKey: string }
  | { kind: 'sns' | 'sqs'; channel: string; suffix: string }
  /** One function consuming several Kafka channels (one event source mapping per topic). */
  | { kind: 'kafka'; channels: string[] };

export interface FunctionIR {
  handler: string;
  trigger: TriggerIR;
}

export type OfflineIR =
  | { policy: 'drop' }
  | { policy: 'history'; historySize: number; retentionSeconds: number };

/** One dot-separated segment of a topic family's address: a literal or a whole-segment parameter. */
export type TopicSegmentIR = { literal: string } | { param: string };

export interface TopicParameterIR {
  name: string;
  /** Title of the parameter's JSON Schema (`x-schema`), compiled into a validator like any other schema. */
  schemaTitle: string;
  description?: string;
}

/** x-topic.access.owner: the parameter bound to the token's subject, and the roles that may override it. */
export interface TopicOwnerIR {
  parameter: string;
  overrideRoles: string[];
}

export interface TopicIR {
  /** The channel address: a fixed name (`announcements`) or a family (`jobs.{jobId}`). */
  name: string;
  /** The address with `*` for each parameter (`jobs.*`): what a client filters on. */
  filter: string;
  segments: TopicSegmentIR[];
  parameters: TopicParameterIR[];
  owner?: TopicOwnerIR;
  channelId: string;
  roles: string[];
  offline: OfflineIR;
  /** How many partition keys the topic's subscription rows are spread over (x-topic.partitions, default 1). */
  partitions: number;
  payloadSchema: string;
}

/** Upper bound of x-topic.partitions: a broadcast Queries every partition. */
export interface UserMessageIR {
  type: string;
  messageId: string;
  retentionDays: number;
  payloadSchema: string;
}

export interface ErrorCodeIR {
  code: string;
  retryable: boolean;
  description: string;
}

export interface CloseCodeIR {
  from: number;
  to: number;
  retryable: boolean;
  name: string;
  description: string;
}

export interface ContractIR {
  fileName: string;
  document: AsyncAPIDocumentInterface;
  /** One entry per validator, sorted by title. */
  schemas: SchemaEntry[];
  routes: RouteIR[];
  functions: FunctionIR[];
  topics: TopicIR[];
  userMessages: UserMessageIR[];
  /** Channels served by the kafka server, in contract order. */
  kafkaChannels: KafkaChannelIR[];
  errorCodes: ErrorCodeIR[];
  /** Enum schemas whose values together must equal the keys of x-error-codes. */
  errorCodeTypes: string[];
  closeCodes: CloseCodeIR[];
  limits: Record<string, number>;
  /** Schema titles of the messages publishers send to SNS (the channels SNS-triggered handlers receive). */
  publishEnvelopes: string[];
  /** components.schemas.TopicName: the one definition of a concrete topic name (its pattern bounds its length). */
  topicName: { pattern: string };
}

export function extractContract(parsed: ParsedContract): ContractIR {
  const { document, locator } = parsed;
  const problems: ContractDiagnostic[] = [];
  const fail = (segments: ContractPath, message: string): void => {
    problems.push(locator.diagnostic(segments, message));
  };
  const messages = uniqueMessages(document);
  const { schemasByTitle, addSchema, schemaTitle } = collectSchemas(document, messages, fail);
  const operations = extractOperations(document, schemaTitle, fail);
  const { topics, topicName } = extractTopics(document, addSchema, schemaTitle, fail);
  const userMessages = extractUserMessages(messages, schemaTitle, fail);
  const codes = extractCodes(document, fail);
  if (problems.length > 0) throw new ContractError(problems);
  return {
    fileName: parsed.fileName,
    document,
    schemas: [...schemasByTitle.values()].sort((a, b) => compare(a.title, b.title)),
    routes: operations.routes,
    functions: operations.functions,
    topics,
    userMessages,
    kafkaChannels: operations.kafkaChannels,
    publishEnvelopes: [...operations.publishEnvelopes].sort(compare),
    ...codes,
    topicName: topicName ?? { pattern: '' },
  };
}

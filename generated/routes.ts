// Code generated from asyncapi.yaml. DO NOT EDIT.

import type { StandaloneValidator } from './field-errors.js';
import type { KafkaChannelName } from './kafka.js';
import type { SchemaTitle } from './validation.js';
import { validateExtendTtlAction, validateKeepAliveAction, validatePingAction, validateSubscribeAction, validateUnsubscribeAction } from './validators.js';

/** The WebSocket route keys, in contract order. */
export const routeKeys = ['$connect', '$disconnect', 'keepAlive', 'ping', 'extendTTL', 'subscribe', 'unsubscribe', '$default'] as const;
export type RouteKey = (typeof routeKeys)[number];

/** Every Lambda handler (`src/handlers/<name>.ts`). */
export const handlerNames = ['authorizer', 'connect', 'disconnect', 'extend-ttl', 'subscribe', 'unsubscribe', 'default', 'broadcast-router', 'user-router', 'kafka-router', 'delivery-worker', 'fanout-worker'] as const;
export type HandlerName = (typeof handlerNames)[number];

interface RouteBase {
  readonly routeKey: RouteKey;
  readonly operationId: string;
  /** The route answers with a frame (the contract operation has a reply). */
  readonly twoWay: boolean;
  /** Schema of the client frame that selects this route by its `action` field. */
  readonly actionSchema?: SchemaTitle;
}

/** A route whose Lambda runs (`x-handler`). */
export interface FunctionRoute extends RouteBase {
  readonly integration: 'lambda';
  readonly handler: HandlerName;
  /** Lambda authorizer of the route ($connect only). */
  readonly authorizer?: HandlerName;
  /** `x-reply: posted`: the handler posts its reply (and what follows it) through @connections; no route response. */
  readonly repliesByPost?: boolean;
}

/**
 * `x-integration: mock`: API Gateway handles the route itself, no function runs. Two-way: it answers with its
 * reply frame (a route response); one-way (`twoWay: false`, no `replySchema`): it sends nothing back.
 */
export interface MockRoute extends RouteBase {
  readonly integration: 'mock';
  /** Schema of the one reply frame the mock renders; absent on a one-way mock. */
  readonly replySchema?: SchemaTitle;
}

export type RouteDefinition = FunctionRoute | MockRoute;

export const routeTable: Readonly<Record<RouteKey, RouteDefinition>> = {
  $connect: {
    routeKey: '$connect',
    operationId: 'connect',
    integration: 'lambda',
    handler: 'connect',
    twoWay: false,
    authorizer: 'authorizer',
  },
  $disconnect: {
    routeKey: '$disconnect',
    operationId: 'disconnect',
    integration: 'lambda',
    handler: 'disconnect',
    twoWay: false,
  },
  keepAlive: {
    routeKey: 'keepAlive',
    operationId: 'keepAlive',
    integration: 'mock',
    twoWay: false,
    actionSchema: 'KeepAliveAction',
  },
  ping: {
    routeKey: 'ping',
    operationId: 'ping',
    integration: 'mock',
    replySchema: 'PongFrame',
    twoWay: true,
    actionSchema: 'PingAction',
  },
  extendTTL: {
    routeKey: 'extendTTL',
    operationId: 'extendTTL',
    integration: 'lambda',
    handler: 'extend-ttl',
    twoWay: true,
    actionSchema: 'ExtendTtlAction',
  },
  subscribe: {
    routeKey: 'subscribe',
    operationId: 'subscribe',
    integration: 'lambda',
    handler: 'subscribe',
    twoWay: false,
    actionSchema: 'SubscribeAction',
    repliesByPost: true,
  },
  unsubscribe: {
    routeKey: 'unsubscribe',
    operationId: 'unsubscribe',
    integration: 'lambda',
    handler: 'unsubscribe',
    twoWay: true,
    actionSchema: 'UnsubscribeAction',
  },
  $default: {
    routeKey: '$default',
    operationId: 'default',
    integration: 'lambda',
    handler: 'default',
    twoWay: true,
  },
};

/** The `action` values a client may send, each with the schema of its frame. */
export type ClientActionName = 'keepAlive' | 'ping' | 'extendTTL' | 'subscribe' | 'unsubscribe';
export const clientActions: Readonly<Record<ClientActionName, SchemaTitle>> = {
  keepAlive: 'KeepAliveAction',
  ping: 'PingAction',
  extendTTL: 'ExtendTtlAction',
  subscribe: 'SubscribeAction',
  unsubscribe: 'UnsubscribeAction',
};

/**
 * Each action's precompiled validator, imported by name: a function that parses client frames carries these,
 * not the map of every schema's validator (generated/validation.ts).
 */
export const clientActionValidators: Readonly<Record<ClientActionName, StandaloneValidator<unknown>>> = {
  "keepAlive": validateKeepAliveAction,
  "ping": validatePingAction,
  "extendTTL": validateExtendTtlAction,
  "subscribe": validateSubscribeAction,
  "unsubscribe": validateUnsubscribeAction,
};

export type FunctionTrigger =
  | { readonly kind: 'authorizer'; readonly routeKey: RouteKey }
  | { readonly kind: 'websocket'; readonly routeKey: RouteKey }
  /** `channel` is the contract channel id; the resource is named `<prefix><suffix>`. */
  | { readonly kind: 'sns' | 'sqs'; readonly channel: string; readonly suffix: string }
  /** Kafka channels (generated/kafka.ts) the function consumes, one event source mapping per topic. */
  | { readonly kind: 'kafka'; readonly channels: readonly KafkaChannelName[] };

export interface FunctionDefinition {
  readonly handler: HandlerName;
  readonly trigger: FunctionTrigger;
}

/** Every Lambda with what invokes it. */
export const functionTable: readonly FunctionDefinition[] = [
  {
    handler: 'authorizer',
    trigger: {
      kind: 'authorizer',
      routeKey: '$connect',
    },
  },
  {
    handler: 'connect',
    trigger: {
      kind: 'websocket',
      routeKey: '$connect',
    },
  },
  {
    handler: 'disconnect',
    trigger: {
      kind: 'websocket',
      routeKey: '$disconnect',
    },
  },
  {
    handler: 'extend-ttl',
    trigger: {
      kind: 'websocket',
      routeKey: 'extendTTL',
    },
  },
  {
    handler: 'subscribe',
    trigger: {
      kind: 'websocket',
      routeKey: 'subscribe',
    },
  },
  {
    handler: 'unsubscribe',
    trigger: {
      kind: 'websocket',
      routeKey: 'unsubscribe',
    },
  },
  {
    handler: 'default',
    trigger: {
      kind: 'websocket',
      routeKey: '$default',
    },
  },
  {
    handler: 'broadcast-router',
    trigger: {
      kind: 'sns',
      channel: 'broadcast-topic',
      suffix: '-broadcast',
    },
  },
  {
    handler: 'user-router',
    trigger: {
      kind: 'sns',
      channel: 'user-topic',
      suffix: '-user',
    },
  },
  {
    handler: 'kafka-router',
    trigger: {
      kind: 'kafka',
      channels: [
        'broadcast-stream',
        'user-stream',
      ],
    },
  },
  {
    handler: 'delivery-worker',
    trigger: {
      kind: 'sqs',
      channel: 'delivery-queue',
      suffix: '-delivery',
    },
  },
  {
    handler: 'fanout-worker',
    trigger: {
      kind: 'sqs',
      channel: 'fanout-queue',
      suffix: '-fanout',
    },
  },
];

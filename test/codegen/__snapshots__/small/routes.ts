// Code generated from small.yaml. DO NOT EDIT.

import type { SchemaTitle } from './validation.js';

/** The WebSocket route keys, in contract order. */
export const routeKeys = ['$connect', 'echo'] as const;
export type RouteKey = (typeof routeKeys)[number];

/** Every Lambda handler (`src/handlers/<name>.ts`). */
export const handlerNames = ['authorizer', 'connect', 'echo', 'router'] as const;
export type HandlerName = (typeof handlerNames)[number];

export interface RouteDefinition {
  readonly routeKey: RouteKey;
  readonly operationId: string;
  readonly handler: HandlerName;
  /** The route answers with a frame (the contract operation has a reply). */
  readonly twoWay: boolean;
  /** Schema of the client frame that selects this route by its `action` field. */
  readonly actionSchema?: SchemaTitle;
  /** Lambda authorizer of the route ($connect only). */
  readonly authorizer?: HandlerName;
}

export const routeTable: Readonly<Record<RouteKey, RouteDefinition>> = {
  $connect: {
    routeKey: '$connect',
    operationId: 'connect',
    handler: 'connect',
    twoWay: false,
    authorizer: 'authorizer',
  },
  echo: {
    routeKey: 'echo',
    operationId: 'echo',
    handler: 'echo',
    twoWay: true,
    actionSchema: 'EchoAction',
  },
};

/** The `action` values a client may send, each with the schema of its frame. */
export type ClientActionName = 'echo';
export const clientActions: Readonly<Record<ClientActionName, SchemaTitle>> = {
  echo: 'EchoAction',
};

export type FunctionTrigger =
  | { readonly kind: 'authorizer'; readonly routeKey: RouteKey }
  | { readonly kind: 'websocket'; readonly routeKey: RouteKey }
  /** `channel` is the contract channel id; the resource is named `<prefix><suffix>`. */
  | { readonly kind: 'sns' | 'sqs'; readonly channel: string; readonly suffix: string };

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
    handler: 'echo',
    trigger: {
      kind: 'websocket',
      routeKey: 'echo',
    },
  },
  {
    handler: 'router',
    trigger: {
      kind: 'sns',
      channel: 'publish-topic',
      suffix: '-publish',
    },
  },
];

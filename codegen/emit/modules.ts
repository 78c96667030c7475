// The hand-shaped TypeScript modules: validation.ts, routes.ts, topics.ts, user-messages.ts, codes.ts, index.ts.
import type { ContractIR } from '../extract.js';
import { banner, file, key, literal, literalUnion, str, stringArray } from './common.js';
import { validatorName } from './validators.js';

/** The model type checked by a schema's validator (`unknown` when modelina made no model for it). */
function modelOf(title: string, modelNames: Set<string>): string {
  return modelNames.has(title) ? title : 'unknown';
}

/** The imports of a registry module (topics.ts, user-messages.ts): payload models, validation types, validators. */
function registryImports(payloadSchemas: readonly string[], modelNames: Set<string>): string {
  const payloadTypes = [...new Set(payloadSchemas.filter((t) => modelNames.has(t)))].sort();
  return [
    payloadTypes.length > 0 ? `import type { ${payloadTypes.join(', ')} } from './models.js';` : '',
    "import type { SchemaTitle, ValidationResult } from './validation.js';",
    "import { validators } from './validation.js';",
  ]
    .filter((l) => l.length > 0)
    .join('\n');
}

export function emitValidation(ir: ContractIR, modelNames: Set<string>): string {
  const titles = ir.schemas.map((s) => s.title);
  const modelImports = titles.filter((t) => modelNames.has(t));
  return file([
    banner(ir.fileName),
    [
      "// Typed wrappers around the precompiled validators: a result object instead of ajv's mutable `errors`,",
      '// with each error naming the failing field as a dotted path.',
      modelImports.length > 0
        ? `import type {\n${modelImports.map((t) => `  ${t},`).join('\n')}\n} from './models.js';`
        : '',
      `import type { StandaloneValidationError, StandaloneValidator } from './validators.js';`,
      `import {\n${titles.map((t) => `  ${validatorName(t)},`).join('\n')}\n} from './validators.js';`,
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
    [
      '/** One validation failure. `field` is a dotted path (`payload.severity`, `rejected.0.code`); a missing or',
      ' * unexpected property names that property; `(root)` is the value itself. */',
      'export interface FieldError {',
      '  field: string;',
      '  keyword: string;',
      '  message: string;',
      '}',
    ].join('\n'),
    'export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };',
    [
      '/** Schema title → the type its validator checks. */',
      'export interface SchemaModels {',
      ...titles.map((t) => `  ${t}: ${modelOf(t, modelNames)};`),
      '}',
    ].join('\n'),
    'export type SchemaTitle = keyof SchemaModels;',
    `export const schemaTitles: readonly SchemaTitle[] = ${stringArray(titles)};`,
    [
      'function decodePointerSegment(segment: string): string {',
      "  return segment.replace(/~1/g, '/').replace(/~0/g, '~');",
      '}',
      '',
      '/** Converts an ajv error into a FieldError whose field is the property at fault. */',
      'export function toFieldError(error: StandaloneValidationError): FieldError {',
      "  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodePointerSegment);",
      '  const params = error.params;',
      "  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {",
      '    segments.push(params.missingProperty);',
      "  } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {",
      '    segments.push(params.additionalProperty);',
      '  }',
      "  const field = segments.length === 0 ? '(root)' : segments.join('.');",
      "  let message = error.message ?? 'is invalid';",
      "  if (error.keyword === 'additionalProperties') message = 'is not allowed (no such property in the schema)';",
      "  if (error.keyword === 'required') message = 'is required';",
      '  return { field, keyword: error.keyword, message };',
      '}',
      '',
      'function wrap<T>(validate: StandaloneValidator<T>): (data: unknown) => ValidationResult<T> {',
      '  return (data: unknown): ValidationResult<T> => {',
      '    if (validate(data)) return { ok: true, value: data };',
      '    const errors = (validate.errors ?? []).map(toFieldError);',
      "    return { ok: false, errors: errors.length > 0 ? errors : [{ field: '(root)', keyword: 'unknown', message: 'is invalid' }] };",
      '  };',
      '}',
    ].join('\n'),
    [
      '/** One typed validator per schema title. */',
      'export const validators: { readonly [K in SchemaTitle]: (data: unknown) => ValidationResult<SchemaModels[K]> } = {',
      ...titles.map((t) => `  ${t}: wrap(${validatorName(t)}),`),
      '};',
    ].join('\n'),
    [
      '/** One line per error: `field: message`, joined with `; ` (for logs and exception messages). */',
      'export function formatErrors(errors: readonly FieldError[]): string {',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is emitted source text, not a template.
      "  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');",
      '}',
    ].join('\n'),
  ]);
}

export function emitRoutes(ir: ContractIR): string {
  const routeKeys = ir.routes.map((r) => r.routeKey);
  const handlers = ir.functions.map((f) => f.handler);
  const actions = ir.routes.filter((r) => r.action !== undefined && r.actionSchema !== undefined);
  const table: Record<string, unknown> = {};
  for (const r of ir.routes) {
    table[r.routeKey] = {
      routeKey: r.routeKey,
      operationId: r.operationId,
      handler: r.handler,
      twoWay: r.twoWay,
      actionSchema: r.actionSchema,
      authorizer: r.authorizer,
    };
  }
  const clientActions: Record<string, string> = {};
  for (const r of actions) clientActions[r.action as string] = r.actionSchema as string;
  return file([
    banner(ir.fileName),
    "import type { SchemaTitle } from './validation.js';",
    [
      '/** The WebSocket route keys, in contract order. */',
      `export const routeKeys = ${stringArray(routeKeys)} as const;`,
      'export type RouteKey = (typeof routeKeys)[number];',
    ].join('\n'),
    [
      '/** Every Lambda handler (`src/handlers/<name>.ts`). */',
      `export const handlerNames = ${stringArray(handlers)} as const;`,
      'export type HandlerName = (typeof handlerNames)[number];',
    ].join('\n'),
    [
      'export interface RouteDefinition {',
      '  readonly routeKey: RouteKey;',
      '  readonly operationId: string;',
      '  readonly handler: HandlerName;',
      '  /** The route answers with a frame (the contract operation has a reply). */',
      '  readonly twoWay: boolean;',
      '  /** Schema of the client frame that selects this route by its `action` field. */',
      '  readonly actionSchema?: SchemaTitle;',
      '  /** Lambda authorizer of the route ($connect only). */',
      '  readonly authorizer?: HandlerName;',
      '}',
    ].join('\n'),
    `export const routeTable: Readonly<Record<RouteKey, RouteDefinition>> = ${literal(table)};`,
    [
      '/** The `action` values a client may send, each with the schema of its frame. */',
      `export type ClientActionName = ${literalUnion(Object.keys(clientActions))};`,
      `export const clientActions: Readonly<Record<ClientActionName, SchemaTitle>> = ${literal(clientActions)};`,
    ].join('\n'),
    [
      'export type FunctionTrigger =',
      "  | { readonly kind: 'authorizer'; readonly routeKey: RouteKey }",
      "  | { readonly kind: 'websocket'; readonly routeKey: RouteKey }",
      '  /** `channel` is the contract channel id; the resource is named `<prefix><suffix>`. */',
      "  | { readonly kind: 'sns' | 'sqs'; readonly channel: string; readonly suffix: string };",
      '',
      'export interface FunctionDefinition {',
      '  readonly handler: HandlerName;',
      '  readonly trigger: FunctionTrigger;',
      '}',
    ].join('\n'),
    [
      '/** Every Lambda with what invokes it. */',
      `export const functionTable: readonly FunctionDefinition[] = ${literal(ir.functions)};`,
    ].join('\n'),
  ]);
}

export function emitTopics(ir: ContractIR, modelNames: Set<string>): string {
  const names = ir.topics.map((t) => t.name);
  const registry = ir.topics
    .map((t) =>
      [
        `  ${key(t.name)}: {`,
        `    name: ${str(t.name)},`,
        `    access: { roles: ${stringArray(t.roles)} },`,
        `    offline: ${literal(t.offline, '    ').replace(/\n/g, '\n')},`,
        `    partitions: ${t.partitions},`,
        `    payloadSchema: ${str(t.payloadSchema)},`,
        `    validate: validators.${t.payloadSchema},`,
        '  },',
      ].join('\n'),
    )
    .join('\n');
  return file([
    banner(ir.fileName),
    registryImports(
      ir.topics.map((t) => t.payloadSchema),
      modelNames,
    ),
    [
      '/** Realm-relative topic names, in contract order. */',
      `export const topicNames = ${stringArray(names)} as const;`,
      'export type TopicName = (typeof topicNames)[number];',
    ].join('\n'),
    [
      'export interface TopicPayloads {',
      ...ir.topics.map((t) => `  ${key(t.name)}: ${modelOf(t.payloadSchema, modelNames)};`),
      '}',
    ].join('\n'),
    [
      '/** What happens to a topic message for users who are offline when it is published. */',
      'export type TopicOfflinePolicy =',
      "  | { readonly policy: 'drop' }",
      "  | { readonly policy: 'history'; readonly historySize: number; readonly retentionSeconds: number };",
      '',
      'export interface TopicDefinition<N extends TopicName> {',
      '  readonly name: N;',
      '  /** Roles (any of) a token needs in the realm; empty: every user of the realm. */',
      '  readonly access: { readonly roles: readonly string[] };',
      '  readonly offline: TopicOfflinePolicy;',
      '  /** Partition keys the subscription rows are spread over (hash of the connection id); broadcasts Query each. */',
      '  readonly partitions: number;',
      '  readonly payloadSchema: SchemaTitle;',
      '  validate(payload: unknown): ValidationResult<TopicPayloads[N]>;',
      '}',
    ].join('\n'),
    `export const topicRegistry: { readonly [N in TopicName]: TopicDefinition<N> } = {\n${registry}\n};`,
    [
      'export function isTopicName(value: unknown): value is TopicName {',
      "  return typeof value === 'string' && Object.hasOwn(topicRegistry, value);",
      '}',
    ].join('\n'),
  ]);
}

export function emitUserMessages(ir: ContractIR, modelNames: Set<string>): string {
  const types = ir.userMessages.map((u) => u.type);
  const registry = ir.userMessages
    .map((u) =>
      [
        `  ${key(u.type)}: {`,
        `    type: ${str(u.type)},`,
        `    retentionDays: ${u.retentionDays},`,
        `    payloadSchema: ${str(u.payloadSchema)},`,
        `    validate: validators.${u.payloadSchema},`,
        '  },',
      ].join('\n'),
    )
    .join('\n');
  return file([
    banner(ir.fileName),
    registryImports(
      ir.userMessages.map((u) => u.payloadSchema),
      modelNames,
    ),
    [
      '/** User message types, in contract order. */',
      `export const userMessageTypes = ${stringArray(types)} as const;`,
      'export type UserMessageTypeName = (typeof userMessageTypes)[number];',
    ].join('\n'),
    [
      'export interface UserMessagePayloads {',
      ...ir.userMessages.map((u) => `  ${key(u.type)}: ${modelOf(u.payloadSchema, modelNames)};`),
      '}',
    ].join('\n'),
    [
      'export interface UserMessageDefinition<T extends UserMessageTypeName> {',
      '  readonly type: T;',
      '  /** How long the offline inbox keeps an undelivered message of this type. */',
      '  readonly retentionDays: number;',
      '  readonly payloadSchema: SchemaTitle;',
      '  validate(payload: unknown): ValidationResult<UserMessagePayloads[T]>;',
      '}',
    ].join('\n'),
    `export const userMessageRegistry: { readonly [T in UserMessageTypeName]: UserMessageDefinition<T> } = {\n${registry}\n};`,
    [
      'export function isUserMessageType(value: unknown): value is UserMessageTypeName {',
      "  return typeof value === 'string' && Object.hasOwn(userMessageRegistry, value);",
      '}',
    ].join('\n'),
  ]);
}

export function emitCodes(ir: ContractIR, modelNames: Set<string>): string {
  const codeTypes = ir.errorCodeTypes.filter((t) => modelNames.has(t));
  const codeType = codeTypes.length > 0 ? codeTypes.join(' | ') : 'string';
  const errorCodes: Record<string, unknown> = {};
  for (const c of ir.errorCodes) errorCodes[c.code] = { retryable: c.retryable, description: c.description };
  return file([
    banner(ir.fileName),
    codeTypes.length > 0 ? `import type { ${codeTypes.join(', ')} } from './models.js';` : '',
    [
      'export interface ErrorCodeDefinition {',
      '  /** The client may retry the same request (or reconnect) later. */',
      '  readonly retryable: boolean;',
      '  readonly description: string;',
      '}',
      '',
      '/** Codes of error frames and rejected topics (x-error-codes). */',
      `export const errorCodes: Readonly<Record<${codeType}, ErrorCodeDefinition>> = ${literal(errorCodes)};`,
    ].join('\n'),
    [
      'export interface CloseCodeRange {',
      '  readonly from: number;',
      '  readonly to: number;',
      '  readonly name: string;',
      '  readonly retryable: boolean;',
      '  readonly description: string;',
      '}',
      '',
      '/** WebSocket close codes (x-close-codes), as inclusive ranges. */',
      `export const closeCodes: readonly CloseCodeRange[] = ${literal(ir.closeCodes)};`,
    ].join('\n'),
    [
      '/** Names a close code and says whether a client should reconnect; codes the contract does not list are retryable. */',
      'export function classifyCloseCode(code: number): { name: string; retryable: boolean } {',
      '  const range = closeCodes.find((r) => code >= r.from && code <= r.to);',
      "  return range === undefined ? { name: 'UNKNOWN', retryable: true } : { name: range.name, retryable: range.retryable };",
      '}',
    ].join('\n'),
    [
      'export interface Limits {',
      ...Object.keys(ir.limits).map((k) => `  readonly ${key(k)}: number;`),
      '}',
      '',
      '/** Platform limits (x-limits). */',
      `export const limits: Limits = ${literal(ir.limits)};`,
    ].join('\n'),
  ]);
}

export function emitIndex(ir: ContractIR): string {
  return file([
    banner(ir.fileName),
    [
      "export * from './codes.js';",
      "export * from './models.js';",
      "export * from './patterns.js';",
      "export * from './routes.js';",
      "export * from './topics.js';",
      "export * from './user-messages.js';",
      "export * from './validation.js';",
      "export * from './validators.js';",
    ].join('\n'),
  ]);
}

// The hand-shaped TypeScript modules: validation.ts, routes.ts, topics.ts, user-messages.ts, codes.ts, index.ts.
import type { ContractIR } from '../extract.js';
import { banner, file, key, literal, literalUnion, str, stringArray } from './common.js';
import { topicParameterSchemas, validatorName } from './validators.js';

/** The model type checked by a schema's validator (`unknown` when modelina made no model for it). */
function modelOf(title: string, modelNames: Set<string>): string {
  return modelNames.has(title) ? title : 'unknown';
}

/** The imports of a registry module (topics.ts, user-messages.ts): payload models, validation types, validators. */
function registryImports(
  payloadSchemas: readonly string[],
  modelNames: Set<string>,
  validatorsName: 'topicPayloadValidators' | 'userPayloadValidators',
): string {
  const payloadTypes = [...new Set(payloadSchemas.filter((t) => modelNames.has(t)))].sort();
  return [
    payloadTypes.length > 0 ? `import type { ${payloadTypes.join(', ')} } from './models.js';` : '',
    "import type { ValidationResult } from './field-errors.js';",
    `import { ${validatorsName} } from './payload-validation.js';`,
    "import type { SchemaTitle } from './validation.js';",
  ]
    .filter((l) => l.length > 0)
    .join('\n');
}

/** A typed validator map: `{ key: wrapValidator(validateTitle) }`, keys quoted as needed. */
function validatorMap(entries: readonly (readonly [string, string])[]): string {
  return entries.map(([k, title]) => `  ${key(k)}: wrapValidator(${validatorName(title)}),`).join('\n');
}

function validatorImports(titles: readonly string[], from: string): string {
  const unique = [...new Set(titles)].sort();
  return unique.length === 0
    ? ''
    : `import {\n${unique.map((t) => `  ${validatorName(t)},`).join('\n')}\n} from './${from}.js';`;
}

/** field-errors.ts: the validation result types and helpers, with no validator in it (the client imports it). */
export function emitFieldErrors(ir: ContractIR): string {
  return file([
    banner(ir.fileName),
    [
      '/** An ajv error object, as the precompiled validators report it. */',
      'export interface StandaloneValidationError {',
      '  instancePath: string;',
      '  schemaPath: string;',
      '  keyword: string;',
      '  params: Record<string, unknown>;',
      '  message?: string;',
      '}',
    ].join('\n'),
    [
      '/** A precompiled validator: a type guard whose failures are left in `errors`. */',
      'export interface StandaloneValidator<T> {',
      '  (data: unknown): data is T;',
      '  errors?: StandaloneValidationError[] | null;',
      '}',
    ].join('\n'),
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
      "  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is emitted source text, not a template.
      "    message = `must be one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;",
      '  }',
      '  return { field, keyword: error.keyword, message };',
      '}',
      '',
      "/** A precompiled validator as a function returning a result object instead of ajv's mutable `errors`. */",
      'export function wrapValidator<T>(validate: StandaloneValidator<T>): (data: unknown) => ValidationResult<T> {',
      '  return (data: unknown): ValidationResult<T> => {',
      '    if (validate(data)) return { ok: true, value: data };',
      '    const errors = (validate.errors ?? []).map(toFieldError);',
      "    return { ok: false, errors: errors.length > 0 ? errors : [{ field: '(root)', keyword: 'unknown', message: 'is invalid' }] };",
      '  };',
      '}',
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

/** payload-validation.ts: the payload validator of each topic and user message type (what clients receive). */
export function emitPayloadValidation(ir: ContractIR): string {
  return file([
    banner(ir.fileName),
    [
      '// Only the payload validators: the client SDK (`wspush/client/validation`) and the publisher import this',
      '// module, so neither carries the frame, job or envelope schemas.',
      "import { type ValidationResult, wrapValidator } from './field-errors.js';",
      validatorImports(
        [
          ...ir.topics.map((t) => t.payloadSchema),
          ...topicParameterSchemas(ir),
          ...ir.userMessages.map((u) => u.payloadSchema),
        ],
        'payload-validators',
      ),
      "import type { TopicFamily, TopicPayloads } from './topics.js';",
      "import type { UserMessagePayloads, UserMessageTypeName } from './user-messages.js';",
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
    [
      '/** The payload validator of each topic family. */',
      'export const topicPayloadValidators: {',
      '  readonly [F in TopicFamily]: (payload: unknown) => ValidationResult<TopicPayloads[F]>;',
      '} = {',
      validatorMap(ir.topics.map((t) => [t.name, t.payloadSchema] as const)),
      '};',
      '',
      '/** The validator of each topic parameter schema (x-schema), by schema title: what matchTopic checks. */',
      'export const topicParameterValidators: Readonly<Record<string, (value: unknown) => ValidationResult<unknown>>> = {',
      validatorMap(topicParameterSchemas(ir).map((t) => [t, t] as const)),
      '};',
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
    [
      '/** The payload validator of each user message type. */',
      'export const userPayloadValidators: {',
      '  readonly [T in UserMessageTypeName]: (payload: unknown) => ValidationResult<UserMessagePayloads[T]>;',
      '} = {',
      validatorMap(ir.userMessages.map((u) => [u.type, u.payloadSchema] as const)),
      '};',
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
  ]);
}

/** The envelope + payload checks, one per envelope with a payload that depends on a contract table. */
const ENVELOPE_CHECKS = `/** Payload validators report paths relative to the payload: shown under \`payload.\`. */
function underPayload(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field === '(root)' ? 'payload' : \`payload.\${e.field}\` }));
}

/** The envelope schema's errors, and whether its \`field\` and its payload were valid enough to check further. */
function envelopeErrors(result: ValidationResult<unknown>, field: string): { errors: FieldError[]; field: boolean; payload: boolean } {
  const errors = result.ok ? [] : result.errors.filter((e) => !e.field.startsWith('payload.'));
  return {
    errors,
    field: !errors.some((e) => e.field === field),
    payload: !errors.some((e) => e.field === 'payload'),
  };
}

/** The fields of a JSON object; nothing for any other value (the schema already reported it). */
function fields(data: unknown): { topic?: unknown; type?: unknown; payload?: unknown } {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
}

function outcome<T>(data: unknown, errors: FieldError[]): ValidationResult<T> {
  return errors.length === 0 ? { ok: true, value: data as T } : { ok: false, errors };
}

/**
 * A broadcast envelope as the routers accept it: the envelope schema, its topic (a concrete topic of a family of
 * the contract) and the payload against that family's schema. Every error at once, payload errors under \`payload.\`.
 * One check for the routers, the publisher SDK and CLI, and the console.
 */
export function checkBroadcastEnvelope(data: unknown): ValidationResult<BroadcastEnvelope> {
  const checked = envelopeErrors(envelopeValidators.BroadcastEnvelope(data), 'topic');
  const { topic, payload } = fields(data);
  if (checked.field && typeof topic === 'string') {
    const match = matchTopic(topic);
    const name = JSON.stringify(topic);
    if (!match.ok) {
      const unknown = match.code === 'UNKNOWN_TOPIC';
      checked.errors.push({
        field: 'topic',
        keyword: unknown ? 'enum' : 'pattern',
        message: unknown ? \`unknown topic \${name}; the contract defines \${topicFamilies.join(', ')}\` : \`\${name}: \${match.reason}\`,
      });
    } else if (checked.payload) {
      const result = match.definition.validate(payload);
      if (!result.ok) checked.errors.push(...underPayload(result.errors));
    }
  }
  return outcome(data, checked.errors);
}

/** A user envelope: the envelope schema, its message type (one the contract defines) and the payload against it. */
export function checkUserEnvelope(data: unknown): ValidationResult<UserEnvelope> {
  const checked = envelopeErrors(envelopeValidators.UserEnvelope(data), 'type');
  const { type, payload } = fields(data);
  if (checked.field && typeof type === 'string') {
    if (!isUserMessageType(type)) {
      checked.errors.push({
        field: 'type',
        keyword: 'enum',
        message: \`unknown user message type \${JSON.stringify(type)}; the contract defines \${userMessageTypes.join(', ')}\`,
      });
    } else if (checked.payload) {
      const result = userMessageRegistry[type].validate(payload);
      if (!result.ok) checked.errors.push(...underPayload(result.errors));
    }
  }
  return outcome(data, checked.errors);
}`;

/**
 * envelope-validation.ts: the validators of the envelopes publishers send to SNS, and the one envelope + payload
 * check every consumer uses (the publisher imports it).
 */
export function emitEnvelopeValidation(ir: ContractIR, modelNames: Set<string>): string {
  const envelopes = ir.publishEnvelopes.filter((t) => ir.schemas.some((s) => s.title === t));
  const models = envelopes.filter((t) => modelNames.has(t));
  const checks =
    envelopes.includes('BroadcastEnvelope') && envelopes.includes('UserEnvelope') && models.length === 2;
  return file([
    banner(ir.fileName),
    [
      checks
        ? "import { type FieldError, type ValidationResult, wrapValidator } from './field-errors.js';"
        : "import { type ValidationResult, wrapValidator } from './field-errors.js';",
      validatorImports(envelopes, 'envelope-validators'),
      models.length > 0 ? `import type { ${models.join(', ')} } from './models.js';` : '',
      checks ? "import { matchTopic, topicFamilies } from './topics.js';" : '',
      checks
        ? "import { isUserMessageType, userMessageRegistry, userMessageTypes } from './user-messages.js';"
        : '',
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
    [
      '/** Schema title → validator, for each envelope a publisher sends (the messages of the SNS channels). */',
      'export const envelopeValidators: {',
      ...envelopes.map(
        (t) => `  readonly ${t}: (data: unknown) => ValidationResult<${modelOf(t, modelNames)}>;`,
      ),
      '} = {',
      validatorMap(envelopes.map((t) => [t, t] as const)),
      '};',
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
    checks ? ENVELOPE_CHECKS : '',
  ]);
}

export function emitValidation(ir: ContractIR, modelNames: Set<string>): string {
  const titles = ir.schemas.map((s) => s.title);
  const modelImports = titles.filter((t) => modelNames.has(t));
  return file([
    banner(ir.fileName),
    [
      '// One typed validator per schema title, for server code (it imports every validator: browsers and',
      '// publishers import payload-validation.ts and envelope-validation.ts instead).',
      "import { type ValidationResult, wrapValidator } from './field-errors.js';",
      modelImports.length > 0
        ? `import type {\n${modelImports.map((t) => `  ${t},`).join('\n')}\n} from './models.js';`
        : '',
      validatorImports(titles, 'validators'),
    ]
      .filter((l) => l.length > 0)
      .join('\n'),
    [
      '/** Schema title → the type its validator checks. */',
      'export interface SchemaModels {',
      ...titles.map((t) => `  ${t}: ${modelOf(t, modelNames)};`),
      '}',
    ].join('\n'),
    'export type SchemaTitle = keyof SchemaModels;',
    `export const schemaTitles: readonly SchemaTitle[] = ${stringArray(titles)};`,
    [
      '/** One typed validator per schema title. */',
      'export const validators: { readonly [K in SchemaTitle]: (data: unknown) => ValidationResult<SchemaModels[K]> } = {',
      validatorMap(titles.map((t) => [t, t] as const)),
      '};',
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
      integration: r.integration,
      handler: r.handler,
      replySchema: r.replySchema,
      twoWay: r.twoWay,
      actionSchema: r.actionSchema,
      authorizer: r.authorizer,
      repliesByPost: r.repliesByPost ? true : undefined,
    };
  }
  const clientActions: Record<string, string> = {};
  for (const r of actions) clientActions[r.action as string] = r.actionSchema as string;
  const actionValidators = Object.entries(clientActions).map(([action, title]) => ({
    action,
    fn: `validate${title}`,
  }));
  const validatorImports = [...new Set(actionValidators.map((v) => v.fn))].sort();
  return file([
    banner(ir.fileName),
    [
      "import type { StandaloneValidator } from './field-errors.js';",
      "import type { KafkaChannelName } from './kafka.js';",
      "import type { SchemaTitle } from './validation.js';",
      ...(validatorImports.length > 0
        ? [`import { ${validatorImports.join(', ')} } from './validators.js';`]
        : []),
    ].join('\n'),
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
      'interface RouteBase {',
      '  readonly routeKey: RouteKey;',
      '  readonly operationId: string;',
      '  /** The route answers with a frame (the contract operation has a reply). */',
      '  readonly twoWay: boolean;',
      '  /** Schema of the client frame that selects this route by its `action` field. */',
      '  readonly actionSchema?: SchemaTitle;',
      '}',
      '',
      '/** A route whose Lambda runs (`x-handler`). */',
      'export interface FunctionRoute extends RouteBase {',
      "  readonly integration: 'lambda';",
      '  readonly handler: HandlerName;',
      '  /** Lambda authorizer of the route ($connect only). */',
      '  readonly authorizer?: HandlerName;',
      '  /** `x-reply: posted`: the handler posts its reply (and what follows it) through @connections; no route response. */',
      '  readonly repliesByPost?: boolean;',
      '}',
      '',
      '/**',
      ' * `x-integration: mock`: API Gateway handles the route itself, no function runs. Two-way: it answers with its',
      ' * reply frame (a route response); one-way (`twoWay: false`, no `replySchema`): it sends nothing back.',
      ' */',
      'export interface MockRoute extends RouteBase {',
      "  readonly integration: 'mock';",
      '  /** Schema of the one reply frame the mock renders; absent on a one-way mock. */',
      '  readonly replySchema?: SchemaTitle;',
      '}',
      '',
      'export type RouteDefinition = FunctionRoute | MockRoute;',
    ].join('\n'),
    `export const routeTable: Readonly<Record<RouteKey, RouteDefinition>> = ${literal(table)};`,
    [
      '/** The `action` values a client may send, each with the schema of its frame. */',
      `export type ClientActionName = ${literalUnion(Object.keys(clientActions))};`,
      `export const clientActions: Readonly<Record<ClientActionName, SchemaTitle>> = ${literal(clientActions)};`,
      '',
      '/**',
      " * Each action's precompiled validator, imported by name: a function that parses client frames carries these,",
      " * not the map of every schema's validator (generated/validation.ts).",
      ' */',
      'export const clientActionValidators: Readonly<Record<ClientActionName, StandaloneValidator<unknown>>> = {',
      ...actionValidators.map((v) => `  ${JSON.stringify(v.action)}: ${v.fn},`),
      '};',
    ].join('\n'),
    [
      'export type FunctionTrigger =',
      "  | { readonly kind: 'authorizer'; readonly routeKey: RouteKey }",
      "  | { readonly kind: 'websocket'; readonly routeKey: RouteKey }",
      '  /** `channel` is the contract channel id; the resource is named `<prefix><suffix>`. */',
      "  | { readonly kind: 'sns' | 'sqs'; readonly channel: string; readonly suffix: string }",
      '  /** Kafka channels (generated/kafka.ts) the function consumes, one event source mapping per topic. */',
      "  | { readonly kind: 'kafka'; readonly channels: readonly KafkaChannelName[] };",
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

/** `jobs.{jobId}` → the template type of its concrete names: `jobs.${string}`. */
function templateType(t: ContractIR['topics'][number]): string {
  if (t.parameters.length === 0) return str(t.name);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: emitted TypeScript template literal type.
  const parts = t.segments.map((s) => ('literal' in s ? s.literal : '${string}'));
  return `\`${parts.join('.')}\``;
}

function topicEntry(t: ContractIR['topics'][number]): string {
  const segments = t.segments.map((s) => {
    if ('literal' in s) return { literal: s.literal };
    const schema = t.parameters.find((p) => p.name === s.param)?.schemaTitle;
    return { param: s.param, schema };
  });
  const access = t.owner === undefined ? { roles: t.roles } : { roles: t.roles, owner: t.owner };
  return [
    `  ${key(t.name)}: {`,
    `    name: ${str(t.name)},`,
    `    filter: ${str(t.filter)},`,
    `    segments: ${literal(segments, '    ')},`,
    `    access: ${literal(access, '    ')},`,
    `    offline: ${literal(t.offline, '    ')},`,
    `    partitions: ${t.partitions},`,
    `    payloadSchema: ${str(t.payloadSchema)},`,
    `    validate: topicPayloadValidators[${str(t.name)}],`,
    '  },',
  ].join('\n');
}

const MATCH_TOPIC = `/**
 * The family of a concrete topic name and its validated parameters: INVALID_TOPIC_NAME when the name fails
 * components.schemas.TopicName, UNKNOWN_TOPIC when no family's literal segments match,
 * INVALID_TOPIC_PARAMETER when a parameter fails its schema (x-schema).
 */
export function matchTopic(name: string): TopicMatch {
  if (!topicNamePattern.test(name)) {
    return { ok: false, code: 'INVALID_TOPIC_NAME', reason: 'not a valid topic name' };
  }
  const parts = name.split('.');
  for (const family of topicFamilies) {
    const definition: TopicDefinition<TopicFamily> = topicRegistry[family];
    const { segments } = definition;
    if (segments.length !== parts.length) continue;
    if (!segments.every((s, i) => !('literal' in s) || s.literal === parts[i])) continue;
    const params: Record<string, string> = {};
    for (const [i, segment] of segments.entries()) {
      if ('literal' in segment) continue;
      const value = parts[i] as string;
      const result = topicParameterValidators[segment.schema]?.(value);
      if (!result?.ok) {
        const why = result ? formatErrors(result.errors).replace('(root)', segment.param) : \`\${segment.param}: no validator\`;
        return { ok: false, code: 'INVALID_TOPIC_PARAMETER', reason: \`parameter \${why}\` };
      }
      params[segment.param] = value;
    }
    return { ok: true, family, definition, params };
  }
  return { ok: false, code: 'UNKNOWN_TOPIC', reason: 'no such topic' };
}`;

export function emitTopics(ir: ContractIR, modelNames: Set<string>): string {
  const families = ir.topics.map((t) => t.name);
  const fixed = ir.topics.filter((t) => t.parameters.length === 0).map((t) => t.name);
  const familyOf = ir.topics.map((t) => `T extends ${templateType(t)} ? ${str(t.name)} :`).join('\n  ');
  return file([
    banner(ir.fileName),
    registryImports(
      ir.topics.map((t) => t.payloadSchema),
      modelNames,
      'topicPayloadValidators',
    ).replace(
      "import { topicPayloadValidators } from './payload-validation.js';",
      "import { formatErrors } from './field-errors.js';\nimport { topicParameterValidators, topicPayloadValidators } from './payload-validation.js';",
    ),
    [
      '/** Topic families (channels with x-topic), by address, in contract order; a fixed topic is a family without parameters. */',
      `export const topicFamilies = ${stringArray(families)} as const;`,
      'export type TopicFamily = (typeof topicFamilies)[number];',
      '',
      '/** The fixed topics (families without parameters). */',
      `export const topicNames = ${stringArray(fixed)} as const;`,
      'export type TopicName = (typeof topicNames)[number];',
    ].join('\n'),
    [
      'export interface TopicPayloads {',
      ...ir.topics.map((t) => `  ${key(t.name)}: ${modelOf(t.payloadSchema, modelNames)};`),
      '}',
    ].join('\n'),
    [
      '/** What a client filters on: a fixed name, or a family with `*` for each parameter (`jobs.*`). */',
      `export type TopicFilter = ${literalUnion(ir.topics.map((t) => t.filter))};`,
      '',
      '/** Every concrete topic name, as template literal types (the family address, a string per parameter). */',
      `export type ConcreteTopicName = ${ir.topics.map(templateType).join(' | ') || 'never'};`,
      '',
      '/** The family of a concrete name or a filter (`never` when none matches). */',
      `export type TopicFamilyOf<T extends string> =\n  ${familyOf}\n  never;`,
      '',
      '/** The payload type of a concrete topic name or a filter. */',
      'export type TopicPayloadOf<T extends string> = [TopicFamilyOf<T>] extends [never]',
      '  ? unknown',
      '  : TopicPayloads[TopicFamilyOf<T>];',
    ].join('\n'),
    [
      '/** What happens to a topic message for users who are offline when it is published. */',
      'export type TopicOfflinePolicy =',
      "  | { readonly policy: 'drop' }",
      "  | { readonly policy: 'history'; readonly historySize: number; readonly retentionSeconds: number };",
      '',
      '/** One dot-separated segment of a family address: a literal, or a parameter with its schema. */',
      'export type TopicSegment = { readonly literal: string } | { readonly param: string; readonly schema: SchemaTitle };',
      '',
      'export interface TopicAccess {',
      '  /** Roles (any of) a token needs in the realm; empty: every user of the realm. */',
      '  readonly roles: readonly string[];',
      "  /** Owner rule: the parameter must equal the token's subject, unless the token holds an override role. */",
      '  readonly owner?: { readonly parameter: string; readonly overrideRoles: readonly string[] };',
      '}',
      '',
      'export interface TopicDefinition<F extends TopicFamily> {',
      '  readonly name: F;',
      '  readonly filter: TopicFilter;',
      '  readonly segments: readonly TopicSegment[];',
      '  readonly access: TopicAccess;',
      '  readonly offline: TopicOfflinePolicy;',
      '  /** Partition keys the subscription rows are spread over (hash of the connection id; x-topic.partitions, or from expectedAudience, or 8 for a fixed open topic); broadcasts Query each. */',
      '  readonly partitions: number;',
      '  readonly payloadSchema: SchemaTitle;',
      '  validate(payload: unknown): ValidationResult<TopicPayloads[F]>;',
      '}',
    ].join('\n'),
    `export const topicRegistry: { readonly [F in TopicFamily]: TopicDefinition<F> } = {\n${ir.topics.map(topicEntry).join('\n')}\n};`,
    [
      'export function isTopicName(value: unknown): value is TopicName {',
      "  return typeof value === 'string' && (topicNames as readonly string[]).includes(value);",
      '}',
      '',
      'export function isTopicFamily(value: unknown): value is TopicFamily {',
      "  return typeof value === 'string' && Object.hasOwn(topicRegistry, value);",
      '}',
    ].join('\n'),
    [
      '/** components.schemas.TopicName: every concrete topic name matches it. */',
      `export const topicNamePattern = new RegExp(${str(ir.topicName.pattern)});`,
    ].join('\n'),
    [
      'export type TopicMatch =',
      '  | {',
      '      readonly ok: true;',
      '      readonly family: TopicFamily;',
      '      readonly definition: TopicDefinition<TopicFamily>;',
      '      readonly params: Readonly<Record<string, string>>;',
      '    }',
      "  | { readonly ok: false; readonly code: 'INVALID_TOPIC_NAME' | 'UNKNOWN_TOPIC' | 'INVALID_TOPIC_PARAMETER'; readonly reason: string };",
    ].join('\n'),
    MATCH_TOPIC,
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
        `    validate: userPayloadValidators[${str(u.type)}],`,
        '  },',
      ].join('\n'),
    )
    .join('\n');
  return file([
    banner(ir.fileName),
    registryImports(
      ir.userMessages.map((u) => u.payloadSchema),
      modelNames,
      'userPayloadValidators',
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
    [
      '/**',
      " * Why an envelope's `publishedAt` is refused at `nowMs` (not a date-time, or more than",
      ' * publishedAtMaxFutureSeconds ahead), or undefined when it is accepted.',
      ' */',
      'export function publishedAtProblem(publishedAt: string, nowMs: number): string | undefined {',
      '  const ms = Date.parse(publishedAt);',
      "  if (Number.isNaN(ms)) return 'is not a date-time';",
      '  if (ms > nowMs + limits.publishedAtMaxFutureSeconds * 1000)',
      "    return 'is more than ' + limits.publishedAtMaxFutureSeconds + ' s ahead of the clock (' + new Date(nowMs).toISOString() + ')';",
      '  return undefined;',
      '}',
    ].join('\n'),
  ]);
}

export function emitIndex(ir: ContractIR): string {
  return file([
    banner(ir.fileName),
    [
      "export * from './codes.js';",
      "export * from './envelope-validation.js';",
      "export * from './field-errors.js';",
      "export * from './kafka.js';",
      "export * from './models.js';",
      "export * from './payload-validation.js';",
      "export * from './patterns.js';",
      "export * from './routes.js';",
      "export * from './topics.js';",
      "export * from './user-messages.js';",
      "export * from './validation.js';",
      "export * from './validators.js';",
    ].join('\n'),
  ]);
}

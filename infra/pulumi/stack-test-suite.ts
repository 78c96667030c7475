/**
 * The assertions every stack must pass under Pulumi's mocks. Each `<stack>.stack.test.ts` calls
 * {@link describeStack} with what is specific to that stack (vitest isolates files, and the Pulumi runtime is
 * global: one stack per file).
 *
 * The mocks validate nothing, so every property that matters is asserted here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { functionTable, routeKeys, routeTable } from '../../generated/index.js';
import { mockReplyTemplate } from '../../src/core/mock-replies.js';
import { fanoutPlan } from '../../src/core/pacing.js';
import { queuePolicy } from '../../src/core/queue-policy.js';
import type { FunctionSettings } from './config.js';
import { functionNeeds } from './function-needs.js';
import { KAFKA_NETWORK_ACTIONS } from './kafka.js';
import type { MockedRun, RecordedResource } from './mocks.js';

export interface StackExpectations {
  stack: string;
  region: string;
  stageName: string;
  pointInTimeRecovery: boolean;
  tableDeletionProtection: boolean;
  logRetentionDays: number;
  identitySources: string[] | undefined;
  throttling: { rateLimit: number; burstLimit: number };
  functions: {
    authorizer: FunctionSettings;
    websocket: FunctionSettings;
    router: FunctionSettings;
    worker: FunctionSettings;
  };
  routerReservedConcurrency: number | undefined;
  workerMaxConcurrency: number;
  /** The stack's @connections budget (the fan-out mapping is sized from it). */
  postingBudgetPerSecond: number;
  alarmEmail: string | undefined;
  customDomain: string | undefined;
  manageApiGatewayAccount: boolean;
  /** `offlineRetentionMaxDays` of the stack file (OFFLINE_RETENTION_MAX_DAYS of the user router), if set. */
  offlineRetentionMaxDays: number | undefined;
  /**
   * `closeExpiredTokensAfterSeconds` of the stack file, if set: CLOSE_EXPIRED_TOKENS_AFTER_SECONDS of `$connect`
   * (schedules the token check), the delivery worker (closes) and the client-frame routes (extendTTL checks).
   */
  closeExpiredTokensAfterSeconds: number | undefined;
  /** The stack's `kafka` key as the program must deploy it; undefined: Kafka off, nothing of it deployed. */
  kafka: KafkaExpectations | undefined;
  /** Config keys set on top of the stack file (a variant of a stack, e.g. another Kafka source). */
  configOverrides?: Record<string, string>;
}

export interface KafkaExpectations {
  source: { kind: 'msk'; clusterArn: string } | { kind: 'self-managed'; bootstrapServers: string };
  topics: Record<string, string>;
  consumerGroupIds: Record<string, string>;
  /** Source access configurations of each mapping (auth secret, VPC, CA). */
  access: { type: string; uri: string }[];
  /** Services of the statements the mappings need on the router's role (besides sqs on its failure queue). */
  services: string[];
  startingPosition: string;
  batchSize: number;
  maximumRetryAttempts: number;
}

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string[] | string;
  Resource: string[] | string;
}

const list = (v: string[] | string): string[] => (Array.isArray(v) ? v : [v]);
const str = (v: unknown): string => String(v);

export function describeStack(expected: StackExpectations): void {
  describe(`stack ${expected.stack} (Pulumi mocks)`, () => {
    let run: MockedRun;
    const ofType = (type: string): RecordedResource[] => run.resources.filter((r) => r.type === type);
    const named = (type: string, name: string): RecordedResource => {
      const found = run.resources.find((r) => r.type === type && r.name === name);
      if (!found) throw new Error(`no ${type} named ${name}`);
      return found;
    };
    const fnByHandler = (handler: string): RecordedResource => named('aws:lambda/function:Function', handler);

    beforeAll(async () => {
      // mocks.ts installs setMocks + setAllConfig, then imports the program dynamically.
      const { runProgramWithMocks } = await import('./mocks.js');
      const { loadStackConfig } = await import('./mocks.js');
      run = await runProgramWithMocks(expected.stack, {
        ...loadStackConfig(expected.stack),
        ...expected.configOverrides,
      });
    }, 180_000);

    // The functions this stack deploys: the Kafka router only when the stack enables Kafka.
    const deployed = functionTable.filter((f) => f.trigger.kind !== 'kafka' || expected.kafka !== undefined);
    const snsFns = deployed.filter((f) => f.trigger.kind === 'sns');
    const sqsFns = deployed.filter((f) => f.trigger.kind === 'sqs');
    const kafkaFns = deployed.filter((f) => f.trigger.kind === 'kafka');
    const kafkaChannelCount = Object.keys(expected.kafka?.topics ?? {}).length;
    const twoWay = routeKeys.filter((k) => routeTable[k].twoWay);
    const mockRoutes = routeKeys.filter((k) => routeTable[k].integration === 'mock');
    const twoWayMocks = mockRoutes.filter((k) => routeTable[k].twoWay);
    const functionRoutes = routeKeys.length - mockRoutes.length;

    it('declares exactly the expected set of resources', () => {
      const count = (type: string) => ofType(type).length;
      const alarmTopic = expected.alarmEmail ? 1 : 0;
      const expectedCounts: Record<string, number> = {
        'aws:dynamodb/table:Table': 1,
        'aws:apigatewayv2/api:Api': 1,
        'aws:apigatewayv2/authorizer:Authorizer': 1,
        'aws:apigatewayv2/integration:Integration': routeKeys.length,
        // Only a two-way mock renders a reply; a one-way mock (keepAlive) has nothing to send back.
        'aws:apigatewayv2/integrationResponse:IntegrationResponse': twoWayMocks.length,
        'aws:apigatewayv2/route:Route': routeKeys.length,
        'aws:apigatewayv2/routeResponse:RouteResponse': twoWay.length,
        'aws:apigatewayv2/deployment:Deployment': 1,
        'aws:apigatewayv2/stage:Stage': 1,
        'aws:lambda/function:Function': deployed.length,
        'aws:iam/role:Role': deployed.length + (expected.manageApiGatewayAccount ? 1 : 0),
        'aws:iam/rolePolicy:RolePolicy': deployed.length + (expected.manageApiGatewayAccount ? 1 : 0),
        'aws:cloudwatch/logGroup:LogGroup': deployed.length + 1,
        // One per function route (mock routes invoke nothing), the authorizer's, one per SNS router.
        'aws:lambda/permission:Permission': functionRoutes + 1 + snsFns.length,
        'aws:sns/topic:Topic': snsFns.length + alarmTopic,
        'aws:sns/topicSubscription:TopicSubscription': snsFns.length + alarmTopic,
        'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig': snsFns.length,
        'aws:sqs/queue:Queue': 2 * sqsFns.length + snsFns.length + kafkaFns.length,
        'aws:lambda/eventSourceMapping:EventSourceMapping': sqsFns.length + kafkaChannelCount,
        // DLQ/failure-queue depth + router/worker errors + authorizer errors + throttles of every function
        // + rejected Kafka records.
        'aws:cloudwatch/metricAlarm:MetricAlarm':
          sqsFns.length +
          snsFns.length +
          kafkaFns.length +
          (snsFns.length + sqsFns.length + kafkaFns.length) +
          1 +
          deployed.length +
          kafkaFns.length,
        'aws:cloudwatch/dashboard:Dashboard': 1,
      };
      if (expected.manageApiGatewayAccount) expectedCounts['aws:apigateway/account:Account'] = 1;
      if (expected.customDomain) {
        expectedCounts['aws:apigatewayv2/domainName:DomainName'] = 1;
        expectedCounts['aws:apigatewayv2/apiMapping:ApiMapping'] = 1;
      }
      const actual: Record<string, number> = {};
      for (const type of new Set(run.resources.map((r) => r.type))) actual[type] = count(type);
      expect(actual).toEqual(expectedCounts);
      const names = run.resources.map((r) => `${r.type}::${r.name}`);
      expect(new Set(names).size).toBe(names.length);
    });

    it('creates a WebSocket API whose routes are exactly the generated routeKeys', () => {
      const [api] = ofType('aws:apigatewayv2/api:Api');
      expect(api?.inputs.protocolType).toBe('WEBSOCKET');
      expect(api?.inputs.routeSelectionExpression).toBe('$request.body.action');
      const routes = ofType('aws:apigatewayv2/route:Route');
      expect(routes.map((r) => r.inputs.routeKey).sort()).toEqual([...routeKeys].sort());
      const integrations = ofType('aws:apigatewayv2/integration:Integration');
      const [authorizer] = ofType('aws:apigatewayv2/authorizer:Authorizer');
      for (const route of routes) {
        const definition = routeTable[route.inputs.routeKey as keyof typeof routeTable];
        const integration = integrations.find((i) => `integrations/${i.id}` === route.inputs.target);
        expect(integration, `integration of ${definition.routeKey}`).toBeDefined();
        if (definition.integration === 'mock') {
          expect(integration?.inputs.integrationType).toBe('MOCK');
          expect(integration?.inputs.integrationUri).toBeUndefined();
          expect(route.inputs.authorizationType).toBe('NONE');
        } else {
          expect(integration?.inputs.integrationType).toBe('AWS_PROXY');
          expect(integration?.inputs.integrationUri).toBe(fnByHandler(definition.handler).state.invokeArn);
          if (definition.authorizer) {
            expect(route.inputs.authorizationType).toBe('CUSTOM');
            expect(route.inputs.authorizerId).toBe(authorizer?.id);
          } else {
            expect(route.inputs.authorizationType).toBe('NONE');
            expect(route.inputs.authorizerId).toBeUndefined();
          }
        }
        const responses = ofType('aws:apigatewayv2/routeResponse:RouteResponse').filter(
          (r) => r.inputs.routeId === route.id,
        );
        if (definition.twoWay) {
          expect(route.inputs.routeResponseSelectionExpression).toBe('$default');
          expect(responses.map((r) => r.inputs.routeResponseKey)).toEqual(['$default']);
        } else {
          expect(route.inputs.routeResponseSelectionExpression).toBeUndefined();
          expect(responses).toEqual([]);
        }
      }
    });

    /** A mock route's route, its MOCK integration (status 200 request template) and its integration responses. */
    const mockParts = (routeKey: string) => {
      const route = ofType('aws:apigatewayv2/route:Route').find((r) => r.inputs.routeKey === routeKey);
      const integration = ofType('aws:apigatewayv2/integration:Integration').find(
        (i) => `integrations/${i.id}` === route?.inputs.target,
      );
      expect(integration?.inputs.integrationType).toBe('MOCK');
      expect(integration?.inputs.templateSelectionExpression).toBe('\\$default');
      expect(integration?.inputs.requestTemplates).toEqual({ $default: '{"statusCode": 200}' });
      // No function is invoked: none is named after the route, and no permission names the route.
      expect(
        run.resources.filter((r) => r.type === 'aws:lambda/function:Function' && r.name === routeKey),
      ).toEqual([]);
      expect(
        ofType('aws:lambda/permission:Permission').filter((p) =>
          String(p.inputs.sourceArn ?? '').endsWith(`/${routeKey}`),
        ),
      ).toEqual([]);
      return {
        route,
        integrationResponses: ofType('aws:apigatewayv2/integrationResponse:IntegrationResponse').filter(
          (r) => r.inputs.integrationId === integration?.id,
        ),
        routeResponses: ofType('aws:apigatewayv2/routeResponse:RouteResponse').filter(
          (r) => r.inputs.routeId === route?.id,
        ),
      };
    };

    it('answers two-way mock routes (ping) in API Gateway: status 200 request template, the reply template, a route response', () => {
      expect(twoWayMocks).toEqual(['ping']);
      for (const routeKey of twoWayMocks) {
        const { route, integrationResponses, routeResponses } = mockParts(routeKey);
        expect(integrationResponses).toHaveLength(1);
        expect(integrationResponses[0]?.inputs.integrationResponseKey).toBe('$default');
        expect(integrationResponses[0]?.inputs.responseTemplates).toEqual({
          $default: mockReplyTemplate(routeKey),
        });
        expect(route?.inputs.routeResponseSelectionExpression).toBe('$default');
        expect(routeResponses.map((r) => r.inputs.routeResponseKey)).toEqual(['$default']);
      }
    });

    it('takes one-way mock routes (keepAlive) in API Gateway: a MOCK integration, no route response, nothing sent back', () => {
      const oneWay = mockRoutes.filter((k) => !routeTable[k].twoWay);
      expect(oneWay).toEqual(['keepAlive']);
      for (const routeKey of oneWay) {
        const { route, integrationResponses, routeResponses } = mockParts(routeKey);
        expect(route?.inputs.authorizationType).toBe('NONE');
        expect(route?.inputs.routeResponseSelectionExpression).toBeUndefined();
        expect(routeResponses).toEqual([]);
        expect(integrationResponses).toEqual([]);
      }
    });

    it('guards $connect with the REQUEST authorizer and the stack’s identity source', () => {
      const [authorizer] = ofType('aws:apigatewayv2/authorizer:Authorizer');
      expect(authorizer?.inputs.authorizerType).toBe('REQUEST');
      expect(authorizer?.inputs.authorizerUri).toBe(fnByHandler('authorizer').state.invokeArn);
      expect(authorizer?.inputs.identitySources).toEqual(expected.identitySources);
      // Several identity sources are ANDed by API Gateway: never more than one.
      expect((authorizer?.inputs.identitySources as string[] | undefined)?.length ?? 0).toBeLessThanOrEqual(
        1,
      );
      const permission = ofType('aws:lambda/permission:Permission').find(
        (p) => p.inputs.function === fnByHandler('authorizer').state.name,
      );
      expect(permission?.inputs.sourceArn).toMatch(/\/authorizers\/authorizer-authorizer-id$/);
    });

    it('deploys after every route, redeploys when the route set changes, and throttles and logs the stage', () => {
      const [deployment] = ofType('aws:apigatewayv2/deployment:Deployment');
      for (const route of ofType('aws:apigatewayv2/route:Route'))
        expect(deployment?.dependsOn).toContain(route.name);
      for (const response of ofType('aws:apigatewayv2/routeResponse:RouteResponse')) {
        expect(deployment?.dependsOn).toContain(response.name);
      }
      expect((deployment?.inputs.triggers as Record<string, string> | undefined)?.routeSet).toMatch(
        /^[0-9a-f]{64}$/,
      );
      const [stage] = ofType('aws:apigatewayv2/stage:Stage');
      expect(stage?.inputs.name).toBe(expected.stageName);
      expect(stage?.inputs.deploymentId).toBe(deployment?.id);
      expect(stage?.inputs.autoDeploy).toBe(false);
      const settings = stage?.inputs.defaultRouteSettings as Record<string, unknown>;
      expect(settings.throttlingRateLimit).toBe(expected.throttling.rateLimit);
      expect(settings.throttlingBurstLimit).toBe(expected.throttling.burstLimit);
      const access = stage?.inputs.accessLogSettings as { destinationArn: string; format: string };
      expect(access.destinationArn).toBe(named('aws:cloudwatch/logGroup:LogGroup', 'access-logs').state.arn);
      expect(JSON.parse(access.format)).toMatchObject({ connectionId: '$context.connectionId' });
    });

    it('keeps one on-demand, encrypted table with TTL on expiresAt and no secondary index', () => {
      const [table] = ofType('aws:dynamodb/table:Table');
      const inputs = table?.inputs ?? {};
      expect(inputs.billingMode).toBe('PAY_PER_REQUEST');
      expect(inputs.hashKey).toBe('pk');
      expect(inputs.rangeKey).toBe('sk');
      expect(inputs.ttl).toEqual({ attributeName: 'expiresAt', enabled: true });
      expect(inputs.globalSecondaryIndexes ?? []).toEqual([]);
      expect(inputs.localSecondaryIndexes ?? []).toEqual([]);
      expect(inputs.serverSideEncryption).toEqual({ enabled: true });
      expect(inputs.pointInTimeRecovery).toEqual({ enabled: expected.pointInTimeRecovery });
      expect(inputs.deletionProtectionEnabled).toBe(expected.tableDeletionProtection);
    });

    it('runs every handler on nodejs22.x arm64 from its bundle, traced, with its own role and log group', () => {
      const roles = new Set<unknown>();
      for (const definition of deployed) {
        const fn = fnByHandler(definition.handler);
        expect(fn.inputs.runtime).toBe('nodejs22.x');
        expect(fn.inputs.architectures).toEqual(['arm64']);
        expect(fn.inputs.handler).toBe('index.handler');
        expect(fn.inputs.tracingConfig).toEqual({ mode: 'Active' });
        const logGroup = named('aws:cloudwatch/logGroup:LogGroup', `${definition.handler}-logs`);
        expect(logGroup.inputs.retentionInDays).toBe(expected.logRetentionDays);
        const logging = fn.inputs.loggingConfig as Record<string, unknown>;
        expect(logging.logGroup).toBe(logGroup.inputs.name);
        expect(logging.logFormat).toBe('JSON');
        const env = (fn.inputs.environment as { variables: Record<string, string> }).variables;
        expect(logging.applicationLogLevel).toBe(env.POWERTOOLS_LOG_LEVEL);
        expect(fn.dependsOn).toContain(logGroup.name);
        const role = named('aws:iam/role:Role', `${definition.handler}-role`);
        expect(fn.inputs.role).toBe(role.state.arn);
        roles.add(fn.inputs.role);
        const kind = {
          authorizer: 'authorizer',
          websocket: 'websocket',
          sns: 'router',
          sqs: 'worker',
          kafka: 'router',
        } as const;
        const settings = expected.functions[kind[definition.trigger.kind]];
        expect(fn.inputs.memorySize).toBe(settings.memoryMb);
        expect(fn.inputs.timeout).toBe(settings.timeoutSeconds);
        const reserved = definition.trigger.kind === 'sns' ? expected.routerReservedConcurrency : undefined;
        expect(fn.inputs.reservedConcurrentExecutions).toBe(reserved);
      }
      expect(roles.size).toBe(deployed.length);
      for (const log of ofType('aws:cloudwatch/logGroup:LogGroup')) {
        expect(log.inputs.retentionInDays).toBe(expected.logRetentionDays);
      }
    });

    it('packages the esbuild bundle of each handler', async () => {
      const { plainValue } = await import('./mocks.js');
      for (const definition of deployed) {
        const code = await plainValue(fnByHandler(definition.handler).inputs.code);
        expect(code).toEqual({
          assetArchive: { 'index.mjs': { fileAsset: `dist/functions/${definition.handler}/index.mjs` } },
        });
      }
    });

    it('gives each function the environment of docs/design.md §3 from the stack config', () => {
      const env = (handler: string) =>
        (fnByHandler(handler).inputs.environment as { variables: Record<string, string> }).variables ?? {};
      const table = ofType('aws:dynamodb/table:Table')[0]?.state.name;
      const management = `https://websocket-api-apiid.execute-api.${expected.region}.amazonaws.com/${expected.stageName}`;
      for (const definition of deployed) {
        const vars = env(definition.handler);
        const needs = functionNeeds[definition.handler];
        expect(vars.POWERTOOLS_METRICS_NAMESPACE).toBe('wspush');
        expect(vars.TABLE_NAME).toBe(needs.table.length > 0 ? table : undefined);
        expect(vars.WS_MANAGEMENT_ENDPOINT).toBe(needs.postsToConnections ? management : undefined);
      }
      // The "required" rows of docs/design.md §3, written out independently of function-needs.ts.
      const kafkaRouter = expected.kafka ? ['kafka-router'] : [];
      const routersAndWorkers = [
        'broadcast-router',
        'user-router',
        'delivery-worker',
        'fanout-worker',
        ...kafkaRouter,
      ];
      const required: Record<string, string[]> = {
        TABLE_NAME: deployed.map((f) => f.handler).filter((h) => h !== 'authorizer'),
        // subscribe / unsubscribe post their reply (and the history after it) themselves (`x-reply: posted`);
        // every client-frame route posts the frame budget's closing notice and closes the connection.
        WS_MANAGEMENT_ENDPOINT: [...routersAndWorkers, 'subscribe', 'unsubscribe', 'extend-ttl', 'default'],
        DELIVERY_QUEUE_URL: ['connect', 'user-router', 'delivery-worker', ...kafkaRouter],
        FANOUT_QUEUE_URL: ['broadcast-router', 'fanout-worker', ...kafkaRouter],
        JWT_ISSUERS: ['authorizer'],
        JWT_AUDIENCE: ['authorizer'],
        KAFKA_TOPICS: kafkaRouter,
        FAILURE_QUEUE_URL: kafkaRouter,
      };
      for (const [variable, handlers] of Object.entries(required)) {
        const having = deployed.map((f) => f.handler).filter((h) => env(h)[variable] !== undefined);
        expect(having.sort(), variable).toEqual([...handlers].sort());
      }
      expect(env('connect').DELIVERY_QUEUE_URL).toMatch(/-delivery$/);
      expect(env('broadcast-router').FANOUT_QUEUE_URL).toMatch(/-fanout$/);
      expect(env('extend-ttl').CONNECTION_TTL_SECONDS).toMatch(/^\d+$/);
      expect(env('broadcast-router').FANOUT_SHARD_THRESHOLD).toMatch(/^\d+$/);
      expect(env('user-router').INBOX_MAX_ITEMS).toMatch(/^\d+$/);
      // The delivery worker retries jobs of a connection not open yet on its own queue, and announces
      // API Gateway's fixed limits in the welcome frame.
      expect(env('delivery-worker').DELIVERY_QUEUE_URL).toMatch(/-delivery$/);
      expect(env('delivery-worker')).toMatchObject({
        IDLE_TIMEOUT_SECONDS: '600',
        MAX_CONNECTION_SECONDS: '7200',
      });
      // The retention cap is the user router's, only when the stack sets it; the old variable is gone.
      for (const definition of deployed) {
        const vars = env(definition.handler);
        expect(vars.DEFAULT_OFFLINE_RETENTION_DAYS, definition.handler).toBeUndefined();
        expect(vars.OFFLINE_RETENTION_MAX_DAYS, definition.handler).toBe(
          ['user-router', 'kafka-router'].includes(definition.handler) &&
            expected.offlineRetentionMaxDays !== undefined
            ? String(expected.offlineRetentionMaxDays)
            : undefined,
        );
        if (definition.handler !== 'delivery-worker') {
          expect(vars.IDLE_TIMEOUT_SECONDS, definition.handler).toBeUndefined();
        }
        expect(vars.CLOSE_EXPIRED_TOKENS_AFTER_SECONDS, definition.handler).toBe(
          ['connect', 'delivery-worker', 'extend-ttl', 'default'].includes(definition.handler) &&
            expected.closeExpiredTokensAfterSeconds !== undefined
            ? String(expected.closeExpiredTokensAfterSeconds)
            : undefined,
        );
      }
      expect(env('authorizer').JWT_ISSUERS).toMatch(/^https:\/\/.+\{realm\}/);
    });

    it('grants every function least privilege (no * action, resources scoped to this stack)', () => {
      const [table] = ofType('aws:dynamodb/table:Table');
      const [api] = ofType('aws:apigatewayv2/api:Api');
      const queueArns = ofType('aws:sqs/queue:Queue').map((q) => str(q.state.arn));
      const manage = `${str(api?.state.executionArn)}/${expected.stageName}/POST/@connections/*`;
      const closeArn = `${str(api?.state.executionArn)}/${expected.stageName}/DELETE/@connections/*`;
      const wildcardActions = new Set<string>([
        'xray:PutTraceSegments',
        'xray:PutTelemetryRecords',
        ...KAFKA_NETWORK_ACTIONS,
      ]);
      for (const policy of ofType('aws:iam/rolePolicy:RolePolicy')) {
        const document = JSON.parse(str(policy.inputs.policy)) as { Statement: Statement[] };
        const handler = policy.name.replace(/-policy$/, '');
        const isFunction = functionTable.some((f) => f.handler === handler);
        // Each grant is stated once: a repeated (action, resource) pair hides which statement a change must edit.
        const pairs = document.Statement.flatMap((st) =>
          list(st.Action).flatMap((a) => list(st.Resource).map((r) => `${a} ${r}`)),
        );
        expect(new Set(pairs).size, `${policy.name} repeats a grant`).toBe(pairs.length);
        for (const statement of document.Statement) {
          const actions = list(statement.Action);
          const resources = list(statement.Resource);
          expect(statement.Effect).toBe('Allow');
          for (const action of actions) expect(action, `${policy.name} action`).not.toContain('*');
          for (const resource of resources) {
            if (resource === '*') {
              // AWS offers no resource-level permission for these X-Ray (and Kafka network) actions.
              for (const action of actions)
                expect(wildcardActions.has(action), `${policy.name} ${action} on *`).toBe(true);
              continue;
            }
            expect(resource, policy.name).toMatch(/^arn:aws:/);
          }
          const services = new Set(actions.map((a) => a.split(':')[0]));
          expect(services.size, `${policy.name} ${statement.Sid} mixes services`).toBe(1);
          const [service] = [...services];
          if (service === 'dynamodb') expect(resources).toEqual([table?.state.arn]);
          if (service === 'execute-api') {
            expect(actions).toEqual(['execute-api:ManageConnections']);
            const closes = functionNeeds[handler as keyof typeof functionNeeds]?.closesConnections === true;
            expect(resources, policy.name).toEqual(closes ? [manage, closeArn] : [manage]);
          }
          if (service === 'sqs') for (const r of resources) expect(queueArns).toContain(r);
          if (service === 'sns') throw new Error(`${policy.name}: no function publishes to SNS`);
          if (service === 'logs' && isFunction) {
            const logGroup = named('aws:cloudwatch/logGroup:LogGroup', `${handler}-logs`);
            expect(resources).toEqual([`${str(logGroup.state.arn)}:log-stream:*`]);
          }
          if (service === 'logs' && !isFunction) {
            // API Gateway's account logging role: log groups of this account and region only.
            expect(resources).toEqual([`arn:aws:logs:${expected.region}:123456789012:log-group:*`]);
          }
        }
        if (!isFunction) continue;
        const needs = functionNeeds[handler as keyof typeof functionNeeds];
        const granted = (service: string) =>
          document.Statement.flatMap((s) => list(s.Action)).filter((a) => a.startsWith(`${service}:`));
        expect(granted('dynamodb').sort()).toEqual([...needs.table].sort());
        // ChangeMessageVisibility only for the functions that declare it, only on the declared queues.
        const visibility = document.Statement.filter((s) =>
          list(s.Action).includes('sqs:ChangeMessageVisibility'),
        );
        const visibilityQueues = needs.changesVisibilityOn.map((channel) =>
          str(named('aws:sqs/queue:Queue', channel).state.arn),
        );
        expect(visibility.flatMap((s) => list(s.Resource)).sort(), handler).toEqual(visibilityQueues.sort());
        for (const statement of visibility)
          expect(list(statement.Action)).toEqual(['sqs:ChangeMessageVisibility']);
        expect(granted('execute-api')).toEqual(
          needs.postsToConnections ? ['execute-api:ManageConnections'] : [],
        );
      }
      // The delivery worker may delay messages of the delivery queue, and of no other queue (not its DLQ).
      const workerPolicy = JSON.parse(
        str(
          ofType('aws:iam/rolePolicy:RolePolicy').find((p) => p.name === 'delivery-worker-policy')?.inputs
            .policy,
        ),
      ) as { Statement: Statement[] };
      const retrySoon = workerPolicy.Statement.filter((s) =>
        list(s.Action).includes('sqs:ChangeMessageVisibility'),
      );
      expect(retrySoon.flatMap((s) => list(s.Resource))).toEqual([
        str(named('aws:sqs/queue:Queue', 'delivery-queue').state.arn),
      ]);
      expect(
        ofType('aws:iam/rolePolicy:RolePolicy').find((p) => p.name === 'authorizer-policy')?.inputs.policy,
      ).not.toMatch(/dynamodb|sqs|execute-api/);
    });

    it('sends failed queue messages to a DLQ after ≥ 5 receives, with visibility ≥ 6 × consumer timeout', () => {
      const queues = ofType('aws:sqs/queue:Queue');
      for (const definition of sqsFns) {
        if (definition.trigger.kind !== 'sqs') continue;
        const queue = named('aws:sqs/queue:Queue', definition.trigger.channel);
        const dlq = named('aws:sqs/queue:Queue', `${definition.trigger.channel}-dlq`);
        const redrive = JSON.parse(str(queue.inputs.redrivePolicy)) as Record<string, unknown>;
        expect(redrive.deadLetterTargetArn).toBe(dlq.state.arn);
        expect(redrive.maxReceiveCount).toBe(queuePolicy.maxReceiveCount);
        expect(dlq.inputs.redrivePolicy).toBeUndefined();
        expect(dlq.inputs.messageRetentionSeconds).toBe(queuePolicy.deadLetterRetentionSeconds);
        const consumer = fnByHandler(definition.handler);
        expect(queue.inputs.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(
          6 * Number(consumer.inputs.timeout),
        );
        const mapping = named(
          'aws:lambda/eventSourceMapping:EventSourceMapping',
          `${definition.handler}-source`,
        );
        expect(mapping.inputs.eventSourceArn).toBe(queue.state.arn);
        expect(mapping.inputs.functionName).toBe(consumer.state.arn);
        expect(mapping.inputs.functionResponseTypes).toEqual(['ReportBatchItemFailures']);
        const scaling = mapping.inputs.scalingConfig as { maximumConcurrency: number };
        const plan = fanoutPlan(expected.postingBudgetPerSecond);
        const fanout = definition.trigger.kind === 'sqs' && definition.trigger.channel === 'fanout-queue';
        expect(scaling.maximumConcurrency).toBe(fanout ? plan.workers : expected.workerMaxConcurrency);
        if (fanout) expect(mapping.inputs.batchSize).toBe(plan.batchSize);
        expect(scaling.maximumConcurrency).toBeGreaterThanOrEqual(2);
      }
      for (const queue of queues) expect(queue.inputs.sqsManagedSseEnabled).toBe(true);
    });

    it('subscribes each router to its encrypted topic and keeps failed events in an SQS queue', () => {
      for (const definition of snsFns) {
        if (definition.trigger.kind !== 'sns') continue;
        const topic = named('aws:sns/topic:Topic', definition.trigger.channel);
        expect(topic.inputs.kmsMasterKeyId).toBe('alias/aws/sns');
        expect(topic.inputs.name).toBe(`wspush-${expected.stack}${definition.trigger.suffix}`);
        const fn = fnByHandler(definition.handler);
        const subscription = named(
          'aws:sns/topicSubscription:TopicSubscription',
          `${definition.handler}-subscription`,
        );
        expect(subscription.inputs).toMatchObject({
          topic: topic.state.arn,
          protocol: 'lambda',
          endpoint: fn.state.arn,
        });
        const permission = named('aws:lambda/permission:Permission', `${definition.handler}-invoke-by-sns`);
        expect(permission.inputs).toMatchObject({
          principal: 'sns.amazonaws.com',
          sourceArn: topic.state.arn,
        });
        const invokeConfig = named(
          'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig',
          `${definition.handler}-on-failure`,
        );
        const failures = named('aws:sqs/queue:Queue', `${definition.handler}-failures`);
        expect(invokeConfig.inputs.functionName).toBe(fn.state.name);
        expect(invokeConfig.inputs.destinationConfig).toEqual({
          onFailure: { destination: failures.state.arn },
        });
      }
    });

    it('alarms on DLQ depth, router/worker errors, throttles and authorizer errors; dashboards the EMF metrics', () => {
      const alarms = ofType('aws:cloudwatch/metricAlarm:MetricAlarm');
      const dlqNames = ofType('aws:sqs/queue:Queue')
        .map((q) => str(q.inputs.name))
        .filter((n) => n.endsWith('-dlq') || n.endsWith('-failures'));
      expect(dlqNames.length).toBe(sqsFns.length + snsFns.length + kafkaFns.length);
      for (const name of dlqNames) {
        const alarm = alarms.find(
          (a) => (a.inputs.dimensions as Record<string, string> | undefined)?.QueueName === name,
        );
        expect(alarm?.inputs).toMatchObject({
          metricName: 'ApproximateNumberOfMessagesVisible',
          threshold: 0,
          comparisonOperator: 'GreaterThanThreshold',
        });
      }
      const fnAlarms = (metric: string, fnName: unknown) =>
        alarms.filter(
          (a) =>
            a.inputs.metricName === metric &&
            (a.inputs.dimensions as Record<string, string> | undefined)?.FunctionName === fnName,
        );
      for (const definition of deployed) {
        const fnName = fnByHandler(definition.handler).state.name;
        expect(fnAlarms('Throttles', fnName), `${definition.handler} throttles`).toHaveLength(1);
        const isAsync = ['sns', 'sqs', 'kafka'].includes(definition.trigger.kind);
        expect(fnAlarms('Errors', fnName), `${definition.handler} errors`).toHaveLength(isAsync ? 1 : 0);
      }
      const authorizerAlarm = named('aws:cloudwatch/metricAlarm:MetricAlarm', 'authorizer-errors-alarm');
      expect(JSON.stringify(authorizerAlarm.inputs.metricQueries)).toContain('"metricName":"Errors"');
      for (const alarm of alarms) expect((alarm.inputs.alarmActions as string[]).length).toBe(1);
      if (expected.alarmEmail) {
        expect(named('aws:sns/topicSubscription:TopicSubscription', 'alarm-email').inputs).toMatchObject({
          protocol: 'email',
          endpoint: expected.alarmEmail,
        });
      }
      const [dashboard] = ofType('aws:cloudwatch/dashboard:Dashboard');
      const body = JSON.parse(str(dashboard?.inputs.dashboardBody)) as {
        widgets: Array<{ properties: { metrics: string[][] } }>;
      };
      const metrics = body.widgets.flatMap((w) => w.properties.metrics);
      for (const name of ['Connections', 'Deliveries', 'Gone', 'OfflineStored', 'OfflineDelivered']) {
        expect(metrics).toContainEqual(['wspush', name, 'service', `wspush-${expected.stack}`]);
      }
    });

    it('deploys Kafka ingestion only when the stack enables it: mappings, failure queue, IAM, alarm', () => {
      const mappings = ofType('aws:lambda/eventSourceMapping:EventSourceMapping').filter(
        (m) => m.inputs.topics !== undefined,
      );
      const failureQueues = ofType('aws:sqs/queue:Queue').filter((q) =>
        str(q.inputs.name).endsWith('-kafka-router-failures'),
      );
      const rejectedAlarms = ofType('aws:cloudwatch/metricAlarm:MetricAlarm').filter(
        (a) => a.inputs.metricName === 'KafkaRecordsRejected',
      );
      const kafka = expected.kafka;
      if (kafka === undefined) {
        expect(run.resources.filter((r) => r.name.startsWith('kafka-router'))).toEqual([]);
        expect(mappings).toEqual([]);
        expect(failureQueues).toEqual([]);
        expect(rejectedAlarms).toEqual([]);
        expect(run.outputs.kafkaTopics).toBeUndefined();
        return;
      }
      const fn = fnByHandler('kafka-router');
      const [failures] = failureQueues;
      expect(failures?.inputs.name).toBe(`wspush-${expected.stack}-kafka-router-failures`);
      expect(mappings.map((m) => (m.inputs.topics as string[])[0]).sort()).toEqual(
        Object.values(kafka.topics).sort(),
      );
      for (const [channel, topic] of Object.entries(kafka.topics)) {
        const mapping = named(
          'aws:lambda/eventSourceMapping:EventSourceMapping',
          `kafka-router-${channel}-source`,
        );
        const inputs = mapping.inputs;
        expect(inputs.functionName).toBe(fn.state.arn);
        expect(inputs.topics).toEqual([topic]);
        expect(inputs.startingPosition).toBe(kafka.startingPosition);
        expect(inputs.batchSize).toBe(kafka.batchSize);
        expect(inputs.maximumRetryAttempts).toBe(kafka.maximumRetryAttempts);
        expect(inputs.functionResponseTypes).toEqual(['ReportBatchItemFailures']);
        expect(inputs.bisectBatchOnFunctionError).toBe(true);
        expect(inputs.provisionedPollerConfig).toMatchObject({ minimumPollers: expect.any(Number) });
        expect(inputs.destinationConfig).toEqual({ onFailure: { destinationArn: failures?.state.arn } });
        expect(inputs.sourceAccessConfigurations ?? []).toEqual(kafka.access);
        const group = kafka.consumerGroupIds[channel];
        if (kafka.source.kind === 'msk') {
          expect(inputs.eventSourceArn).toBe(kafka.source.clusterArn);
          expect(inputs.amazonManagedKafkaEventSourceConfig).toEqual({ consumerGroupId: group });
          expect(inputs.selfManagedEventSource).toBeUndefined();
        } else {
          expect(inputs.eventSourceArn).toBeUndefined();
          expect(inputs.selfManagedEventSource).toEqual({
            endpoints: { KAFKA_BOOTSTRAP_SERVERS: kafka.source.bootstrapServers },
          });
          expect(inputs.selfManagedKafkaEventSourceConfig).toEqual({ consumerGroupId: group });
        }
        // The mapping validates the role when it is created: the policy must exist first.
        expect(mapping.dependsOn).toContain('kafka-router-policy');
      }
      const env = (fn.inputs.environment as { variables: Record<string, string> }).variables;
      expect(env.KAFKA_TOPICS).toBe(
        Object.entries(kafka.topics)
          .map(([c, t]) => `${c}=${t}`)
          .join(','),
      );
      expect(env.FAILURE_QUEUE_URL).toBe(failures?.state.url);
      const policy = JSON.parse(
        str(named('aws:iam/rolePolicy:RolePolicy', 'kafka-router-policy').inputs.policy),
      ) as {
        Statement: Statement[];
      };
      const keep = policy.Statement.find((st) => st.Sid === 'KeepFailures');
      expect(keep && list(keep.Action)).toEqual(['sqs:SendMessage']);
      expect(keep && list(keep.Resource)).toEqual([failures?.state.arn]);
      const services = new Set(policy.Statement.flatMap((st) => list(st.Action).map((a) => a.split(':')[0])));
      for (const service of kafka.services) expect(services, service).toContain(service);
      // No other function can read the cluster or its secret.
      for (const other of ofType('aws:iam/rolePolicy:RolePolicy').filter(
        (p) => p.name !== 'kafka-router-policy',
      )) {
        expect(str(other.inputs.policy)).not.toMatch(/kafka|secretsmanager/);
      }
      expect(rejectedAlarms).toHaveLength(1);
      expect(rejectedAlarms[0]?.inputs).toMatchObject({
        namespace: 'wspush',
        dimensions: { service: `wspush-${expected.stack}` },
        threshold: 0,
        comparisonOperator: 'GreaterThanThreshold',
      });
      expect(run.outputs.kafkaTopics).toEqual(kafka.topics);
    });

    it('exports the URLs, topic ARNs, queue URLs and a publisher policy limited to sns:Publish on the topics', () => {
      const outputs = run.outputs;
      if (expected.customDomain) {
        expect(outputs.websocketUrl).toBe(`wss://${expected.customDomain}`);
      } else {
        expect(outputs.websocketUrl).toBe(
          `wss://websocket-api-apiid.execute-api.${expected.region}.amazonaws.com/${expected.stageName}`,
        );
      }
      expect(outputs.managementEndpoint).toBe(
        `https://websocket-api-apiid.execute-api.${expected.region}.amazonaws.com/${expected.stageName}`,
      );
      const topicArns = outputs.topicArns as Record<string, string>;
      expect(Object.keys(topicArns).sort()).toEqual(['broadcast-topic', 'user-topic']);
      const queueUrls = outputs.queueUrls as Record<string, string>;
      expect(Object.keys(queueUrls)).toEqual(
        expect.arrayContaining(['delivery-queue', 'delivery-queue-dlq', 'fanout-queue', 'fanout-queue-dlq']),
      );
      const policy = JSON.parse(str(outputs.publisherPolicyJson)) as { Statement: Statement[] };
      expect(policy.Statement).toHaveLength(1);
      expect(list(policy.Statement[0]?.Action ?? [])).toEqual(['sns:Publish']);
      expect(list(policy.Statement[0]?.Resource ?? []).sort()).toEqual(Object.values(topicArns).sort());
    });
  });
}

/** The contract's resources on the edge (a topic per sns function, a queue + DLQ per sqs function) and their wiring. */
import { functionTable } from '../../../generated/index.js';
import { queuePolicy } from '../../core/queue-policy.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import { type SqsEventSource, startSqsEventSource } from '../lambda/sqs-event-source.js';
import type { SnsService } from './sns-service.js';
import type { SqsService } from './sqs-service.js';

export const ACCOUNT_ID = '000000000000';
export const REGION = 'us-east-1';

export interface SnsFunctionSubscription {
  /** topic name (without ARN), e.g. `wspush-local-user` */
  topicName: string;
  functionName: string;
}

export interface SqsFunctionMapping {
  /** queue name, e.g. `wspush-local-delivery` */
  queueName: string;
  functionName: string;
  batchSize?: number;
  maxConcurrency?: number;
  waitTimeSeconds?: number;
}

export interface EdgeSubscriptions {
  sns?: SnsFunctionSubscription[];
  sqs?: SqsFunctionMapping[];
}

export interface EdgeResources {
  topics: Record<string, string>;
  queues: Record<string, string>;
}

export interface ResourceServices {
  sns: SnsService;
  sqs: SqsService;
  prefix: string;
  queueUrl: (name: string) => string;
  visibilityTimeoutSeconds: number;
}

/** `<prefix><suffix>` topics and queues (+ `-dlq`) for every sns/sqs function of the contract. */
export function createContractResources(s: ResourceServices): EdgeResources {
  const resources: EdgeResources = { topics: {}, queues: {} };
  for (const fn of functionTable) {
    const trigger = fn.trigger;
    if (trigger.kind === 'sns') {
      const name = `${s.prefix}${trigger.suffix}`;
      resources.topics[name] = s.sns.createTopic(name);
    } else if (trigger.kind === 'sqs') {
      const name = `${s.prefix}${trigger.suffix}`;
      const dlq = `${name}-dlq`;
      s.sqs.createQueue(dlq, { MessageRetentionPeriod: String(queuePolicy.deadLetterRetentionSeconds) });
      if (!s.sqs.has(name)) {
        s.sqs.createQueue(name, {
          VisibilityTimeout: String(s.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: s.sqs.queueArn(dlq),
            maxReceiveCount: queuePolicy.maxReceiveCount,
          }),
        });
      }
      resources.queues[name] = s.queueUrl(name);
      resources.queues[dlq] = s.queueUrl(dlq);
    }
  }
  return resources;
}

/** Every sns/sqs function of the contract subscribed to / polling its `<prefix><suffix>` resource. */
export function contractSubscriptions(prefix: string): EdgeSubscriptions {
  const named = (kind: 'sns' | 'sqs') =>
    functionTable.flatMap((fn) =>
      fn.trigger.kind === kind ? [{ name: `${prefix}${fn.trigger.suffix}`, fn }] : [],
    );
  return {
    sns: named('sns').map(({ name, fn }) => ({ topicName: name, functionName: fn.handler })),
    sqs: named('sqs').map(({ name, fn }) => ({ queueName: name, functionName: fn.handler })),
  };
}

/** Subscribes functions to topics and starts the queues' event sources; returns the sources to stop. */
export function wireFunctions(
  s: ResourceServices,
  runtime: LambdaRuntime,
  wiring: EdgeSubscriptions,
  resources: EdgeResources,
): SqsEventSource[] {
  for (const sub of wiring.sns ?? []) {
    const topicArn = s.sns.createTopic(sub.topicName);
    resources.topics[sub.topicName] = topicArn;
    s.sns.subscribe(
      topicArn,
      'lambda',
      `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${sub.functionName}`,
    );
  }
  return (wiring.sqs ?? []).map((m) => {
    if (!s.sqs.has(m.queueName)) throw new Error(`Event source mapping: queue ${m.queueName} does not exist`);
    return startSqsEventSource(s.sqs, runtime, m);
  });
}

/**
 * The SNS awsQuery protocol that `@aws-sdk/client-sns` speaks: form-encoded `Action=...&Version=2010-03-31`
 * requests, XML responses, and `<ErrorResponse>` errors whose `Code` the SDK maps to its exception classes.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { SnsMessageAttributeValue } from '../events/sns.js';
import { AwsError } from './aws-error.js';
import { sendXml, xmlEscape } from './http-util.js';
import type { SnsService } from './sns-service.js';

const NS = 'http://sns.amazonaws.com/doc/2010-03-31/';

export function sendSnsError(res: ServerResponse, error: AwsError): void {
  const xml =
    `<ErrorResponse xmlns="${NS}"><Error><Type>${error.senderFault ? 'Sender' : 'Receiver'}</Type>` +
    `<Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message></Error>` +
    `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  sendXml(res, error.statusCode, xml, { 'x-amzn-ErrorType': error.code });
}

function respond(action: string, result: string): string {
  return (
    `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
  );
}

const tag = (name: string, value: string): string => `<${name}>${xmlEscape(value)}</${name}>`;

/** Collects `Prefix.N.suffix` keys into an ordered list of objects: `{suffix: value}`. */
function members(params: URLSearchParams, prefix: string): Record<string, string>[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of params) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const rest = key.slice(prefix.length + 1);
    const dot = rest.indexOf('.');
    const index = Number(dot === -1 ? rest : rest.slice(0, dot));
    if (!Number.isInteger(index) || index < 1)
      throw new AwsError('InvalidParameter', `Invalid parameter: ${key}`);
    const entry = byIndex.get(index) ?? {};
    entry[dot === -1 ? '' : rest.slice(dot + 1)] = value;
    byIndex.set(index, entry);
  }
  return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i) as Record<string, string>);
}

function keyValueMap(params: URLSearchParams, prefix: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of members(params, prefix)) {
    if (entry.key === undefined)
      throw new AwsError('InvalidParameter', `Invalid parameter: ${prefix} entry without key`);
    result[entry.key] = entry.value ?? '';
  }
  return result;
}

function messageAttributes(entries: Record<string, string>[]): Record<string, SnsMessageAttributeValue> {
  const result: Record<string, SnsMessageAttributeValue> = {};
  for (const entry of entries) {
    const name = entry.Name;
    if (!name) throw new AwsError('ParameterValueInvalid', 'The message attribute name must not be empty.');
    const value: SnsMessageAttributeValue = { DataType: entry['Value.DataType'] ?? '' };
    if (entry['Value.StringValue'] !== undefined) value.StringValue = entry['Value.StringValue'];
    if (entry['Value.BinaryValue'] !== undefined) value.BinaryValue = entry['Value.BinaryValue'];
    result[name] = value;
  }
  return result;
}

/** Re-reads a flat `Foo.member.N.Bar.entry.M.Baz` map for one batch entry. */
function subParams(entry: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entry)) params.append(key, value);
  return params;
}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null) throw new AwsError('InvalidParameter', `Invalid parameter: ${name} is required`);
  return value;
}

function optional(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) ?? undefined;
}

export type SnsAction = (params: URLSearchParams) => string;

export function createSnsActions(sns: SnsService): Record<string, SnsAction> {
  const publishOne = (params: URLSearchParams, topicArn: string): string =>
    sns.publish({
      topicArn,
      message: required(params, 'Message'),
      subject: optional(params, 'Subject'),
      messageStructure: optional(params, 'MessageStructure'),
      messageAttributes: messageAttributes(members(params, 'MessageAttributes.entry')),
    });

  return {
    CreateTopic(params) {
      const arn = sns.createTopic(required(params, 'Name'), keyValueMap(params, 'Attributes.entry'));
      return respond('CreateTopic', tag('TopicArn', arn));
    },
    DeleteTopic(params) {
      sns.deleteTopic(required(params, 'TopicArn'));
      return respond('DeleteTopic', '');
    },
    ListTopics() {
      const items = sns.listTopics().map((arn) => `<member>${tag('TopicArn', arn)}</member>`);
      return respond('ListTopics', `<Topics>${items.join('')}</Topics>`);
    },
    GetTopicAttributes(params) {
      const attributes = sns.topicAttributes(required(params, 'TopicArn'));
      const entries = Object.entries(attributes).map(
        ([k, v]) => `<entry>${tag('key', k)}${tag('value', v)}</entry>`,
      );
      return respond('GetTopicAttributes', `<Attributes>${entries.join('')}</Attributes>`);
    },
    Publish(params) {
      const topicArn = optional(params, 'TopicArn') ?? optional(params, 'TargetArn');
      if (!topicArn) {
        throw new AwsError(
          'InvalidParameter',
          'Invalid parameter: TopicArn or TargetArn is required (PhoneNumber is not supported locally)',
        );
      }
      return respond('Publish', tag('MessageId', publishOne(params, topicArn)));
    },
    PublishBatch(params) {
      const topicArn = required(params, 'TopicArn');
      sns.getTopic(topicArn);
      const entries = members(params, 'PublishBatchRequestEntries.member');
      if (entries.length === 0)
        throw new AwsError('EmptyBatchRequest', 'The batch request does not contain any entries.');
      if (entries.length > 10) {
        throw new AwsError(
          'TooManyEntriesInBatchRequest',
          'The batch request contains more entries than permissible (10).',
        );
      }
      const ids = new Set<string>();
      for (const entry of entries) {
        const id = entry.Id;
        if (!id || !/^[A-Za-z0-9_-]{1,80}$/.test(id)) {
          throw new AwsError(
            'InvalidBatchEntryId',
            'The Id of a batch entry in a batch request does not abide by the specification.',
          );
        }
        if (ids.has(id))
          throw new AwsError(
            'BatchEntryIdsNotDistinct',
            'Two or more batch entries in the request have the same Id.',
          );
        ids.add(id);
      }
      const ok: string[] = [];
      const failed: string[] = [];
      for (const entry of entries) {
        try {
          const messageId = publishOne(subParams(entry), topicArn);
          ok.push(`<member>${tag('Id', entry.Id as string)}${tag('MessageId', messageId)}</member>`);
        } catch (error) {
          const e = error instanceof AwsError ? error : new AwsError('InternalError', String(error), 500);
          failed.push(
            `<member>${tag('Id', entry.Id as string)}${tag('Code', e.code)}${tag('Message', e.message)}${tag('SenderFault', String(e.senderFault))}</member>`,
          );
        }
      }
      return respond(
        'PublishBatch',
        `<Successful>${ok.join('')}</Successful><Failed>${failed.join('')}</Failed>`,
      );
    },
    Subscribe(params) {
      const arn = sns.subscribe(
        required(params, 'TopicArn'),
        required(params, 'Protocol'),
        required(params, 'Endpoint'),
        keyValueMap(params, 'Attributes.entry'),
      );
      return respond('Subscribe', tag('SubscriptionArn', arn));
    },
    Unsubscribe(params) {
      sns.unsubscribe(required(params, 'SubscriptionArn'));
      return respond('Unsubscribe', '');
    },
    ListSubscriptions() {
      return respond('ListSubscriptions', subscriptionList(sns, undefined));
    },
    ListSubscriptionsByTopic(params) {
      const topicArn = required(params, 'TopicArn');
      sns.getTopic(topicArn);
      return respond('ListSubscriptionsByTopic', subscriptionList(sns, topicArn));
    },
  };
}

function subscriptionList(sns: SnsService, topicArn: string | undefined): string {
  const items = sns
    .listSubscriptions(topicArn)
    .map(
      (s) =>
        `<member>${tag('TopicArn', s.topicArn)}${tag('Protocol', s.protocol)}${tag('SubscriptionArn', s.arn)}` +
        `${tag('Owner', sns.accountId)}${tag('Endpoint', s.endpoint)}</member>`,
    );
  return `<Subscriptions>${items.join('')}</Subscriptions>`;
}

export function handleSnsRequest(
  actions: Record<string, SnsAction>,
  params: URLSearchParams,
  res: ServerResponse,
): void {
  const action = params.get('Action');
  if (!action) {
    sendSnsError(res, new AwsError('MissingAction', 'The request must contain the parameter Action.'));
    return;
  }
  const handler = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!handler) {
    sendSnsError(
      res,
      new AwsError('InvalidAction', `The action ${action} is not valid for this web service (local SNS).`),
    );
    return;
  }
  try {
    sendXml(res, 200, handler(params));
  } catch (error) {
    if (error instanceof AwsError) sendSnsError(res, error);
    else sendSnsError(res, new AwsError('InternalError', `Internal error: ${(error as Error).message}`, 500));
  }
}

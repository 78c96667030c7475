/**
 * `POST /console/publish`: the console's publish forms. Publishes through the publisher SDK with the platform's
 * SNS client, so a console message is built, validated (envelope, topic or type, payload, size) and sent with the
 * SNS attributes exactly as any backend service's. Every error names the field it is about.
 */
import type { SNSClient } from '@aws-sdk/client-sns';
import type { FieldError } from '../../../generated/index.js';
import { PublishValidationError } from '../../publisher/envelope.js';
import { createPublisher, type PublishResult } from '../../publisher/publisher.js';

export interface ConsolePublishDeps {
  sns: SNSClient;
  broadcastTopicArn: string;
  userTopicArn: string;
}

export interface PublishResponse {
  status: number;
  body:
    | { ok: true; messageId: string; correlationId: string; topicArn: string; snsMessageId?: string }
    | { ok: false; message: string; errors: Array<Pick<FieldError, 'field' | 'message'>> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejected(errors: Array<Pick<FieldError, 'field' | 'message'>>): PublishResponse {
  return {
    status: 400,
    body: { ok: false, message: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors },
  };
}

// The form's fields go to the SDK as they came: its validation reports a missing or mistyped one by name.
type FormFields = { realm: string; topic: string; userId: string; type: string };

export async function consolePublish(input: unknown, deps: ConsolePublishDeps): Promise<PublishResponse> {
  if (!isRecord(input)) return rejected([{ field: '(root)', message: 'must be a JSON object' }]);
  if (input.kind !== 'topic' && input.kind !== 'user')
    return rejected([{ field: 'kind', message: 'must be "topic" or "user"' }]);
  const publisher = createPublisher({
    snsClient: deps.sns,
    broadcastTopicArn: deps.broadcastTopicArn,
    userTopicArn: deps.userTopicArn,
    env: {},
  });
  const form = input as unknown as FormFields;
  const topicArn = input.kind === 'topic' ? deps.broadcastTopicArn : deps.userTopicArn;
  let result: PublishResult;
  try {
    result =
      input.kind === 'topic'
        ? await publisher.publishUncheckedToTopic({
            realm: form.realm,
            topic: form.topic,
            payload: input.payload,
          })
        : await publisher.publishUncheckedToUser({
            realm: form.realm,
            userId: form.userId,
            type: form.type,
            payload: input.payload,
          });
  } catch (error) {
    if (error instanceof PublishValidationError)
      return rejected(error.errors.map((e) => ({ field: e.field, message: e.message })));
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 502, body: { ok: false, message, errors: [{ field: '(sns)', message }] } };
  }
  const body: PublishResponse['body'] = {
    ok: true,
    messageId: result.messageId,
    correlationId: result.correlationId,
    topicArn,
  };
  if (result.snsMessageId) body.snsMessageId = result.snsMessageId;
  return { status: 200, body };
}

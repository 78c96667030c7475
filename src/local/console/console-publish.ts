/**
 * `POST /console/publish`: the console's publish forms. Builds the envelope a publisher would send, validates
 * it (and its payload) with the generated validators, and publishes it with the real SNS client through the
 * edge — the same path as any backend service. Every error names the field it is about.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import {
  type FieldError,
  isUserMessageType,
  matchTopic,
  userMessageRegistry,
  type ValidationResult,
  validators,
} from '../../../generated/index.js';
import { newCorrelationId, ulid } from '../../publisher/ids.js';

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

/** Payload validators report paths relative to the payload; the form shows them under `payload.`. */
function underPayload(errors: readonly FieldError[]): Array<Pick<FieldError, 'field' | 'message'>> {
  return errors.map((e) => ({
    field: e.field === '(root)' ? 'payload' : `payload.${e.field}`,
    message: e.message,
  }));
}

/** Envelope errors (realm, userId, …) and payload errors together, so the form shows every problem at once. */
function combined(
  envelope: ValidationResult<unknown>,
  payload: ValidationResult<unknown>,
): Array<Pick<FieldError, 'field' | 'message'>> {
  const errors: Array<Pick<FieldError, 'field' | 'message'>> = [];
  if (!envelope.ok) errors.push(...envelope.errors.filter((e) => e.field !== 'payload'));
  if (!payload.ok) errors.push(...underPayload(payload.errors));
  return errors;
}

export async function consolePublish(input: unknown, deps: ConsolePublishDeps): Promise<PublishResponse> {
  if (!isRecord(input)) return rejected([{ field: '(root)', message: 'must be a JSON object' }]);
  const publishedAt = new Date().toISOString();
  const base = { messageId: ulid(), correlationId: newCorrelationId(), realm: input.realm, publishedAt };
  let envelope: Record<string, unknown>;
  let topicArn: string;
  if (input.kind === 'topic') {
    const topic = input.topic;
    const match = typeof topic === 'string' ? matchTopic(topic) : undefined;
    if (match === undefined || !match.ok) {
      const why = match === undefined ? 'unknown topic' : match.reason;
      return rejected([{ field: 'topic', message: `${why}: ${JSON.stringify(topic)}` }]);
    }
    envelope = { ...base, topic, payload: input.payload };
    const errors = combined(validators.BroadcastEnvelope(envelope), match.definition.validate(input.payload));
    if (errors.length > 0) return rejected(errors);
    topicArn = deps.broadcastTopicArn;
  } else if (input.kind === 'user') {
    const type = input.type;
    if (typeof type !== 'string' || !isUserMessageType(type)) {
      return rejected([{ field: 'type', message: `unknown user message type ${JSON.stringify(type)}` }]);
    }
    envelope = { ...base, userId: input.userId, type, payload: input.payload };
    const errors = combined(
      validators.UserEnvelope(envelope),
      userMessageRegistry[type].validate(input.payload),
    );
    if (errors.length > 0) return rejected(errors);
    topicArn = deps.userTopicArn;
  } else {
    return rejected([{ field: 'kind', message: 'must be "topic" or "user"' }]);
  }
  try {
    const result = await deps.sns.send(
      new PublishCommand({ TopicArn: topicArn, Message: JSON.stringify(envelope) }),
    );
    const body: PublishResponse['body'] = {
      ok: true,
      messageId: base.messageId,
      correlationId: base.correlationId,
      topicArn,
    };
    if (result.MessageId) body.snsMessageId = result.MessageId;
    return { status: 200, body };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: 502, body: { ok: false, message, errors: [{ field: '(sns)', message }] } };
  }
}

/**
 * Builds the SNS → Lambda event exactly as AWS delivers it (one record per invocation).
 * Note the Lambda spelling `SigningCertUrl` / `UnsubscribeUrl` (the HTTP endpoint spelling is `...URL`).
 */
import type { SNSEvent, SNSMessageAttributes } from 'aws-lambda';

export interface SnsMessageAttributeValue {
  DataType: string;
  StringValue?: string;
  /** base64 */
  BinaryValue?: string;
}

export interface SnsNotification {
  messageId: string;
  topicArn: string;
  message: string;
  subject?: string;
  /** epoch ms */
  timestamp: number;
  messageAttributes: Record<string, SnsMessageAttributeValue>;
}

export interface SnsEventOptions {
  region: string;
  subscriptionArn: string;
}

/** Lambda's SNS event carries attributes as `{Type, Value}`; binary values stay base64. */
export function toLambdaSnsAttributes(
  attributes: Record<string, SnsMessageAttributeValue>,
): SNSMessageAttributes {
  const result: SNSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    result[name] = { Type: value.DataType, Value: value.StringValue ?? value.BinaryValue ?? '' };
  }
  return result;
}

export function buildSnsEvent(notification: SnsNotification, options: SnsEventOptions): SNSEvent {
  const host = `sns.${options.region}.amazonaws.com`;
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: options.subscriptionArn,
        Sns: {
          Type: 'Notification',
          MessageId: notification.messageId,
          TopicArn: notification.topicArn,
          // AWS sends `Subject: null` when no subject was given.
          Subject: notification.subject ?? (null as unknown as undefined),
          Message: notification.message,
          Timestamp: new Date(notification.timestamp).toISOString(),
          SignatureVersion: '1',
          // Local deliveries are not signed; the field is present because handlers may log it.
          Signature: 'LOCAL',
          SigningCertUrl: `https://${host}/SimpleNotificationService-local.pem`,
          UnsubscribeUrl: `https://${host}/?Action=Unsubscribe&SubscriptionArn=${options.subscriptionArn}`,
          MessageAttributes: toLambdaSnsAttributes(notification.messageAttributes),
        },
      },
    ],
  };
}

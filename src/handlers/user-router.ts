/**
 * User router (SNS `*-user`): validates, posts to the user's live connections, and keeps the message in the
 * offline inbox when no connection accepted it (design.md §3, publish during connect).
 */
import type { SNSEvent } from 'aws-lambda';
import { validateUserEnvelope } from '../core/envelopes.js';
import type { UserDeliveryService } from '../core/user-delivery.js';
import type { LambdaContext } from './events.js';
import { parseAndValidate, snsAttributes } from './runtime/messages.js';
import { count, instrumented, logger, withCorrelationId } from './runtime/observability.js';
import { userDeliveryService } from './runtime/services.js';

export function createUserRouter(deps: { users: UserDeliveryService }) {
  return (event: SNSEvent, context?: LambdaContext): Promise<void> =>
    instrumented(context, async () => {
      for (const record of event.Records) {
        const logContext = { snsMessageId: record.Sns.MessageId, attributes: snsAttributes(record) };
        const envelope = parseAndValidate(
          'user envelope',
          record.Sns.Message,
          validateUserEnvelope,
          logContext,
        );
        await withCorrelationId(envelope.correlationId, async () => {
          const result = await deps.users.route(envelope);
          count('Deliveries', result.delivered);
          count('Gone', result.gone);
          count('Throttled', result.throttled);
          if (result.inbox === 'stored') count('OfflineStored');
          logger.info('user message routed', {
            ...logContext,
            messageId: envelope.messageId,
            realm: envelope.realm,
            userId: envelope.userId,
            type: envelope.type,
            ...result,
          });
        });
      }
    });
}

export const handler = createUserRouter({ users: userDeliveryService() });

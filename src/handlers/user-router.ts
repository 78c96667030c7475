/**
 * User router (SNS `*-user`): validates, posts to the user's live connections, and keeps the message in the
 * offline inbox when no connection accepted it (design.md §3, publish during connect).
 */
import type { SNSEvent } from 'aws-lambda';
import { checkPublishedAt, validateUserEnvelope } from '../core/envelopes.js';
import type { UserDeliveryService } from '../core/user-delivery.js';
import type { LambdaContext } from './events.js';
import { routeSnsRecords } from './runtime/messages.js';
import { count, countPosts, instrumented, log } from './runtime/observability.js';
import { userDeliveryService } from './runtime/services.js';

export function createUserRouter(deps: { users: UserDeliveryService }) {
  return (event: SNSEvent, context?: LambdaContext): Promise<void> =>
    instrumented(context, () =>
      routeSnsRecords(
        event,
        'user envelope',
        (data) => checkPublishedAt('user envelope', validateUserEnvelope(data), Date.now()),
        async (envelope, logContext) => {
          const result = await deps.users.route(envelope);
          countPosts(result);
          if (result.inbox === 'stored') count('OfflineStored');
          log.info('user message routed', {
            ...logContext,
            messageId: envelope.messageId,
            realm: envelope.realm,
            userId: envelope.userId,
            type: envelope.type,
            ...result,
          });
        },
      ),
    );
}

export const handler = createUserRouter({ users: userDeliveryService() });

/**
 * Broadcast router (SNS `*-broadcast`): validates the envelope and its payload with the generated
 * validators, then fans it out to the topic's subscribers in the realm, or streams the audience's pages into
 * shard jobs on the fan-out queue (src/core/audience-shards.ts), within the invocation's time.
 * Invalid → logged, InvalidMessages, thrown (retried, then kept by the on-failure destination), never posted.
 */
import type { SNSEvent } from 'aws-lambda';
import type { BroadcastService } from '../core/broadcast.js';
import { checkPublishedAt, validateBroadcastEnvelope } from '../core/envelopes.js';
import { postingDeadline } from '../core/posting.js';
import type { LambdaContext } from './events.js';
import { routeSnsRecords } from './runtime/messages.js';
import { countPosts, instrumented, log } from './runtime/observability.js';
import { broadcastService } from './runtime/services.js';

export function createBroadcastRouter(deps: { broadcast: BroadcastService }) {
  return (event: SNSEvent, context?: LambdaContext): Promise<void> =>
    instrumented(context, () =>
      routeSnsRecords(
        event,
        'broadcast envelope',
        (data) => checkPublishedAt('broadcast envelope', validateBroadcastEnvelope(data), Date.now()),
        async (envelope, logContext) => {
          // Stops reading the audience before the timeout: the pages sent are claimed, SNS retries the rest.
          const stopAt = context
            ? postingDeadline(Date.now(), context.getRemainingTimeInMillis())
            : undefined;
          const result = await deps.broadcast.route(envelope, stopAt === undefined ? {} : { stopAt });
          countPosts(result);
          log.info('broadcast routed', {
            ...logContext,
            messageId: envelope.messageId,
            realm: envelope.realm,
            topic: envelope.topic,
            ...result,
          });
        },
      ),
    );
}

export const handler = createBroadcastRouter({ broadcast: broadcastService() });

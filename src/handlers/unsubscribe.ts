/** `unsubscribe`: removes topics from the open connection; posts `unsubscribed`. */
import { subscriptionReplies } from './runtime/services.js';
import { createSubscriptionHandler } from './runtime/subscription-route.js';

export const handler = createSubscriptionHandler({ replies: subscriptionReplies() });

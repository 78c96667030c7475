/** `subscribe`: adds topics to the open connection; posts `subscribed`, then the history of new history topics. */
import { subscriptionReplies } from './runtime/services.js';
import { createSubscriptionHandler } from './runtime/subscription-route.js';

export const handler = createSubscriptionHandler({ replies: subscriptionReplies() });

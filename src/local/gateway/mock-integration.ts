/**
 * Local twin of API Gateway's mock integrations: renders a mock route's reply template
 * (`src/core/mock-replies.ts`, the one Pulumi deploys) with the request's `$context`, as API Gateway does,
 * without invoking any function.
 */
import { render } from 'velocityjs';
import type { RouteKey } from '../../../generated/index.js';
import { mockReplyTemplate } from '../../core/mock-replies.js';

/** The `$context` fields a reply template may read (those of the message event's `requestContext`). */
export type MockRequestContext = Readonly<Record<string, unknown>>;

export function renderMockReply(routeKey: string, context: MockRequestContext): string {
  return render(mockReplyTemplate(routeKey as RouteKey), { context: { ...context } });
}

/**
 * The reply of each route the gateway answers itself (`x-integration: mock` in the contract): an API Gateway
 * mapping template (Velocity) over the request's `$context`. Pulumi deploys it as the mock integration's
 * response template; the local gateway renders the same template (`src/local/gateway/mock-integration.ts`).
 *
 * `pong.serverTime` is ISO 8601 to the millisecond, as a function's `pongFrame` would write it: the date and
 * second from `$context.requestTime` (`dd/MMM/yyyy:HH:mm:ss +0000`), the milliseconds from the last three
 * digits of `$context.requestTimeEpoch`. Nothing of the client's frame is echoed (a mock cannot validate it).
 */
import type { RouteKey } from '../../generated/index.js';

const PONG_TEMPLATE = [
  '#set($t = $context.requestTime)',
  '#set($e = "$context.requestTimeEpoch")',
  '#set($month = {"Jan":"01","Feb":"02","Mar":"03","Apr":"04","May":"05","Jun":"06","Jul":"07","Aug":"08","Sep":"09","Oct":"10","Nov":"11","Dec":"12"})',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Velocity references, not a JavaScript template.
  '{"kind":"pong","serverTime":"${t.substring(7,11)}-${month.get($t.substring(3,6))}-${t.substring(0,2)}T${t.substring(12,20)}.${e.substring(10)}Z"}',
].join('');

/** Response template of every mock route, by route key. */
export const mockReplyTemplates: Readonly<Partial<Record<RouteKey, string>>> = {
  ping: PONG_TEMPLATE,
};

/** The request template of a mock integration: API Gateway answers with the integration response of this status. */
export const MOCK_REQUEST_TEMPLATE = '{"statusCode": 200}';

export function mockReplyTemplate(routeKey: RouteKey): string {
  const template = mockReplyTemplates[routeKey];
  if (template === undefined) throw new Error(`route "${routeKey}" is a mock but has no reply template`);
  return template;
}

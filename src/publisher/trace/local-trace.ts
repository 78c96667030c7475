/**
 * Trace records of one message from the local platform (`npm start`): `GET <console>/console/trace/<id>`, the
 * endpoint the console's trace view polls too.
 */
import { TraceLookupError } from './logs-insights.js';
import type { TracedHop } from './timeline.js';

export const LOCAL_TRACE_PATH = '/console/trace/';

/** The body of `GET /console/trace/{id}`: the hops in journey order and the timeline `wspush trace` prints. */
export interface LocalTraceResponse {
  id: string;
  hops: TracedHop[];
  timeline?: string;
  message?: string;
}

export function localTraceUrl(consoleUrl: string, id: string): URL {
  return new URL(`${LOCAL_TRACE_PATH}${encodeURIComponent(id)}`, consoleUrl);
}

/** The hops the local platform kept for `id`; a 404 is an unknown message. */
export async function fetchLocalTrace(
  consoleUrl: string,
  id: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TracedHop[]> {
  const url = localTraceUrl(consoleUrl, id);
  const response = await fetchImpl(url, { headers: { accept: 'application/json' } });
  if (response.status === 404) {
    throw new TraceLookupError(
      `the local platform at ${url.origin} has no trace record of ${id}: check the id (a message id or ` +
        'correlation id), and whether the platform was restarted without --data-dir since it was published',
      'unknown',
    );
  }
  if (!response.ok) {
    const detail = await response.text().catch(() => '');
    throw new TraceLookupError(
      `the local platform answered ${response.status} for ${url.href}${detail ? `: ${detail.slice(0, 300)}` : ''}`,
      'query',
    );
  }
  const body = (await response.json()) as LocalTraceResponse;
  return body.hops ?? [];
}

/** Trace records of one message from the local platform (`npm start`): `GET <console>/dev/trace/<id>`. */
import { TraceLookupError } from './logs-insights.js';
import type { TracedHop } from './timeline.js';

export function localTraceUrl(consoleUrl: string, id: string): URL {
  return new URL(`/dev/trace/${encodeURIComponent(id)}`, consoleUrl);
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
    throw new TraceLookupError(`the local platform at ${url.origin} has no trace record of ${id}`, 'unknown');
  }
  if (!response.ok) {
    throw new TraceLookupError(`the local platform answered ${response.status} for ${url.href}`, 'query');
  }
  const body = (await response.json()) as { hops?: TracedHop[] };
  return body.hops ?? [];
}

/**
 * Measures the DynamoDB capacity the platform's functions consume, for the cost model. The local edge
 * proxies DynamoDB calls to dynalite over `http.request`; in the benchmark's platform process only, this
 * wraps `http.request` so every DynamoDB call asks for `ReturnConsumedCapacity: TOTAL` and sums what dynalite
 * reports (it applies DynamoDB's rules: reads per 4 KB, half for eventually consistent; writes per 1 KB).
 * The platform's own code is unchanged; the functions' SDK clients ignore the extra response field.
 */
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';

export interface CapacityTotals {
  readUnits: number;
  writeUnits: number;
  calls: Record<string, number>;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const SUPPORTED = new Set([
  ...READS,
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

export function installCapacityMeter(): {
  totals(): CapacityTotals;
  reset(): void;
  ignorePort(port: number): void;
} {
  let ignoredPort: number | undefined;
  let totals: CapacityTotals = { readUnits: 0, writeUnits: 0, calls: {} };
  const original = http.request;
  const wrapped = ((...args: Parameters<typeof http.request>): ClientRequest => {
    const req = (original as (...a: unknown[]) => ClientRequest)(...args);
    const options = args[0] as RequestOptions;
    const target = String((options?.headers as Record<string, unknown> | undefined)?.['x-amz-target'] ?? '');
    // Only the edge's proxy → dynalite hop; the functions' own SDK calls to the edge pass untouched.
    if (
      !target.startsWith('DynamoDB_20120810.') ||
      ignoredPort === undefined ||
      Number(options.port) === ignoredPort
    )
      return req;
    const operation = target.slice('DynamoDB_20120810.'.length);
    if (!SUPPORTED.has(operation)) return req;
    const end = req.end.bind(req) as (body?: unknown) => ClientRequest;
    (req as unknown as { end: (body?: unknown) => ClientRequest }).end = (body?: unknown) => {
      if (Buffer.isBuffer(body)) {
        try {
          const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          if (parsed.ReturnConsumedCapacity === undefined) {
            parsed.ReturnConsumedCapacity = 'TOTAL';
            const next = Buffer.from(JSON.stringify(parsed));
            req.setHeader('content-length', String(next.length));
            return end(next);
          }
        } catch {
          // not JSON: pass through untouched
        }
      }
      return end(body);
    };
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        totals.calls[operation] = (totals.calls[operation] ?? 0) + 1;
        try {
          const out = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ConsumedCapacity?: unknown };
          const list = Array.isArray(out.ConsumedCapacity)
            ? out.ConsumedCapacity
            : out.ConsumedCapacity
              ? [out.ConsumedCapacity]
              : [];
          const units = list.reduce(
            (s: number, c) => s + Number((c as { CapacityUnits?: number }).CapacityUnits ?? 0),
            0,
          );
          if (READS.has(operation)) totals.readUnits += units;
          else totals.writeUnits += units;
        } catch {
          // error responses carry no capacity
        }
      });
    });
    return req;
  }) as typeof http.request;
  http.request = wrapped;
  syncBuiltinESMExports();
  return {
    totals: () => structuredClone(totals),
    ignorePort: (port: number) => {
      ignoredPort = port;
    },
    reset: () => {
      totals = { readUnits: 0, writeUnits: 0, calls: {} };
    },
  };
}

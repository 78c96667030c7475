/**
 * Counts `@connections` POSTs in flight in the benchmark's platform process, to show how much of the fan-out
 * actually runs in parallel. Two points of view, both installed before the platform starts:
 *   - `issued`: requests the functions' SDK clients have created (`http.request`) and not yet seen answered —
 *     includes requests waiting in the SDK's agent for one of its sockets;
 *   - `served`: requests the edge's HTTP server has received and not yet answered — what API Gateway would
 *     see in flight (includes a `connections-hang` fault's delay).
 * Also the fan-out worker invocations running at once (wrapping the runtime's `invoke`, done by the caller).
 * The platform's own code is unchanged; this only observes.
 */
import http, { type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';

export interface GaugeSnapshot {
  /** most at once */
  max: number;
  /** time-weighted mean while at least one was in flight */
  meanWhileBusy: number;
  /** how many started */
  total: number;
}

export class Gauge {
  private current = 0;
  private max = 0;
  private total = 0;
  private busySince = 0;
  private busyMs = 0;
  private area = 0;
  private lastChange = 0;

  private advance(now: number): void {
    if (this.current > 0) this.area += this.current * (now - this.lastChange);
    this.lastChange = now;
  }

  up(): void {
    const now = performance.now();
    this.advance(now);
    if (this.current === 0) this.busySince = now;
    this.current += 1;
    this.total += 1;
    this.max = Math.max(this.max, this.current);
  }

  down(): void {
    const now = performance.now();
    this.advance(now);
    this.current = Math.max(0, this.current - 1);
    if (this.current === 0) this.busyMs += now - this.busySince;
  }

  snapshot(): GaugeSnapshot {
    const now = performance.now();
    this.advance(now);
    const busy = this.busyMs + (this.current > 0 ? now - this.busySince : 0);
    return {
      max: this.max,
      meanWhileBusy: busy > 0 ? Math.round((this.area / busy) * 10) / 10 : 0,
      total: this.total,
    };
  }

  /** Keeps what is in flight now (it will still be counted down), forgets the history. */
  reset(): void {
    const now = performance.now();
    this.max = this.current;
    this.total = 0;
    this.area = 0;
    this.busyMs = 0;
    this.busySince = now;
    this.lastChange = now;
  }
}

const isPost = (method: string | undefined, path: string | undefined): boolean =>
  (method ?? 'GET').toUpperCase() === 'POST' && (path ?? '').includes('/@connections/');

/** A callback that takes the gauge down once, however many of a request's end events fire. */
function downOnce(gauge: Gauge): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    gauge.down();
  };
}

export function installInflightMeter(): { issued: Gauge; served: Gauge } {
  const issued = new Gauge();
  const served = new Gauge();

  const originalRequest = http.request;
  http.request = ((...args: Parameters<typeof http.request>): ClientRequest => {
    const req = (originalRequest as (...a: unknown[]) => ClientRequest)(...args);
    const options = args[0] as http.RequestOptions;
    if (
      typeof options === 'object' &&
      !(options instanceof URL) &&
      isPost(options.method, options.path ?? undefined)
    ) {
      issued.up();
      const finish = downOnce(issued);
      req.once('response', (res: IncomingMessage) => {
        res.once('end', finish);
        res.once('close', finish);
      });
      req.once('error', finish);
      req.once('close', finish);
    }
    return req;
  }) as typeof http.request;
  syncBuiltinESMExports();

  // Every http.Server of the process (the edge among them) emits 'request' through this prototype.
  const originalEmit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      if (isPost(req.method, req.url)) {
        served.up();
        const finish = downOnce(served);
        res.once('finish', finish);
        res.once('close', finish);
      }
    }
    return (originalEmit as (this: http.Server, e: string | symbol, ...a: unknown[]) => boolean).call(
      this,
      event,
      ...args,
    );
  } as typeof http.Server.prototype.emit;

  return { issued, served };
}

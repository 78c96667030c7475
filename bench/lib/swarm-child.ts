/**
 * Many WebSocket clients in a process of their own (the load generator), driven over IPC. Records the receive
 * time of every topic/user frame by message id, so the parent can compute delivered/s and latency.
 */
import WebSocket from 'ws';

interface ClientSpec {
  url: string;
  protocols?: string[];
}

type Request =
  | { type: 'connect'; clients: ClientSpec[]; concurrency: number; waitWelcome: boolean; timeoutMs?: number }
  | { type: 'count' }
  | { type: 'receipts' }
  | { type: 'close' };

const sockets: WebSocket[] = [];
let receipts = new Map<string, number[]>();
/**
 * Distinct (client, message id) frames since the last `receipts`: what waits count, so an at-least-once
 * duplicate never stands in for a delivery still on its way. `rawFrames` counts every frame.
 */
let frames = 0;
let rawFrames = 0;
let seen = new Map<WebSocket, Set<string>>();
const wallNow = (): number => performance.timeOrigin + performance.now();

function open(
  spec: ClientSpec,
  waitWelcome: boolean,
  timeoutMs: number,
): Promise<{ connectionId?: string; ms: number }> {
  const start = wallNow();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(spec.url, spec.protocols, {
      perMessageDeflate: false,
      handshakeTimeout: timeoutMs,
    });
    const timer = setTimeout(() => reject(new Error('connect timed out')), timeoutMs);
    ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      // Cheap id extraction for the hot path; the welcome frame is parsed fully.
      if (text.startsWith('{"kind":"welcome"')) {
        const welcome = JSON.parse(text) as { connectionId: string };
        clearTimeout(timer);
        resolve({ connectionId: welcome.connectionId, ms: wallNow() - start });
        return;
      }
      const t = wallNow();
      const frame = JSON.parse(text) as { id?: string };
      if (frame.id !== undefined) {
        rawFrames++;
        let ids = seen.get(ws);
        if (!ids) {
          ids = new Set();
          seen.set(ws, ids);
        }
        if (!ids.has(frame.id)) {
          ids.add(frame.id);
          frames++;
        }
        const list = receipts.get(frame.id);
        if (list) list.push(t);
        else receipts.set(frame.id, [t]);
      }
    });
    ws.once('open', () => {
      sockets.push(ws);
      if (!waitWelcome) {
        clearTimeout(timer);
        resolve({ ms: wallNow() - start });
      }
    });
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`upgrade refused: ${res.statusCode}`));
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

process.on('message', async (message: { id: number; request: Request }) => {
  const { id, request } = message;
  try {
    switch (request.type) {
      case 'connect': {
        const start = wallNow();
        const ids: string[] = [];
        const latencies: number[] = [];
        let failed = 0;
        const failedIndexes: number[] = [];
        let firstError = '';
        let next = 0;
        const lanes = Array.from({ length: request.concurrency }, async () => {
          while (next < request.clients.length) {
            const index = next++;
            const spec = request.clients[index] as ClientSpec;
            try {
              const r = await open(spec, request.waitWelcome, request.timeoutMs ?? 30_000);
              if (r.connectionId) ids.push(r.connectionId);
              latencies.push(r.ms);
            } catch (error) {
              failed++;
              failedIndexes.push(index);
              firstError ||= String(error);
            }
          }
        });
        await Promise.all(lanes);
        process.send?.({
          id,
          body: {
            connected: latencies.length,
            failed,
            failedIndexes,
            firstError,
            connectionIds: ids,
            latencies,
            ms: wallNow() - start,
          },
        });
        break;
      }
      case 'count':
        process.send?.({
          id,
          body: { frames, rawFrames, open: sockets.filter((s) => s.readyState === WebSocket.OPEN).length },
        });
        break;
      case 'receipts':
        process.send?.({ id, body: { receipts: Object.fromEntries(receipts), frames, rawFrames } });
        receipts = new Map();
        frames = 0;
        rawFrames = 0;
        seen = new Map();
        break;
      case 'close':
        for (const s of sockets) s.terminate();
        process.send?.({ id, body: {} });
        setTimeout(() => process.exit(0), 50);
        break;
    }
  } catch (error) {
    process.send?.({ id, error: String(error) });
  }
});
process.send?.({ id: 0, body: { ready: true } });

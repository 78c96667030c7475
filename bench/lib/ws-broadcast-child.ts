/**
 * Baseline: a plain `ws` server that broadcasts each message to every connected client — the most this
 * machine can do with one Node process and no platform at all. Driven over IPC: `start`, `broadcast`, `rss`, `stop`.
 */

import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { WebSocketServer } from 'ws';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
let wss: WebSocketServer | undefined;

type Request =
  | { type: 'start' }
  | { type: 'broadcast'; frames: string[] }
  | { type: 'rss' }
  | { type: 'clients' }
  | { type: 'stop' };

process.on('message', async (message: { id: number; request: Request }) => {
  const { id, request } = message;
  switch (request.type) {
    case 'start': {
      wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
      await new Promise<void>((r) => wss?.once('listening', () => r()));
      process.send?.({ id, body: { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` } });
      break;
    }
    case 'broadcast':
      for (const frame of request.frames) for (const client of wss?.clients ?? []) client.send(frame);
      process.send?.({ id, body: {} });
      break;
    case 'clients':
      process.send?.({ id, body: { clients: wss?.clients.size ?? 0 } });
      break;
    case 'rss':
      for (let i = 0; i < 3; i++) gc();
      await new Promise((r) => setTimeout(r, 200));
      gc();
      process.send?.({
        id,
        body: { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed },
      });
      break;
    case 'stop':
      for (const c of wss?.clients ?? []) c.terminate();
      wss?.close();
      process.send?.({ id, body: {} });
      setTimeout(() => process.exit(0), 50);
      break;
  }
});
process.send?.({ id: 0, body: { ready: true } });

/**
 * The HTTP server on port 3000: the development identity provider (delegated to `idp.handle`), the console
 * page at `/`, the HTML docs at `/docs` (files of `docs/api/`, written by `npm run docs`), the console's
 * publish endpoint `POST /console/publish` and its trace endpoint `GET /console/trace/{id}` (what
 * `wspush trace` reads locally and the console's trace view polls).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isTraceId, notATraceId } from '../../core/tracing.js';
import { LOCAL_TRACE_PATH, type LocalTraceResponse } from '../../publisher/trace/local-trace.js';
import { renderTimeline, sortHops, type TracedHop } from '../../publisher/trace/timeline.js';
import { createRequestGuard, isJsonRequest } from '../request-guard.js';
import type { PublishResponse } from './console-publish.js';
import type { ContractCatalog } from './contract-catalog.js';

export interface RequestHandler {
  /** Resolves true when it answered the request. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export interface ConsolePageConfig {
  gatewayPort: number;
  edgeUrl: string;
  catalog: ContractCatalog;
}

export interface WebServerOptions {
  host: string;
  port: number;
  /** Directory of the HTML docs (`docs/api`). */
  docsDir: string;
  consolePageFile: string;
}

export interface WebServer {
  server: Server;
  port: number;
  /** Attaches what needs the server's URL first (the identity provider's issuer does). */
  attach(parts: {
    idp: RequestHandler;
    page: ConsolePageConfig;
    publish: (input: unknown) => Promise<PublishResponse>;
    /** The trace records kept for a message or correlation id (`GET /console/trace/{id}`). */
    trace: (id: string) => TracedHop[];
  }): void;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** 200 with the hops and their timeline, 404 for an id with no record, 400 for a malformed id. */
export function traceResponse(
  rawId: string,
  find: (id: string) => TracedHop[],
): { status: number; body: LocalTraceResponse } {
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    id = rawId;
  }
  if (!isTraceId(id)) {
    return { status: 400, body: { id: '', hops: [], message: notATraceId(id) } };
  }
  const hops = sortHops(find(id));
  if (hops.length === 0) return { status: 404, body: { id, hops, message: `no trace record of ${id}` } };
  return { status: 200, body: { id, hops, timeline: renderTimeline(id, hops) } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`request body exceeds ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('request body is not valid JSON');
  }
}

/** The page's config is JSON inside a <script> element: `<` is escaped so no string can close the element. */
export function renderConsolePage(template: string, config: ConsolePageConfig): string {
  const json = JSON.stringify({
    gatewayPort: config.gatewayPort,
    edgeUrl: config.edgeUrl,
    topics: config.catalog.topics,
    userMessageTypes: config.catalog.userMessageTypes,
  }).replace(/</g, '\\u003c');
  return template.replace('__CONSOLE_CONFIG__', () => json);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let parts: Parameters<WebServer['attach']>[0] | undefined;
  let pageHtml: string | undefined;
  const template = await readFile(options.consolePageFile, 'utf8');
  const docsRoot = resolve(options.docsDir);

  const serveDocs = async (res: ServerResponse, pathname: string): Promise<void> => {
    const relative = pathname.replace(/^\/docs\/?/, '') || 'index.html';
    const file = normalize(join(docsRoot, decodeURIComponent(relative)));
    if (file !== docsRoot && !file.startsWith(docsRoot + sep)) {
      sendJson(res, 404, { message: 'Not found' });
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      if (relative === 'index.html') {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          '<!doctype html><title>Docs not built</title><p>The HTML docs are not built yet: run ' +
            '<code>npm run docs</code> (writes <code>docs/api/index.html</code>) and reload.</p>',
        );
      } else {
        sendJson(res, 404, { message: `Not found: ${pathname}` });
      }
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!parts) {
      sendJson(res, 503, { message: 'starting' });
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (await parts.idp.handle(req, res)) return;
    if (pathname === '/' || pathname === '/index.html') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { message: 'Method not allowed' });
        return;
      }
      pageHtml ??= renderConsolePage(template, parts.page);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(pageHtml);
      return;
    }
    if (pathname === '/docs' || pathname.startsWith('/docs/')) {
      await serveDocs(res, pathname);
      return;
    }
    if (pathname === '/console/publish') {
      if (req.method !== 'POST') {
        sendJson(res, 405, { message: 'Use POST' });
        return;
      }
      if (!isJsonRequest(req.headers)) {
        sendJson(res, 415, { ok: false, message: 'send the envelope as content-type: application/json' });
        return;
      }
      let input: unknown;
      try {
        input = await readJsonBody(req, 256 * 1024);
      } catch (error) {
        const message = (error as Error).message;
        sendJson(res, 400, { ok: false, message, errors: [{ field: '(root)', message }] });
        return;
      }
      const result = await parts.publish(input);
      sendJson(res, result.status, result.body);
      return;
    }
    if (pathname.startsWith(LOCAL_TRACE_PATH)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { message: 'Use GET' });
        return;
      }
      const result = traceResponse(pathname.slice(LOCAL_TRACE_PATH.length), parts.trace);
      res.setHeader('cache-control', 'no-store');
      sendJson(res, result.status, result.body);
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    sendJson(res, 404, { message: `Not found: ${req.method} ${pathname}` });
  };

  const guard = createRequestGuard({ extraHosts: [options.host] });
  const server = createServer((req, res) => {
    // Only pages of this machine may call the identity provider and the console (request-guard.ts).
    const allowed = guard.check(req.headers);
    if (!allowed.ok) {
      sendJson(res, allowed.status, { error: 'forbidden', message: allowed.reason });
      return;
    }
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: `Internal error: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Identity provider/console: port ${options.port} on ${options.host} is already in use`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolvePromise();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    attach(value) {
      parts = value;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * A local `@connections` endpoint answering like API Gateway: 200 for open connections, 410 with
 * `x-amzn-ErrorType: GoneException` for unknown ones, or any scripted status (429 LimitExceededException,
 * 413 PayloadTooLargeException, 500…). Records every successful post.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ERROR_TYPES: Record<number, string> = {
  403: 'ForbiddenException',
  410: 'GoneException',
  413: 'PayloadTooLargeException',
  429: 'LimitExceededException',
  500: 'InternalServerErrorException',
};

export async function startLocalManagementApi(stage = 'test') {
  const open = new Set<string>();
  /** connectionId → statuses to answer, one per request (the last one sticks). */
  const scripts = new Map<string, number[]>();
  const posts: Array<{ connectionId: string; frame: Record<string, unknown> }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/[^/]+\/@connections\/([^/?]+)/.exec(req.url ?? '');
      const connectionId = decodeURIComponent(match?.[1] ?? '');
      const script = scripts.get(connectionId);
      let status = script
        ? script.length > 1
          ? script.shift()!
          : script[0]!
        : open.has(connectionId)
          ? 200
          : 410;
      if (req.method !== 'POST') status = 400;
      if (status === 200) {
        posts.push({ connectionId, frame: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(200);
        res.end();
        return;
      }
      const errorType = ERROR_TYPES[status] ?? 'BadRequestException';
      res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-ErrorType': errorType });
      res.end(JSON.stringify({ message: errorType }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/${stage}`,
    open,
    scripts,
    posts,
    framesTo: (connectionId: string) =>
      posts.filter((p) => p.connectionId === connectionId).map((p) => p.frame),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

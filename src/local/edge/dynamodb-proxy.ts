/**
 * DynamoDB for the edge: dynalite (dynalite-server.ts; in memory, or LevelDB under `dataDir`) on a private
 * loopback port, with requests proxied to it as they are — except when a fault rule answers first.
 */
import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import { startDynalite } from './dynalite-server.js';
import type { Faults } from './faults.js';
import { sendJson } from './http-util.js';

export interface DynamoBackend {
  port: number;
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer, operation: string): void;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/x-amz-json-1.0';

export async function startDynamoBackend(options: { path?: string; faults: Faults }): Promise<DynamoBackend> {
  const dynalite = await startDynalite(options.path ? { path: options.path } : {});
  const { port } = dynalite;

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer, operation: string): void {
    const fault = options.faults.takeDynamo(operation, body);
    if (fault?.kind === 'dynamodb-throttle') {
      sendJson(
        res,
        400,
        {
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message:
            'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
        },
        { 'x-amzn-RequestId': crypto.randomUUID() },
        JSON_TYPE,
      );
      return;
    }
    if (fault?.kind === 'dynamodb-unprocessed') {
      // Nothing is written; every request comes back unprocessed, as DynamoDB may do under load.
      let requestItems: unknown;
      try {
        requestItems = (JSON.parse(body.toString('utf8')) as { RequestItems?: unknown }).RequestItems;
      } catch {
        requestItems = undefined;
      }
      if (requestItems && typeof requestItems === 'object') {
        sendJson(
          res,
          200,
          { UnprocessedItems: requestItems },
          { 'x-amzn-RequestId': crypto.randomUUID() },
          JSON_TYPE,
        );
        return;
      }
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'content-length': String(body.length) },
      },
      (response) => {
        res.writeHead(response.statusCode ?? 500, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) {
        sendJson(
          res,
          500,
          {
            __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
            message: `Local DynamoDB unavailable: ${error.message}`,
          },
          {},
          JSON_TYPE,
        );
      } else {
        res.destroy(error);
      }
    });
    upstream.end(body);
  }

  return {
    port,
    handle,
    close: () => dynalite.close(),
  };
}

/**
 * One management API call per delivery, made directly (no SNS, SQS or Lambda), with a fixed number in flight:
 *   - `postRawHttp`: a plain Node `http` POST to `/{stage}/@connections/{id}` over a keep-alive agent — no SDK,
 *     no signing, no middleware: what ANY one-call-per-delivery design costs on this machine at the least;
 *   - `postWithSdk`: the product's adapter (`ManagementApiGateway`) over the real SDK client, configured as
 *     the functions configure it (`managementClientOptions` of src/handlers/runtime/clients.ts).
 * Both go to the same edge, which answers with API Gateway's semantics and hands the frame to the gateway.
 */
import { Agent, request } from 'node:http';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ManagementApiGateway } from '../../src/adapters/management-api-gateway.js';
import { mapWithConcurrency } from '../../src/core/concurrency.js';
import { managementClientOptions } from '../../src/handlers/runtime/clients.js';

export interface DirectPostResult {
  /** answers other than 200 (raw) or outcomes other than `ok` (SDK) */
  notOk: number;
}

export async function postRawHttp(
  managementUrl: string,
  connectionIds: readonly string[],
  data: Buffer,
  concurrency: number,
): Promise<DirectPostResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const base = new URL(managementUrl);
  const prefix = `${base.pathname.replace(/\/$/, '')}/@connections/`;
  let notOk = 0;
  const one = (connectionId: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: 'POST',
          path: prefix + encodeURIComponent(connectionId),
          headers: { 'content-type': 'application/octet-stream', 'content-length': data.length },
        },
        (res) => {
          if (res.statusCode !== 200) notOk++;
          res.on('error', reject);
          res.on('end', resolve);
          res.resume();
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  try {
    await mapWithConcurrency(connectionIds, concurrency, one);
  } finally {
    agent.destroy();
  }
  return { notOk };
}

/** A poster through the product's adapter and SDK client; `destroy` closes its sockets. */
export function sdkPoster(managementUrl: string): {
  post(connectionIds: readonly string[], data: string, concurrency: number): Promise<DirectPostResult>;
  destroy(): void;
} {
  const client = new ApiGatewayManagementApiClient({
    ...managementClientOptions(managementUrl),
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const gateway = new ManagementApiGateway(client);
  return {
    async post(connectionIds, data, concurrency) {
      const outcomes = await mapWithConcurrency(connectionIds, concurrency, (id) => gateway.post(id, data));
      return { notOk: outcomes.filter((o) => o !== 'ok').length };
    },
    destroy: () => client.destroy(),
  };
}

/**
 * ConnectionGateway over the API Gateway Management API (`POST /@connections/{id}`).
 * SDK v3 errors are recognised by `err.name` or `err.$metadata.httpStatusCode` — never `err.statusCode`,
 * which SDK v3 errors do not have (the check that makes some samples delete the wrong connection).
 */
import {
  type ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { ConnectionPostError } from '../core/errors.js';
import type { PostOutcome } from '../core/model.js';
import type { ConnectionCloser, ConnectionGateway } from '../core/ports.js';

interface SdkErrorShape {
  name?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** The domain outcome of a failed post, or undefined when the failure is not a connection outcome. */
export function classifyPostError(error: unknown): Exclude<PostOutcome, 'ok'> | undefined {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const status = shape.$metadata?.httpStatusCode;
  if (shape.name === 'GoneException' || status === 410) return 'gone';
  if (
    shape.name === 'LimitExceededException' ||
    shape.name === 'TooManyRequestsException' ||
    status === 429
  ) {
    return 'throttled';
  }
  if (shape.name === 'PayloadTooLargeException' || status === 413) return 'too-large';
  return undefined;
}

export class ManagementApiGateway implements ConnectionGateway, ConnectionCloser {
  private readonly encoder = new TextEncoder();
  /**
   * The last frame encoded: a fan-out posts the same frame string to every connection of a shard, so it is
   * encoded once per shard instead of once per post. The SDK only reads the bytes (hashes and writes them).
   */
  private lastText: string | undefined;
  private lastBytes: Uint8Array = new Uint8Array(0);

  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  private bytesOf(data: string): Uint8Array {
    if (data !== this.lastText) {
      this.lastBytes = this.encoder.encode(data);
      this.lastText = data;
    }
    return this.lastBytes;
  }

  async post(connectionId: string, data: string): Promise<PostOutcome> {
    try {
      await this.client.send(
        new PostToConnectionCommand({ ConnectionId: connectionId, Data: this.bytesOf(data) }),
      );
      return 'ok';
    } catch (error) {
      const outcome = classifyPostError(error);
      if (outcome) return outcome;
      throw new ConnectionPostError(connectionId, (error as SdkErrorShape).$metadata?.httpStatusCode, {
        cause: error,
      });
    }
  }

  /** `DELETE @connections/{id}`: API Gateway closes the socket with 1000. False when already gone (410). */
  async close(connectionId: string): Promise<boolean> {
    try {
      await this.client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
      return true;
    } catch (error) {
      if (classifyPostError(error) === 'gone') return false;
      throw new ConnectionPostError(connectionId, (error as SdkErrorShape).$metadata?.httpStatusCode, {
        cause: error,
      });
    }
  }
}

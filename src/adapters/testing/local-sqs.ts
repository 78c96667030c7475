/**
 * A minimal SQS endpoint (AWS JSON 1.0 protocol, as SDK v3 speaks it) for adapter and handler tests:
 * SendMessage, SendMessageBatch and ChangeMessageVisibility, recording what it received. Entries whose body
 * contains `failEntry` are reported in `Failed` once.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  action: string;
  input: Record<string, unknown>;
}

export function createSqsResponder() {
  const calls: RecordedCall[] = [];
  const failedOnce = new Set<string>();
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const respond = (action: string, input: Record<string, unknown>): unknown => {
    calls.push({ action, input });
    if (action === 'SendMessage') {
      return { MessageId: `m-${calls.length}`, MD5OfMessageBody: md5(String(input.MessageBody)) };
    }
    if (action === 'SendMessageBatch') {
      const entries = input.Entries as Array<{ Id: string; MessageBody: string }>;
      const failed = entries.filter(
        (e) => e.MessageBody.includes('failEntry') && !failedOnce.has(e.MessageBody),
      );
      for (const f of failed) failedOnce.add(f.MessageBody);
      return {
        Successful: entries
          .filter((e) => !failed.includes(e))
          .map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: md5(e.MessageBody) })),
        Failed: failed.map((e) => ({
          Id: e.Id,
          SenderFault: false,
          Code: 'InternalError',
          Message: 'try again',
        })),
      };
    }
    return {};
  };
  /** Bodies of the messages sent to one queue, in order (SendMessage and SendMessageBatch). */
  const bodies = (queueUrl: string): string[] =>
    calls
      .filter((c) => c.input.QueueUrl === queueUrl)
      .flatMap((c) =>
        c.action === 'SendMessage'
          ? [String(c.input.MessageBody)]
          : c.action === 'SendMessageBatch'
            ? (c.input.Entries as Array<{ MessageBody: string }>).map((e) => e.MessageBody)
            : [],
      );
  return { calls, respond, bodies };
}

export async function startLocalSqs() {
  const responder = createSqsResponder();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const action = String(req.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(responder.respond(action, input)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    queueUrl: `${endpoint}/000000000000/wspush-test-delivery`,
    calls: responder.calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

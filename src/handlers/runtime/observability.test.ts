import { afterEach, describe, expect, it, vi } from 'vitest';
import { instrumented, logger, withCorrelationId } from './observability.js';

function captureLogLines(): { lines: () => Array<Record<string, unknown>>; restore: () => void } {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  logger.setLogLevel('INFO');
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => {
      logger.setLogLevel('SILENT');
      spy.mockRestore();
    },
  };
}

describe('logging', () => {
  let capture: ReturnType<typeof captureLogLines> | undefined;
  afterEach(() => capture?.restore());

  it('JSON lines carry the correlation id of the message being handled, and only while it is handled', async () => {
    capture = captureLogLines();
    await instrumented(
      {
        functionName: 'user-router',
        functionVersion: '$LATEST',
        invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:user-router',
        memoryLimitInMB: '256',
        awsRequestId: 'req-1',
        logGroupName: 'g',
        logStreamName: 's',
        callbackWaitsForEmptyEventLoop: false,
        getRemainingTimeInMillis: () => 1000,
      },
      async () => {
        await withCorrelationId('c-91aa', async () => logger.info('inside'));
        logger.info('outside');
      },
    );
    const [inside, outside] = capture.lines();
    expect(inside).toMatchObject({
      message: 'inside',
      correlationId: 'c-91aa',
      function_request_id: 'req-1',
      level: 'INFO',
    });
    expect(outside?.message).toBe('outside');
    expect(outside?.correlationId).toBeUndefined();
  });
});

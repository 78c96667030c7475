import { afterEach, describe, expect, it, vi } from 'vitest';
import { instrumented, log, logger, withCorrelationId } from './observability.js';

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
        await withCorrelationId('c-91aa', async () => log.info('inside'));
        log.info('outside');
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

  it('records handled in parallel each keep their own id, also across awaits', async () => {
    capture = captureLogLines();
    const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    await Promise.all(
      ['c-1', 'c-2', 'c-3'].map((id) =>
        withCorrelationId(id, async () => {
          for (let step = 0; step < 3; step++) {
            await tick();
            log.info('step', { record: id });
          }
        }),
      ),
    );
    const lines = capture.lines();
    expect(lines).toHaveLength(9);
    for (const line of lines) expect(line.correlationId).toBe(line.record);
  });
});

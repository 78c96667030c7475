/** Fixture for function-needs.test.ts (the function-sdk-calls.ts detector) (never run): notifies from a callback, via a shorthand property → SendMessage. */
import { SQSClient } from '@aws-sdk/client-sqs';
import { FixtureNotifier } from './adapters.js';
import type { Notifier } from './ports.js';

async function notifyAll(deps: { notifier: Notifier }, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => deps.notifier.notify(id)));
}

const notifier = new FixtureNotifier(new SQSClient({}));

export const handler = async (event: { ids: string[] }): Promise<void> => {
  await notifyAll({ notifier }, event.ids);
};

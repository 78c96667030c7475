/** Fixture for code-needs.test.ts: a command re-exported by one of our modules is still an SDK command. */
export { SendMessageCommand } from '@aws-sdk/client-sqs';

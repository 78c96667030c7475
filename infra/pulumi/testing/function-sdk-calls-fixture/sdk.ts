/** Fixture for function-needs.test.ts (the function-sdk-calls.ts detector): a command re-exported by one of our modules is still an SDK command. */
export { SendMessageCommand } from '@aws-sdk/client-sqs';

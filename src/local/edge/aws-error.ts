/** An error that an edge service answers with in its protocol's AWS error format. */
export class AwsError extends Error {
  constructor(
    /** the AWS error code, e.g. `QueueDoesNotExist` */
    readonly code: string,
    message: string,
    readonly statusCode = 400,
    /** SQS's awsQuery-compatible code, e.g. `AWS.SimpleQueueService.NonExistentQueue` */
    readonly queryCode?: string,
  ) {
    super(message);
    this.name = code;
  }

  get senderFault(): boolean {
    return this.statusCode < 500;
  }
}

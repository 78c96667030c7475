/**
 * The publisher's configuration error: thrown when neither an endpoint nor enough AWS configuration says where
 * to publish. The message names what is missing and how to supply it; `cause` keeps the AWS SDK's own error.
 */
export class PublisherConfigError extends Error {
  override readonly name = 'PublisherConfigError';
  /** What is missing: `topicArn`, `region` or `credentials`. */
  readonly missing: 'topicArn' | 'region' | 'credentials';

  constructor(missing: PublisherConfigError['missing'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.missing = missing;
  }
}

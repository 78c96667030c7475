/**
 * Every number the virtual-time simulation models about AWS, in one place, each with where it comes from.
 * "Documented" numbers are AWS quotas or behaviour from the AWS developer guides (re-check them before quoting;
 * this machine cannot reach aws.amazon.com, the texts were read from stored copies on 2026-11-29).
 * "Assumed" numbers are latencies AWS does not publish: they are stated as assumptions, with the reasoning, and
 * every figure the simulation reports depends on them as described in docs/performance.md.
 */

export const AWS_MODEL = {
  connectionsApi: {
    /**
     * Documented: API Gateway account-level throttle, per account and region, shared by every API including the
     * `@connections` management API: 10,000 requests/s steady, 5,000 burst (API Gateway quotas page, "Throttle
     * quota per account, per Region across HTTP APIs, REST APIs, WebSocket APIs, and WebSocket callback APIs";
     * /work/shared/reference/aws-websocket-semantics.md "Quotas"). A throttled call answers 429
     * LimitExceededException.
     */
    accountRatePerSecond: 10_000,
    accountBurst: 5_000,
    /**
     * Assumed: round trip of one PostToConnection from a Lambda in the same region, lognormal with median 20 ms
     * and p99 ≈ 80 ms (sigma 0.6). Public write-ups report tens of milliseconds; AWS publishes no figure.
     */
    roundTripMedianMs: 20,
    roundTripSigma: 0.6,
    /** Assumed: a 429 is answered by the throttle before any routing, faster than a post (median 5 ms). */
    throttledRoundTripMedianMs: 5,
    /**
     * Measured here, not on AWS: CPU of one PostToConnection through the AWS SDK v3 client (signing, middleware,
     * serde, HTTP): 609 µs on this machine's EPYC core (bench/results/fanout.json, "CPU per delivery, direct
     * posts"). A 1,769 MB function has one vCPU (Lambda "memory and computing power" docs), so one invocation
     * can issue at most ≈ 1,600 posts/s however many it has in flight. Modeled as 0.6 ms per call.
     */
    sdkCpuPerCallMs: 0.6,
    /**
     * Documented: new connections per second, per account and region: 500, adjustable (API Gateway WebSocket
     * quotas). The storm target assumes it raised to 2,000/s.
     */
    newConnectionsPerSecond: 500,
    newConnectionsPerSecondRaised: 2_000,
  },
  sqs: {
    /**
     * Documented (Lambda developer guide, "Configuring scaling behavior for SQS event source mappings"): for
     * standard queues Lambda starts with 5 concurrent batches and adds up to 300 more instances per minute;
     * `scalingConfig.maximumConcurrency` (2–1,000) caps one mapping. Modeled as +5 every second while a backlog
     * remains.
     */
    initialConcurrency: 5,
    scaleUpPerMinute: 300,
    /** Documented: SendMessageBatch takes at most 10 entries; DelaySeconds 0–900 (SQS quotas). */
    maxDelaySeconds: 900,
    /** Assumed: SendMessage(Batch) / ReceiveMessage / DeleteMessageBatch round trip, median 8 ms (sigma 0.4). */
    requestMedianMs: 8,
    requestSigma: 0.4,
    /** Assumed: request payload transfer from a Lambda at 50 MB/s (a 256 KB batch adds ≈ 5 ms). */
    bytesPerMs: 50_000,
    /** Assumed: from a message becoming visible to the poller handing its batch to an invocation, 20 ms. */
    pollToInvokeMs: 20,
  },
  lambda: {
    /**
     * Documented: asynchronous invocation (SNS → Lambda) is retried twice on error or timeout, about 1 and
     * then 2 minutes later (Lambda developer guide, "Asynchronous invocation"). Modeled exactly so.
     */
    asyncRetryDelaysMs: [60_000, 120_000],
    /** Documented: billed duration rounds up to 1 ms; price per GB-second (bench/aws-prices.ts). */
    billingGranularityMs: 1,
    /**
     * Documented since 2025-08-01: the INIT phase of on-demand functions is billed like the handler. Assumed
     * length: 250 ms (bundle import 18–107 ms measured in bench/results/coldstart.json plus the runtime's own
     * start). Cold starts happen when an invocation needs more environments than the function had warm.
     */
    initMs: 250,
    /** Assumed: from SNS accepting a publish to the subscribed function starting, 50 ms. */
    snsToInvokeMs: 50,
  },
  dynamodb: {
    /** Documented: a Query page reads at most 1 MB before filtering (DynamoDB developer guide, "Query"). */
    pageBytes: 1_048_576,
    /**
     * Documented: one partition serves at most 3,000 read units/s and 1,000 write units/s (DynamoDB developer
     * guide, "Partitions and data distribution" / burst and adaptive capacity). An eventually consistent read
     * costs ½ unit per 4 KB, a write 1 unit per 1 KB.
     */
    partitionReadUnitsPerSecond: 3_000,
    partitionWriteUnitsPerSecond: 1_000,
    /** Assumed: single-item read/write round trip, median 4 / 6 ms (AWS: "single-digit milliseconds"). */
    readMedianMs: 4,
    writeMedianMs: 6,
    sigma: 0.3,
    /** Assumed: a Query page's transfer at 50 MB/s and SDK unmarshalling at 5 µs of CPU per item. */
    pageBytesPerMs: 50_000,
    unmarshallCpuPerItemMs: 0.005,
    /**
     * Assumed: how long the SDK's throttling retries (and the table adapter's UnprocessedItems retries) keep a
     * throttled request waiting before it fails with a StorageError: 2 s.
     */
    throttleGiveUpMs: 2_000,
  },
  sns: {
    /** Documented: 256 KB maximum message size (SNS quotas). */
    maxMessageBytes: 262_144,
  },
} as const;

export type AwsModel = typeof AWS_MODEL;

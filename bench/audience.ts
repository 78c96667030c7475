/**
 * Benchmark 1 — finding a topic's audience.
 *
 * Loads N connections as the rows of docs/design.md §2 (a `conn#…/meta` row and a `user#…` row per
 * connection; 1%, 10% or all of them (one table each) also subscribe to one topic and get a `topic#{realm}#{topic}[#k]` row in one of
 * the topic's partitions, x-topic.partitions in the contract), then finds that topic's subscribers two ways
 * on the same table:
 *   - ours: one Query per partition on `pk = topic#{realm}#{topic}[#k]` (filter `expiresAt > now`), each
 *     following LastEvaluatedKey, exactly the keys the product's connection store writes and reads;
 *   - baseline: a Scan of the table with a filter, as the AWS sample (simple-websockets-chat-app) broadcasts.
 * Read units come from `ReturnConsumedCapacity: 'TOTAL'` as dynalite reports them (it applies DynamoDB's
 * rule: per page, the summed size of the items read rounded up to 4 KB, eventually consistent = half a
 * unit); we cross-check with our own item-size arithmetic.
 */
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DeleteTableCommand,
  type DynamoDBClient,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { topicRegistry } from '../generated/index.js';
import { partitionOf, topicPartition } from '../src/adapters/table-keys.js';
import { createTable, startLocalDynamo } from '../src/adapters/testing/local-dynamodb.js';
import { widestTopic } from '../test/support/contract-picks.js';
import { mapLimit, round } from './lib/stats.js';
import { type Benchmark, type BenchOptions, type Figure, ratioOf } from './lib/types.js';

const TABLE_PREFIX = 'bench-audience';
const REALM = 'acme';
/** The open topic with the most partition keys in the contract (its largest expected audience). */
const TOPIC = widestTopic;
/** The topic's partition count in the contract: the product spreads its rows over this many keys. */
const PARTITIONS = topicRegistry[TOPIC].partitions;
const TOPIC_PK = topicPartition(REALM, TOPIC);
/** Shares of the connections subscribed to the topic: 1 in 100 (the size series), 1 in 10, every one. */
const SUBSCRIBED_EVERY = [100, 10, 1] as const;

interface LookupMeasure {
  itemsRead: number;
  itemsMatched: number;
  readUnits: number;
  computedReadUnits: number;
  pages: number;
  ms: number;
}

interface SizeMeasure {
  /** Percent of the connections subscribed to the topic. */
  subscribedPercent: number;
  connections: number;
  tableItems: number;
  subscribers: number;
  loadMs: number;
  query: LookupMeasure;
  scan: LookupMeasure;
}

/** A 16-character API Gateway style connection id (base64, ending in `=`). */
function connectionId(i: number): string {
  const raw = Buffer.alloc(11);
  raw.writeUInt32BE(i, 0);
  raw.writeUInt32BE((i * 2654435761) >>> 0, 4);
  raw.writeUInt16BE(0x4d2a, 8);
  raw.writeUInt8(0x11, 10);
  return `${raw.toString('base64').slice(0, 15)}=`;
}

type Plain = string | number | Plain[];
type Row = Record<string, Plain | Record<string, number>>;

/** Marshals the plain rows of this benchmark (strings, numbers, lists, maps of numbers) into DynamoDB attribute values. */
function marshallRow(row: Row): Record<string, AttributeValue> {
  const toAttr = (v: Plain): AttributeValue =>
    typeof v === 'string' ? { S: v } : typeof v === 'number' ? { N: String(v) } : { L: v.map(toAttr) };
  const toValue = (v: Plain | Record<string, number>): AttributeValue =>
    typeof v === 'object' && !Array.isArray(v)
      ? { M: Object.fromEntries(Object.entries(v).map(([k, n]) => [k, toAttr(n)])) }
      : toAttr(v);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toValue(v)]));
}

function rowsFor(i: number, connectedAt: number, expiresAt: number, subscribedEvery: number): Row[] {
  const id = connectionId(i);
  const userId = `user-${Math.floor(i / 2)}`; // two connections per user, like two open tabs
  const subscribed = i % subscribedEvery === 0;
  const meta: Row = {
    pk: `conn#${id}`,
    sk: 'meta',
    userId,
    realm: REALM,
    topics: subscribed ? [TOPIC] : [],
    connectedAt,
    expiresAt,
  };
  if (subscribed && PARTITIONS > 1) meta.topicPartitions = { [TOPIC]: PARTITIONS };
  const rows: Row[] = [meta, { pk: `user#${REALM}#${userId}`, sk: `conn#${id}`, connectedAt, expiresAt }];
  if (subscribed) {
    const pk = topicPartition(REALM, TOPIC, partitionOf(id, PARTITIONS));
    rows.push({ pk, sk: `conn#${id}`, userId, expiresAt });
  }
  return rows;
}

/** DynamoDB's documented item size: attribute names + values (strings UTF-8, numbers ~ digits/2 + 1, lists 3 + 1 per element). */
function attributeSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\.|^0+/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((s, v) => s + 1 + attributeSize(v), 0);
  if (value.M !== undefined)
    return (
      3 + Object.entries(value.M).reduce((s, [k, v]) => s + 1 + Buffer.byteLength(k) + attributeSize(v), 0)
    );
  return 0;
}

function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((s, [k, v]) => s + Buffer.byteLength(k) + attributeSize(v), 0);
}

/** Per page: ceil(bytes / 4 KB) × 0.5 (eventually consistent reads). */
function pageUnits(bytes: number): number {
  return Math.ceil(bytes / 4096) * 0.5;
}

type PageOutput = Awaited<ReturnType<LocalSend['query']>>;

/**
 * Follows `LastEvaluatedKey` to the end, summing what DynamoDB reports per page; `pageComputedUnits` is what
 * DynamoDB's pricing says the page costs, for when the local endpoint reports no consumed capacity.
 */
async function readAllPages(
  fetchPage: (startKey: Record<string, AttributeValue> | undefined, now: number) => Promise<PageOutput>,
  pageComputedUnits: (page: PageOutput) => number,
): Promise<LookupMeasure> {
  const start = performance.now();
  const m: LookupMeasure = {
    itemsRead: 0,
    itemsMatched: 0,
    readUnits: 0,
    computedReadUnits: 0,
    pages: 0,
    ms: 0,
  };
  let startKey: Record<string, AttributeValue> | undefined;
  const now = Math.floor(Date.now() / 1000);
  do {
    const page = await fetchPage(startKey, now);
    m.pages++;
    m.itemsRead += page.ScannedCount ?? 0;
    m.itemsMatched += page.Count ?? 0;
    m.readUnits += page.ConsumedCapacity?.CapacityUnits ?? Number.NaN;
    m.computedReadUnits += pageComputedUnits(page);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  m.ms = performance.now() - start;
  return m;
}

/** One paginated Query per partition of the topic, summed (each partition pays at least half a unit). */
async function queryAudience(send: LocalSend, table: string): Promise<LookupMeasure> {
  const total: LookupMeasure = {
    itemsRead: 0,
    itemsMatched: 0,
    readUnits: 0,
    computedReadUnits: 0,
    pages: 0,
    ms: 0,
  };
  for (let partition = 0; partition < PARTITIONS; partition++) {
    const pk = topicPartition(REALM, TOPIC, partition);
    const m = await readAllPages(
      (startKey, now) =>
        send.query(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            FilterExpression: 'expiresAt > :now',
            ExpressionAttributeValues: { ':pk': { S: pk }, ':now': { N: String(now) } },
            ReturnConsumedCapacity: 'TOTAL',
            ExclusiveStartKey: startKey,
          }),
        ),
      // All items read pass the filter here (nothing expired), so the returned items are the items read.
      (page) => pageUnits((page.Items ?? []).reduce((s, it) => s + itemSize(it), 0)),
    );
    for (const key of Object.keys(total) as (keyof LookupMeasure)[]) total[key] += m[key];
  }
  return total;
}

async function scanAudience(send: LocalSend, table: string, itemBytesTotal: number): Promise<LookupMeasure> {
  const m = await readAllPages(
    (startKey, now) =>
      send.scan(
        new ScanCommand({
          TableName: table,
          // Every partition of the topic: the only keys in this table that begin with the topic's key.
          FilterExpression: 'begins_with(pk, :pk) AND expiresAt > :now',
          ExpressionAttributeValues: { ':pk': { S: TOPIC_PK }, ':now': { N: String(now) } },
          ReturnConsumedCapacity: 'TOTAL',
          ExclusiveStartKey: startKey,
        }),
      ),
    () => 0,
  );
  // A Scan pays for every item it reads, matched or not: the table's bytes in 1 MB pages.
  m.computedReadUnits = Math.ceil(itemBytesTotal / 4096) * 0.5;
  return m;
}

interface LocalSend {
  query(c: QueryCommand): ReturnType<LocalDynamoClient['send']>;
  scan(c: ScanCommand): ReturnType<LocalDynamoClient['send']>;
}
type LocalDynamoClient = {
  send(
    c: QueryCommand | ScanCommand,
  ): Promise<
    import('@aws-sdk/client-dynamodb').QueryCommandOutput &
      import('@aws-sdk/client-dynamodb').ScanCommandOutput
  >;
};

/** Loads `table` up to each size of `series` (growing it) and measures both lookups at each size. */
async function measureSeries(
  dynamo: DynamoDBClient,
  send: LocalSend,
  table: string,
  subscribedEvery: number,
  series: number[],
  deadline: number,
  options: BenchOptions,
  measures: SizeMeasure[],
): Promise<string | null> {
  const connectedAt = Date.now();
  const expiresAt = Math.floor(connectedAt / 1000) + 7800;
  const percent = 100 / subscribedEvery;
  let loaded = 0;
  let tableItems = 0;
  let tableBytes = 0;
  let loadMs = 0;
  for (const size of series) {
    const projected = (loadMs / Math.max(1, tableItems)) * (size * (2 + 1 / subscribedEvery) - tableItems);
    if (tableItems > 0 && Date.now() + projected * 1.3 > deadline) {
      return `stopped before ${size} connections at ${percent}% subscribed: loading would exceed the ${options.budgetMs / 1000} s budget`;
    }
    const loadStart = performance.now();
    const items: Record<string, AttributeValue>[] = [];
    for (let i = loaded; i < size; i++) {
      for (const row of rowsFor(i, connectedAt, expiresAt, subscribedEvery)) items.push(marshallRow(row));
    }
    const batches: Record<string, AttributeValue>[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    await mapLimit(batches, 8, async (batch) => {
      let pending = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('BatchWriteItem kept returning UnprocessedItems');
        const out = await dynamo.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    });
    for (const it of items) tableBytes += itemSize(it);
    tableItems += items.length;
    loaded = size;
    loadMs += performance.now() - loadStart;
    options.log(
      `audience: ${percent}% subscribed: loaded ${size} connections (${tableItems} items) in ${round(loadMs / 1000, 1)} s`,
    );
    const query = await queryAudience(send, table);
    const scan = await scanAudience(send, table, tableBytes);
    const subscribers = Math.ceil(size / subscribedEvery);
    if (query.itemsMatched !== subscribers || scan.itemsMatched !== subscribers) {
      throw new Error(
        `audience mismatch at ${size} (${percent}%): query ${query.itemsMatched}, scan ${scan.itemsMatched}, expected ${subscribers}`,
      );
    }
    measures.push({
      subscribedPercent: percent,
      connections: size,
      tableItems,
      subscribers,
      loadMs: round(loadMs),
      query,
      scan,
    });
    options.log(
      `audience: ${size} connections, ${percent}% subscribed: query ${query.readUnits} RCU / ${query.itemsRead} items, scan ${scan.readUnits} RCU / ${scan.itemsRead} items`,
    );
  }
  return null;
}

export const audienceBenchmark: Benchmark = {
  name: 'audience',
  title: "Finding a topic's audience (Query on topic key vs Scan)",
  async run(options: BenchOptions) {
    const deadline = Date.now() + options.budgetMs;
    const sizes = options.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
    const db = await startLocalDynamo(false, { maxAttempts: 5 });
    const notes: string[] = [];
    const measures: SizeMeasure[] = [];
    try {
      const client = db.client as unknown as LocalDynamoClient;
      const send: LocalSend = { query: (c) => client.send(c), scan: (c) => client.send(c) };
      for (const every of SUBSCRIBED_EVERY) {
        // The size series at 1%; 10% and 100% at the largest size only (the Query's cost follows the audience).
        const series = every === SUBSCRIBED_EVERY[0] ? sizes : sizes.slice(-1);
        const table = `${TABLE_PREFIX}-${every}`;
        await createTable(db.client, table);
        const stopped = await measureSeries(
          db.client,
          send,
          table,
          every,
          series,
          deadline,
          options,
          measures,
        );
        if (stopped) notes.push(stopped);
        // Free dynalite's memory before the next table.
        await db.client.send(new DeleteTableCommand({ TableName: table }));
        if (stopped) break;
      }
    } finally {
      await db.stop();
    }

    const figures: Figure[] = [];
    for (const m of measures) {
      const rcuRatio = ratioOf(m.query.readUnits, m.scan.readUnits, 'lower');
      // The ≥100× target is the 1%-subscribed case at 100k; 10% and 100% are reported as they are.
      const isTargetSize = m.connections === 100_000 && m.subscribedPercent === 1;
      const label = `${m.connections.toLocaleString('en-US')} connections, ${m.subscribedPercent}% subscribed`;
      figures.push({
        figure: `read units to find 1 topic's audience, ${label} (${m.subscribers.toLocaleString('en-US')} subscribers)`,
        value: m.query.readUnits,
        unit: 'RCU',
        baselineName: 'Scan + filter',
        baseline: m.scan.readUnits,
        ratio: rcuRatio === null ? null : round(rcuRatio, 1),
        better: 'lower',
        target: isTargetSize ? '≥100× fewer' : '—',
        pass: isTargetSize ? rcuRatio !== null && rcuRatio >= 100 : null,
      });
      figures.push({
        figure: `items read, ${label}`,
        value: m.query.itemsRead,
        unit: 'items',
        baselineName: 'Scan + filter',
        baseline: m.scan.itemsRead,
        ratio: round(m.scan.itemsRead / Math.max(1, m.query.itemsRead), 1),
        better: 'lower',
        target: '—',
        pass: null,
      });
    }
    // "Grows with subscribers, not with table size": RCU per subscriber stays flat across table sizes (1% series).
    const series = measures.filter((m) => m.subscribedPercent === 1);
    const perSub = series.map((m) => m.query.readUnits / m.subscribers);
    const perItemScan = series.map((m) => m.scan.readUnits / m.tableItems);
    if (series.length >= 2) {
      const first = series[0] as SizeMeasure;
      const last = series[series.length - 1] as SizeMeasure;
      const growthTable = last.tableItems / first.tableItems;
      const growthSubs = last.subscribers / first.subscribers;
      const growthQuery = last.query.readUnits / first.query.readUnits;
      const growthScan = last.scan.readUnits / first.scan.readUnits;
      figures.push({
        figure: `Query RCU growth ${first.connections}→${last.connections} connections at 1% (subscribers ×${round(growthSubs, 1)}, table ×${round(growthTable, 1)})`,
        value: round(growthQuery, 2),
        unit: '×',
        baselineName: 'Scan RCU growth',
        baseline: round(growthScan, 2),
        ratio: null,
        better: 'lower',
        target: '≤ subscriber growth',
        pass: growthQuery <= growthSubs * 1.5,
      });
      notes.push(
        `Query RCU per subscriber (1% series): ${perSub.map((v) => round(v, 4)).join(', ')}; Scan RCU per table item: ${perItemScan.map((v) => round(v, 4)).join(', ')}. Query RCU is rounded up to 0.5 per page, so at 10 subscribers it is the 0.5 floor.`,
      );
    }
    const everyone = measures.find((m) => m.subscribedPercent === 100);
    if (everyone) {
      notes.push(
        `When every connection subscribes, the Query reads every topic row and the Scan reads only the meta and user rows on top: the advantage falls to ${round(everyone.scan.readUnits / everyone.query.readUnits, 1)}× in read units (${round(everyone.scan.itemsRead / everyone.query.itemsRead, 1)}× in items). The Query's cost follows the audience; there is no cheaper way to read an audience that is the whole table.`,
      );
    }
    notes.push(
      'Read units as reported by dynalite (ReturnConsumedCapacity TOTAL), which applies DynamoDB\'s rule: per page, summed item sizes rounded up to 4 KB, eventually consistent = ½ unit. "computedReadUnits" in details is our own arithmetic from DynamoDB\'s documented item-size rules, as a cross-check.',
      `Table rows as in docs/design.md §2: per connection a conn#…/meta row and a user#… row; the subscribed ones (1%, 10% or 100%, one table each) also a topic#acme#${TOPIC}[#k] row in one of the topic's ${PARTITIONS} partitions (x-topic.partitions), all of which our lookup queries. At 1% the other 99% subscribe to nothing, which flatters the Scan (a real table would be larger).`,
    );
    return { figures, details: { measures }, notes };
  },
};

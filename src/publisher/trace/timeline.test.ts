import { describe, expect, it } from 'vitest';
import { TRACE_FORMAT, type TraceRecord } from '../../core/tracing.js';
import { sortHops, type TracedHop } from './timeline.js';

const at = '2026-11-29T12:00:00.123Z';
const hop = (fields: Partial<TraceRecord> & Pick<TraceRecord, 'hop'>): TracedHop => ({
  record: { trace: TRACE_FORMAT, at, messageId: 'm1', ...fields },
});
const order = (hops: TracedHop[]) =>
  sortHops(hops).map(({ record }) => (record.store ? `${record.hop}:${record.store}` : record.hop));

describe('sortHops: hops written in the same millisecond', () => {
  it('a user message: routed, posted, then stored in the inbox, whatever the read order', () => {
    const hops = [
      hop({ hop: 'stored', store: 'inbox', result: 'stored' }),
      hop({ hop: 'posted', result: 'gone' }),
      hop({ hop: 'routed', audience: 1 }),
      hop({ hop: 'published' }),
    ];
    expect(order(hops)).toEqual(['published', 'routed', 'posted', 'stored:inbox']);
  });

  it('a topic message: its history is written before it is routed', () => {
    const hops = [
      hop({ hop: 'routed', audience: 0 }),
      hop({ hop: 'stored', store: 'history', result: 'stored' }),
    ];
    expect(order(hops)).toEqual(['stored:history', 'routed']);
  });

  it('time comes first', () => {
    const later = hop({ hop: 'published' });
    later.record.at = '2026-11-29T12:00:00.124Z';
    expect(order([later, hop({ hop: 'dead-lettered' })])).toEqual(['dead-lettered', 'published']);
  });
});

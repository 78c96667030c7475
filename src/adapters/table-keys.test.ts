import { describe, expect, it } from 'vitest';
import { keys, partitionOf, topicPartition } from './table-keys.js';

describe('topic partition keys', () => {
  it('keeps the one-partition layout as partition 0', () => {
    expect(topicPartition('acme', 'news')).toBe('topic#acme#news');
    expect(topicPartition('acme', 'news', 0)).toBe('topic#acme#news');
    expect(topicPartition('acme', 'news', 3)).toBe('topic#acme#news#3');
    expect(keys.topicConnection('acme', 'news', 'c1=')).toEqual({ pk: 'topic#acme#news', sk: 'conn#c1=' });
  });

  it('puts a connection in a stable partition below the count', () => {
    for (const id of ['a=', 'kIwv0+5UjweWhCo=', 'ZUyYgT04c2mCOBs=']) {
      expect(partitionOf(id, 1)).toBe(0);
      const p = partitionOf(id, 7);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(7);
      expect(partitionOf(id, 7)).toBe(p);
    }
  });

  it('spreads connection ids evenly enough', () => {
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8000; i++) {
      const partition = partitionOf(`conn-${i.toString(36)}=`, 8);
      counts[partition] = (counts[partition] ?? 0) + 1;
    }
    // 1,000 expected per partition; FNV-1a keeps every one within 15%.
    expect(Math.min(...counts)).toBeGreaterThan(850);
    expect(Math.max(...counts)).toBeLessThan(1150);
  });
});

import { describe, expect, it } from 'vitest';
import { generateFeed } from '../../bench/generate-feed.js';
import { parseFeed } from '../../src/ingest/parse-feed.js';

describe('generateFeed', () => {
  it('writes a well-formed feed of the requested size that the ingester reads without flaws', async () => {
    const feed = generateFeed({ entries: 60, bytes: 60 * 2600, seed: 2 });
    expect(Buffer.byteLength(feed.xml)).toBeGreaterThan(60 * 2600 * 0.9);
    expect(Buffer.byteLength(feed.xml)).toBeLessThan(60 * 2600 * 1.1);
    const parsed = await parseFeed(feed.xml, feed.url);
    expect(parsed.flaws).toEqual([]);
    expect(parsed.entries).toHaveLength(60);
    expect(parsed.entries.every((entry) => entry.link?.startsWith('https://') && entry.published !== undefined)).toBe(true);
  });

  it('repeats some stories, by guid or (without a guid) by link with tracking parameters, for dedupe to find', async () => {
    const feed = generateFeed({ entries: 200, bytes: 200 * 600, seed: 1 });
    const { entries } = await parseFeed(feed.xml, feed.url);
    // A repeat shares its guid, or its link without tracking parameters, with an earlier entry.
    const seen = new Set<string>();
    let repeats = 0;
    for (const entry of entries) {
      const keys = [entry.id, entry.link?.replace(/\?utm_.*$/, '')].filter((key): key is string => key !== undefined);
      if (keys.some((key) => seen.has(key))) repeats += 1;
      for (const key of keys) seen.add(key);
    }
    expect(feed.duplicates).toBeGreaterThan(0);
    expect(repeats).toBe(feed.duplicates);
    expect(entries.some((entry) => entry.id === undefined && entry.link?.includes('utm_source='))).toBe(true);
  });

  it('is reproducible: the same seed gives the same text', () => {
    expect(generateFeed({ entries: 20, bytes: 20 * 1000, seed: 5 }).xml).toBe(generateFeed({ entries: 20, bytes: 20 * 1000, seed: 5 }).xml);
    expect(generateFeed({ entries: 20, bytes: 20 * 1000, seed: 6 }).xml).not.toBe(generateFeed({ entries: 20, bytes: 20 * 1000, seed: 5 }).xml);
  });
});

import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/ingest/feed-dates.js';

describe('parseFeedDate', () => {
  it('reads RFC 822 dates, keeping the day as written in the feed\'s time zone', () => {
    expect(parseFeedDate('Tue, 05 Mar 2024 01:30:00 +0300')).toEqual({ instant: '2024-03-04T22:30:00.000Z', day: '2024-03-05' });
    expect(parseFeedDate('5 Mar 2024 10:00 MSK')).toEqual({ instant: '2024-03-05T07:00:00.000Z', day: '2024-03-05' });
    expect(parseFeedDate('Tuesday, 05 March 24 10:00:00 EST')?.instant).toBe('2024-03-05T15:00:00.000Z');
  });

  it('reads ISO dates; without a zone they are UTC', () => {
    expect(parseFeedDate('2024-03-05T10:00:00+03:00')?.instant).toBe('2024-03-05T07:00:00.000Z');
    expect(parseFeedDate('2024-03-05 10:00:00')?.instant).toBe('2024-03-05T10:00:00.000Z');
    expect(parseFeedDate('2024-03-05')).toEqual({ instant: '2024-03-05T00:00:00.000Z', day: '2024-03-05' });
  });

  it('returns undefined for text that is not a date, and for impossible days', () => {
    expect(parseFeedDate('yesterday')).toBeUndefined();
    expect(parseFeedDate('')).toBeUndefined();
    expect(parseFeedDate(undefined)).toBeUndefined();
    expect(parseFeedDate('2024-04-31')).toBeUndefined();
    expect(parseFeedDate('Tue, 05 Mar 2024 10:00:00 XYZ')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../src/ingest/decode-feed.js';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { fixtureBytes } from './fixtures.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeFeed', () => {
  it('decodes a windows-1251 feed declared in the XML declaration into Cyrillic', async () => {
    const decoded = decodeFeed(fixtureBytes('cp1251.xml'), 'application/rss+xml');
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.flaws).toEqual([]);
    const { entries } = await parseFeed(decoded.text, 'https://vestnik.example/rss');
    expect(entries[0]!.title).toBe('Правительство продлило санкции против импорта — Вестник Примера');
  });

  it('decodes KOI8-R named in the Content-Type header', () => {
    const decoded = decodeFeed(fixtureBytes('koi8r.xml'), 'text/xml; charset=KOI8-R');
    expect(decoded.encoding).toBe('koi8-r');
    expect(decoded.text).toContain('Правительство продлило санкции');
  });

  it('prefers the header over the XML declaration', () => {
    const decoded = decodeFeed(fixtureBytes('koi8r.xml'), 'text/xml; charset="windows-1251"');
    expect(decoded.encoding).toBe('windows-1251');
  });

  it('reads valid UTF-8 as UTF-8 whatever the declaration says, and reports the mismatch', () => {
    const bytes = utf8('<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Новости</title></channel></rss>');
    const decoded = decodeFeed(bytes, 'application/xml; charset=iso-8859-1');
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('Новости');
    expect(decoded.flaws.join(' ')).toMatch(/declared as iso-8859-1 but the bytes are UTF-8/);
  });

  it('honours a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss>Ё</rss>', 'utf16le')]);
    expect(decodeFeed(bytes).text).toBe('<rss>Ё</rss>');
  });

  it('guesses windows-1251 for undeclared Russian bytes and says it guessed', () => {
    const bytes = fixtureBytes('cp1251.xml').toString('latin1').replace(' encoding="windows-1251"', '');
    const decoded = decodeFeed(Buffer.from(bytes, 'latin1'));
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toContain('санкции');
    expect(decoded.flaws.join(' ')).toMatch(/a guess/);
  });

  it('falls back when the declared UTF-8 is wrong', () => {
    const decoded = decodeFeed(fixtureBytes('cp1251.xml'), 'text/xml; charset=utf-8');
    expect(decoded.encoding).toBe('windows-1251');
    expect(decoded.text).toContain('санкции');
  });
});

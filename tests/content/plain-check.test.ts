import { describe, expect, it } from 'vitest';
import { plainIssueFrontMatter, plainItemFrontMatter } from '../../src/content/plain-check.js';
import { issueFrontMatterSchema, itemFrontMatterSchema } from '../../src/content/schema.js';

/** Values to put in any field: good ones of every kind, and every way of being wrong we could think of. */
const VALUES: unknown[] = [
  'Reuters', '  Padded text  ', '', '   ', 'draft', 'published', 'final', '2020-01-13', '2019-02-30', '2020-1-3', '0050-01-01',
  'https://www.reuters.com/world/story?utm_source=x#top', 'http://example.org', 'ftp://example.org/file', 'javascript:alert(1)',
  'www.example.org/no-scheme', ' https://example.org/', 'https://exa mple.org/', 'http://999.999.999.999/',
  0, 1, 2359, -3, 1.5, 2 ** 53, Number.NaN, null, true, [], ['Russia'], ['  China ', 'Russia'], ['Russia', ''], ['Russia', 3],
  {}, { publication: 'Reuters' },
];
const SOURCES: unknown[] = [
  [{ publication: 'Reuters', date: '2020-01-03' }],
  [{ date: '2020-01-03', url: 'https://www.reuters.com/a', publication: ' The Moscow Times ' }, { publication: 'AP', date: '2019-12-31' }],
  [{ publication: 'Reuters', date: '2020-01-03', url: 'ftp://x.org' }],
  [{ publication: 'Reuters', date: '2020-01-03', extra: 1 }],
  [{ publication: '', date: '2020-01-03' }],
  [{ publication: 'Reuters' }],
  [{ publication: 'Reuters', date: '2020-02-30' }],
  [], 'Reuters', [null], [['Reuters']],
];

/** A valid front matter with each field set to each value in turn, then seeded mixes: fields dropped, replaced, added, reordered. */
function* variations(valid: Record<string, unknown>, fields: string[], count: number): Generator<unknown> {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  yield valid;
  for (const field of fields) {
    for (const value of [...VALUES, ...(field === 'sources' ? SOURCES : [])]) yield { ...valid, [field]: value };
  }
  for (let index = 0; index < count; index++) {
    const entries = Object.entries(valid).filter(() => next(8) !== 0);
    for (let change = next(3); change > 0; change--) {
      const field = fields[next(fields.length)]!;
      const pool = field === 'sources' && next(3) > 0 ? SOURCES : VALUES;
      entries.push([field, pool[next(pool.length)]]);
    }
    if (next(20) === 0) entries.push(['unknown', 'x']);
    if (next(2) === 0) entries.reverse();
    yield Object.fromEntries(entries);
  }
  yield null;
  yield [];
  yield 'headline: not a mapping';
}

function compare(plain: (data: unknown) => unknown, schema: typeof itemFrontMatterSchema | typeof issueFrontMatterSchema, data: unknown): boolean {
  const sure = plain(data);
  if (sure === undefined) return false;
  const parsed = schema.safeParse(data);
  expect(parsed.success, JSON.stringify(data)).toBe(true);
  expect(sure, JSON.stringify(data)).toStrictEqual(parsed.data);
  expect(JSON.stringify(sure)).toBe(JSON.stringify(parsed.data));
  return true;
}

describe('the plain check of front matter', () => {
  it('gives what the item schema gives, whenever it is sure', () => {
    const valid = { headline: ' Moscow backs breathing room ', section: 'security', categories: ['China'], sources: SOURCES[1] };
    const fields = ['headline', 'section', 'categories', 'sources'];
    let sure = 0;
    for (const data of variations(valid, fields, 5000)) if (compare(plainItemFrontMatter, itemFrontMatterSchema, data)) sure++;
    expect(sure).toBeGreaterThan(400);
  });

  it('gives what the issue schema gives, whenever it is sure', () => {
    const valid = { number: 2359, date: '2020-01-13', author: 'Margot van Loon', status: 'published', preheader: ' Sanctions relief ' };
    const fields = ['number', 'date', 'author', 'status', 'categories', 'preheader', 'subject'];
    let sure = 0;
    for (const data of variations(valid, fields, 5000)) if (compare(plainIssueFrontMatter, issueFrontMatterSchema, data)) sure++;
    expect(sure).toBeGreaterThan(400);
  });

  it('is sure of the usual front matter', () => {
    expect(plainItemFrontMatter({ headline: 'A', sources: [{ publication: 'Reuters', date: '2020-01-03' }] })).toEqual({
      headline: 'A', categories: [], sources: [{ publication: 'Reuters', date: '2020-01-03' }],
    });
    expect(plainIssueFrontMatter({ number: 1, date: '2020-01-06', author: ['Ada', 'Bo'] })).toEqual({
      number: 1, date: '2020-01-06', author: ['Ada', 'Bo'], status: 'draft',
    });
  });

  it.each([
    ['an unknown key', { headline: 'A', sources: [{ publication: 'R', date: '2020-01-03' }], category: ['Russia'] }],
    ['an empty headline', { headline: '  ', sources: [{ publication: 'R', date: '2020-01-03' }] }],
    ['a null section', { headline: 'A', section: null, sources: [{ publication: 'R', date: '2020-01-03' }] }],
    ['a source URL that is not http(s)', { headline: 'A', sources: [{ publication: 'R', date: '2020-01-03', url: 'javascript:alert(1)' }] }],
    ['no sources', { headline: 'A', sources: [] }],
  ])('leaves %s to the schema', (_name, data) => {
    expect(plainItemFrontMatter(data)).toBeUndefined();
  });
});

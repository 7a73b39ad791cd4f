import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Config, Source } from '../../src/config/schema.js';
import { draftCandidate } from '../../src/ingest/draft-candidate.js';
import { outletEntry } from '../../src/ingest/outlet-entry.js';
import { tidyHeadline } from '../../src/ingest/headline.js';
import { htmlToText } from '../../src/ingest/html-text.js';
import { entryKey } from '../../src/ingest/identity.js';
import { splitSentences, wordsOf } from '../../src/ingest/sentences.js';
import { storySlug } from '../../src/core/story-slug.js';
import { suggestCategories } from '../../src/ingest/suggest-categories.js';
import { summarise } from '../../src/ingest/summarise.js';
import type { FeedEntry } from '../../src/ingest/types.js';

const CATEGORIES = ['Democracy and Governance', 'Economic Sanctions', 'Human Rights and Humanitarian Issues', 'China', 'North Korea', 'Russia'];
const TERMS: Record<string, string[]> = {
  'Economic Sanctions': ['sanctions', 'embargo', 'санкци*'],
  'North Korea': ['Pyongyang', 'Kim Jong Un', 'КНДР', 'Пхеньян*'],
  'Human Rights and Humanitarian Issues': ['human rights', 'foreign agent', 'правозащит*'],
  China: ['Beijing', 'Китай', 'Китая', 'Китаем'],
};

describe('splitSentences', () => {
  it('splits English without breaking at titles and initials', () => {
    expect(splitSentences('Mr. Petrov met Gen. Ivanov on Monday. V. Putin spoke later! Did it matter? Yes.')).toEqual([
      'Mr. Petrov met Gen. Ivanov on Monday.', 'V. Putin spoke later!', 'Did it matter?', 'Yes.',
    ]);
  });

  it('splits Russian, keeping abbreviations and initials inside the sentence', () => {
    expect(splitSentences('Решение принято в 2024 г. Т.е. запрет сохранится. В. Путин подписал указ. «Это важно», — сказал он.')).toEqual([
      'Решение принято в 2024 г.', 'Т.е. запрет сохранится.', 'В. Путин подписал указ.', '«Это важно», — сказал он.',
    ]);
  });

  it('treats paragraphs as boundaries', () => {
    expect(splitSentences('First paragraph without stop\n\nSecond one.')).toEqual(['First paragraph without stop', 'Second one.']);
  });
});

describe('summarise', () => {
  const article = [
    'The finance ministry on Tuesday widened a payment channel that lets grain exporters settle contracts despite sanctions.',
    'Officials said the change covers banks in three partner countries.',
    'The weather in Moscow was mild.',
    'Exporters had complained for months that grain payments were stuck for weeks under sanctions.',
    'The post Grain payments appeared first on Capital Ledger.',
  ].join(' ');

  it('keeps the lead, picks 2-4 sentences within 120 words, in the article order, without boilerplate', () => {
    const summary = summarise(article, 'Finance ministry widens sanctions workaround for grain exporters');
    const sentences = splitSentences(summary);
    expect(sentences[0]).toMatch(/^The finance ministry on Tuesday/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
    expect(wordsOf(summary).length).toBeLessThanOrEqual(120);
    expect(summary).not.toMatch(/appeared first/);
  });

  it('stays within 120 words on a long article', () => {
    const long = Array.from({ length: 30 }, (_, index) => `Sentence number ${index} describes another long detail of the budget debate in the Duma today.`).join(' ');
    expect(wordsOf(summarise(long, 'Budget debate')).length).toBeLessThanOrEqual(120);
  });

  it('summarises Russian text', () => {
    const text = 'Правительство во вторник продлило ответные санкции ещё на год. Решение касается продуктов из стран Евросоюза. Эксперты ожидают роста цен на сыр.';
    const summary = summarise(text, 'Правительство продлило санкции');
    expect(summary.startsWith('Правительство во вторник продлило')).toBe(true);
    expect(splitSentences(summary).length).toBeGreaterThanOrEqual(2);
  });
});

describe('suggestCategories', () => {
  it('matches terms on word boundaries, in any case, in config order', () => {
    const story = { title: 'Moscow backs relief for Pyongyang', text: 'Russia and China want SANCTIONS eased.' };
    expect(suggestCategories(story, CATEGORIES, TERMS)).toEqual(['Economic Sanctions', 'China', 'North Korea', 'Russia']);
  });

  it('does not match inside other words', () => {
    const story = { title: 'Chinaware exports', text: 'Russian porcelain makers and chinaware.' };
    expect(suggestCategories(story, CATEGORIES, TERMS)).toEqual([]);
  });

  it('matches Cyrillic terms, with a trailing * as a prefix', () => {
    const story = { title: 'Правительство продлило санкции', text: 'Делегация КНДР прибыла из Пхеньяна. Правозащитники протестуют.' };
    expect(suggestCategories(story, CATEGORIES, TERMS)).toEqual(['Economic Sanctions', 'Human Rights and Humanitarian Issues', 'North Korea']);
  });
});

describe('headline, slug, identity, text', () => {
  it('tidies headlines', () => {
    expect(tidyHeadline('Duma passes budget - The Moscow Times', ['The Moscow Times'])).toBe('Duma passes budget');
    expect(tidyHeadline('Duma passes budget | Ledger Online', [])).toBe('Duma passes budget');
    expect(tidyHeadline('Navy holds drills.', [])).toBe('Navy holds drills');
    expect(tidyHeadline('Talks stall - again', ['Reuters'])).toBe('Talks stall - again');
    expect(tidyHeadline('Wait for it...', [])).toBe('Wait for it...');
  });

  it('makes ASCII slugs, transliterating Russian', () => {
    expect(storySlug('Правительство продлило санкции')).toBe('pravitelstvo-prodlilo-sanktsii');
    expect(storySlug('Moscow backs breathing room for Pyongyang!')).toBe('moscow-backs-breathing-room-for-pyongyang');
    expect(storySlug('a'.repeat(30) + ' ' + 'b'.repeat(40)).length).toBeLessThanOrEqual(60);
  });

  it('identifies entries by id, else normalised link, else title and date', () => {
    const base: FeedEntry = { id: undefined, title: 'T', link: undefined, published: undefined, unreadableDate: undefined, author: undefined, html: '', categories: [] };
    expect(entryKey({ ...base, id: 'g-1', link: 'https://a.example/x' })).toBe('id:g-1');
    expect(entryKey({ ...base, link: 'https://www.a.example/x/?utm_source=rss#top' })).toBe(entryKey({ ...base, link: 'https://a.example/x' }));
    expect(entryKey({ ...base, published: { instant: '2024-03-05T00:00:00.000Z', day: '2024-03-05' } })).toBe('title:t|2024-03-05');
  });

  it('strips HTML to paragraphs of text, dropping figures and scripts', () => {
    expect(htmlToText('<p>One&nbsp;two &amp; three.</p><figure><figcaption>Photo</figcaption></figure><script>x()</script><p>Four<br>five</p>')).toBe('One two & three.\n\nFour\n\nfive');
  });
});

describe('draftCandidate', () => {
  const config = { categories: CATEGORIES, categoryTerms: TERMS } as unknown as Config;
  const source: Source = { name: 'Capital Ledger', style: 'periodical' };
  const now = new Date('2024-03-06T12:00:00Z');
  const entry: FeedEntry = {
    id: 'ledger-1', title: 'Grain exporters get a "sanctions" workaround: details - Capital Ledger', link: 'https://ledger.example/news/1',
    published: { instant: '2024-03-05T06:30:00.000Z', day: '2024-03-05' }, unreadableDate: undefined, author: undefined,
    html: '<p>The finance ministry widened a payment channel for grain exporters. Officials said banks in three countries are covered.</p>', categories: [],
  };

  it('writes the item format with status: candidate, quote-safe YAML and a dated file name', () => {
    const candidate = draftCandidate([outletEntry(entry, source, 'Capital Ledger')], { config, now });
    expect(candidate.fileName).toBe('2024-03-05-grain-exporters-get-a-sanctions-workaround-details.md');
    const [, yaml, body] = candidate.text.split(/^---$/m);
    expect(parse(yaml!)).toEqual({
      headline: 'Grain exporters get a "sanctions" workaround: details',
      categories: ['Economic Sanctions'],
      sources: [{ publication: 'Capital Ledger', date: '2024-03-05', url: 'https://ledger.example/news/1' }],
      outlets: 1,
      status: 'candidate',
    });
    expect(body!.trim()).toBe('The finance ministry widened a payment channel for grain exporters. Officials said banks in three countries are covered.');
    expect(candidate.flags).toEqual([]);
  });

  it('flags a missing date and leaves it out rather than filling it in', () => {
    const candidate = draftCandidate([outletEntry({ ...entry, published: undefined, unreadableDate: 'soon' }, source, undefined)], { config, now });
    const data = parse(candidate.text.split(/^---$/m)[1]!);
    expect(data.sources[0].date).toBeUndefined();
    expect(data.flags[0]).toMatch(/no usable date.*"soon"/);
    expect(candidate.fileName.startsWith('undated-')).toBe(true);
  });

  it('flags a future date and keeps it as written', () => {
    const future = { instant: '2031-01-01T00:00:00.000Z', day: '2031-01-01' };
    const candidate = draftCandidate([outletEntry({ ...entry, published: future }, source, undefined)], { config, now });
    const data = parse(candidate.text.split(/^---$/m)[1]!);
    expect(data.sources[0].date).toBe('2031-01-01');
    expect(data.flags[0]).toMatch(/in the future/);
  });
});

import { describe, expect, it } from 'vitest';
import { chainStyles, type ElementFacts } from '../../src/render/email/chain-styles.js';
import type { TextCache } from '../../src/render/types.js';

const CSS = '\np { margin: 0 0 14px; } .item-headline { font-size: 16px; } .citation a { color: #1d1c1a; } a { color: #1d4b75; }';

function memoryCache(): TextCache & { texts: Map<string, string>; sets: number } {
  const texts = new Map<string, string>();
  return {
    texts,
    sets: 0,
    get: (key) => texts.get(key),
    set(key, text) {
      this.sets += 1;
      texts.set(key, text);
    },
  };
}

const element = (tag: string, classes: string[] = [], id?: string): ElementFacts => ({ tag, id, classes });

describe('chain styles (juice asked about an element and its ancestors)', () => {
  it('gives juice\'s style, cascade included', () => {
    const rules = chainStyles(CSS, undefined)!;
    expect(rules.styleFor([element('div'), element('p', ['citation']), element('a')])).toBe('color: #1d1c1a;');
    expect(rules.styleFor([element('div'), element('p'), element('a')])).toBe('color: #1d4b75;');
    expect(rules.styleFor([element('div'), element('span')])).toBe('');
  });

  it('asks once per chain of the ids and classes the CSS names (regression: one juice call per headline anchor)', () => {
    const cache = memoryCache();
    const rules = chainStyles(CSS, cache)!;
    for (const anchor of ['one', 'two', 'three']) {
      expect(rules.styleFor([element('div', ['item']), element('h2', ['item-headline', 'extra'], anchor)])).toBe('font-size: 16px;');
    }
    expect(cache.sets).toBe(1);
  });

  it('takes kept styles from the cache, and ignores a kept style that could break out of its attribute', () => {
    const cache = memoryCache();
    chainStyles(CSS, cache)!.styleFor([element('p')]);
    const [key, kept] = [...cache.texts][0]!;
    cache.texts.set(key, kept.replace('margin: 0 0 14px;', 'color: red;'));
    expect(chainStyles(CSS, cache)!.styleFor([element('p')])).toBe('color: red;');
    cache.texts.set(key, kept.replace('margin: 0 0 14px;', '\\"><script>alert(1)</script>'));
    expect(chainStyles(CSS, cache)!.styleFor([element('p')])).toBe('margin: 0 0 14px;');
  });

  it('declines CSS whose selectors look past ancestors', () => {
    expect(chainStyles(`${CSS} p + p { margin: 0; }`, undefined)).toBeUndefined();
    expect(chainStyles(`${CSS} a[href] { color: red; }`, undefined)).toBeUndefined();
    expect(chainStyles(`${CSS} a:hover { color: red; }`, undefined)).toBeDefined();
  });
});

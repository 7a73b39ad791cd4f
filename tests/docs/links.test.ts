import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The user's documentation lives in the repository: README.md and docs/. */
const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const DOCUMENTS = ['README.md', ...readdirSync(path.join(REPOSITORY, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

function read(file: string): string {
  return readFileSync(path.join(REPOSITORY, file), 'utf8');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading: string): string {
  return heading.replace(/\\/g, '').toLowerCase().replace(/[^\p{L}\p{N}\- ]/gu, '').replace(/ /g, '-');
}

function anchorsIn(file: string): Set<string> {
  return new Set([...read(file).matchAll(/^#+ (.*)$/gm)].map((match) => anchorOf(match[1]!)));
}

describe('documentation', () => {
  it('points at nothing outside the repository (a clone has no ../shared, /work or /tmp)', () => {
    for (const file of DOCUMENTS) {
      expect(read(file), file).not.toMatch(/\.\.\/shared|shared\/DESIGN|\/work\/|\]\(\/tmp\//);
    }
  });

  it('README links the reference in docs/', () => {
    expect(read('README.md')).toContain('](docs/README.md)');
  });

  it('has no link to a missing file or heading', () => {
    const broken: string[] = [];
    for (const file of DOCUMENTS) {
      for (const [, target = '', anchor] of read(file).matchAll(/\]\(([^)#\s]*)(?:#([^)\s]+))?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const linked = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        if (!existsSync(path.join(REPOSITORY, linked))) broken.push(`${file}: ${target}`);
        else if (anchor && linked.endsWith('.md') && !anchorsIn(linked).has(anchor)) broken.push(`${file}: ${target}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedStamps, collectStamps, type Stamps } from '../../src/site/input-stamps.js';
import { itemFile, writePublication } from '../helpers/sample-publication.js';

const sortedEntries = (stamps: Stamps) => Object.entries(stamps).sort(([a], [b]) => a.localeCompare(b));

/** Give a file or folder an mtime of its own, as an edit a moment later would (no waiting in tests). */
async function touch(file: string, seconds: number): Promise<void> {
  const when = new Date(Date.UTC(2030, 0, 1, 0, 0, seconds));
  await utimes(file, when, when);
}

describe('input stamps', () => {
  it('cover the settings, every issue file (read or not) and folder, the templates and monitor itself, but not candidates', async () => {
    const root = await writePublication({ 'issues/candidates/x.md': itemFile('A candidate'), 'issues/1/notes.txt': 'not an input' });
    const stamps = collectStamps(root);
    expect(stamps['monitor.config.yaml']).toEqual([expect.any(Number), expect.any(Number)]);
    expect(stamps['issues/1/01-first.md']).toBeTruthy();
    expect(stamps['issues/1']).toBeTruthy();
    expect(stamps.templates).toBe(0);
    expect(Object.keys(stamps).some((file) => file.includes('candidates'))).toBe(false);
    // A file the build does not read is an input all the same: the build warns about it.
    expect(stamps['issues/1/notes.txt']).toBeTruthy();
    expect(Object.keys(stamps).some((file) => path.isAbsolute(file) && file.endsWith('package.json'))).toBe(true);
    expect(changedStamps(root, stamps)).toBeUndefined();
  });

  it('count a build recorded by another installation of monitor as changed, though its files are unchanged', async () => {
    const root = await writePublication({});
    const elsewhere = await writePublication({});
    const stamps = collectStamps(root);
    // The same record with this installation's files swapped for another installation's (here, files of
    // another publication, which exist and keep their stamps).
    const other: Stamps = {};
    for (const [file, stamp] of Object.entries(stamps)) {
      if (!path.isAbsolute(file)) other[file] = stamp;
    }
    const foreign = path.join(elsewhere, 'monitor.config.yaml');
    other[foreign] = collectStamps(elsewhere)['monitor.config.yaml']!;
    expect(changedStamps(root, other)).toEqual(stamps);
  });

  const changes: Record<string, (root: string) => Promise<void>> = {
    'an edited item': async (root) => {
      await writeFile(path.join(root, 'issues/1/01-first.md'), itemFile('Edited headline'));
      await touch(path.join(root, 'issues/1/01-first.md'), 1);
    },
    'a new item': async (root) => {
      await writeFile(path.join(root, 'issues/2/03-new.md'), itemFile('A new item'));
      await touch(path.join(root, 'issues/2'), 2);
    },
    'a removed item': async (root) => {
      await rm(path.join(root, 'issues/2/02-governors.md'));
      await touch(path.join(root, 'issues/2'), 3);
    },
    'a new issue': async (root) => {
      await mkdir(path.join(root, 'issues/3'));
      await writeFile(path.join(root, 'issues/3/issue.md'), '---\nnumber: 3\n---\n');
      await touch(path.join(root, 'issues'), 4);
    },
    'a removed issue': async (root) => {
      await rm(path.join(root, 'issues/1'), { recursive: true });
      await touch(path.join(root, 'issues'), 5);
    },
    'a new templates folder': async (root) => {
      await mkdir(path.join(root, 'templates/partials'), { recursive: true });
      await writeFile(path.join(root, 'templates/partials/footer.hbs'), '<p>footer</p>');
    },
    'a removed sources file': async (root) => rm(path.join(root, 'feeds/sources.yaml')),
  };
  for (const [name, change] of Object.entries(changes)) {
    it(`notice ${name}, and then give what collecting them afresh gives`, async () => {
      const root = await writePublication();
      const before = collectStamps(root);
      await change(root);
      const changed = changedStamps(root, before);
      expect(changed).toBeDefined();
      expect(sortedEntries(changed!)).toEqual(sortedEntries(collectStamps(root)));
    });
  }
});

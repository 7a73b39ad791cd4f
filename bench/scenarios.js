/**
 * The scenarios of issue 6 with their targets, in the order they run. Build scenarios depend on the one
 * before: cold leaves a built site (and cache), no-change rebuilds it, one-item-edited edits and rebuilds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { clearOutput, editableItem } from './workspace.js';

/** @typedef {import('./timing.js').Scenario} Scenario */
/** @typedef {import('./workspace.js').Workspace} Workspace */

/**
 * @param {Workspace} workspace
 * @param {{ parse?: string, dedupe?: string }} ingest   specs of the ingester's functions, when exported
 * @param {{ deleteOutputs: boolean }} options   delete the previous output right before a cold run (else move it aside)
 * @returns {Scenario[]}
 */
export function createScenarios(workspace, ingest, { deleteOutputs }) {
  const clear = deleteOutputs ? 'rm -rf' : 'move aside';
  const root = workspace.publication;
  const build = { node: ['cli', 'build', '--root', root] };
  /** @type {ReturnType<typeof editableItem> | undefined} */
  let edited;
  /** @type {ReturnType<typeof editableItem> | undefined} */
  let newest;
  return [
    { name: 'baseline', shown: 'node -e ""', command: { external: [process.execPath, '-e', ''] }, note: 'bare Node start, for ratios' },
    { name: 'help', shown: 'monitor --help', target: { seconds: 0.15 }, command: { node: ['cli', '--help'] } },
    { name: 'validate', shown: 'monitor validate', target: { seconds: 0.8 }, command: { node: ['cli', 'validate', '--root', root] } },
    {
      name: 'build cold', shown: `${clear} dist .monitor-cache; monitor build`, target: { seconds: 1.5, rssMb: 300 }, command: build,
      before: () => {
        // dist.tmp-*: the temporary output of a build that was stopped at the time limit.
        const leftovers = readdirSync(root).filter((name) => name.startsWith('dist.tmp-'));
        for (const folder of ['dist', '.monitor-cache', ...leftovers]) clearOutput(workspace, path.join(root, folder), deleteOutputs);
      },
    },
    { name: 'build no-change', shown: 'monitor build (again)', target: { seconds: 0.2 }, command: build },
    {
      name: 'build one item edited', shown: 'append a word to one item; monitor build', target: { seconds: 0.3 }, command: build,
      before: () => {
        edited ??= editableItem(workspace);
        edited.appendWord();
      },
      after: () => edited?.restore(),
    },
    {
      // What an editor composing the next issue does: its item is in every feed, so they are rewritten too.
      name: 'build newest item edited', shown: 'append a word to an item of the newest issue; monitor build', target: { seconds: 0.3 }, command: build,
      before: () => {
        newest ??= editableItem(workspace, workspace.issues);
        newest.appendWord();
      },
      after: () => newest?.restore(),
    },
    ingestScenario(workspace, ingest),
    groupingScenario(),
    hugoScenario(workspace, clear, deleteOutputs),
  ];
}

/**
 * @param {Workspace} workspace
 * @param {{ parse?: string, dedupe?: string }} ingest
 * @returns {Scenario}
 */
function ingestScenario(workspace, ingest) {
  const megabytes = (workspace.feedBytes / 1e6).toFixed(1);
  return {
    name: 'ingest parse',
    shown: `parseFeed${ingest.dedupe ? ' + dedupe' : ''} of a ${megabytes} MB, 2,000-entry RSS feed`,
    target: { seconds: 0.5 },
    command: { node: ['ingest', workspace.feedFile, workspace.feedUrl, ingest.parse ?? '', ...(ingest.dedupe ? [ingest.dedupe] : [])] },
    unavailable: () => (ingest.parse ? undefined : 'lib/ingest/ exports no parseFeed yet'),
    note: ingest.dedupe
      ? `dedupe: ${ingest.dedupe}`
      : 'n/a: parse only (figures shown); lib/ingest/ exports no dedupe* function yet',
  };
}

/**
 * Issue 18's target: grouping the entries of a run into stories, for 5,000 entries (see group-stories.js).
 * @returns {Scenario}
 */
function groupingScenario() {
  return {
    name: 'grouping',
    shown: 'groupStories of 5,000 entries from 25 outlets over 30 days',
    target: { seconds: 1, rssMb: 300 },
    command: { node: ['group', '5000', '1'] },
    unavailable: () => (existsSync(new URL('../lib/ingest/group-stories.js', import.meta.url)) ? undefined : 'lib/ingest/ has no group-stories.js; run npm run compile'),
    note: 'synthetic entries; includes starting Node and generating them',
  };
}

/**
 * @param {Workspace} workspace
 * @param {string} clear
 * @param {boolean} deleteOutputs
 * @returns {Scenario}
 */
function hugoScenario(workspace, clear, deleteOutputs) {
  return {
    name: 'hugo',
    shown: `${clear} out; hugo --quiet (same archive, web pages only)`,
    command: { external: ['hugo', '--quiet', '-s', workspace.hugoSite, '-d', workspace.hugoOut] },
    unavailable: () => (hugoVersion() ? undefined : 'hugo is not on PATH (apt-get install -y hugo)'),
    before: () => clearOutput(workspace, workspace.hugoOut, deleteOutputs),
    note: hugoVersion(),
  };
}

/** @type {string | undefined | null} */
let cachedHugoVersion = null;

/** @returns {string | undefined} such as "hugo v0.111.3+extended linux/amd64", when installed */
function hugoVersion() {
  if (cachedHugoVersion === null) {
    const child = spawnSync('hugo', ['version'], { encoding: 'utf8' });
    cachedHugoVersion = child.status === 0 ? child.stdout.split(' BuildDate')[0]?.trim() : undefined;
  }
  return cachedHugoVersion;
}

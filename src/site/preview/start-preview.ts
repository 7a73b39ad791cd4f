import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../../config/read-config.js';
import { MonitorError } from '../../core/errors.js';
import type { Problem } from '../../core/problems.js';
import { buildSite } from '../build-site.js';
import { createEventHub, type EventHub } from './live-reload.js';
import { buildProblems } from './build-problems.js';
import type { PreviewStatus } from './preview-page.js';
import { createPreviewHandler } from './preview-server.js';
import { bundledPreviewTemplates, loadPreviewTemplates, type PreviewTemplates } from './preview-templates.js';
import { createRebuilder, type BuildOutcome } from './rebuild.js';
import { watchPublication } from './watch-publication.js';

/** How the preview builds: the site build's signature (swapped out in tests). */
export type PreviewBuild = (root: string, options: { out: string; drafts: boolean; listDrafts: boolean }) => Promise<unknown>;

export interface PreviewOptions {
  /** The publication folder. */
  root: string;
  /** Port on 127.0.0.1; 0 picks a free one. Default 4000. */
  port?: number;
  /** The issue whose preview page `issueUrl` names; default the newest built. */
  issue?: number;
  /** Quiet time after the last file event before rebuilding, in milliseconds. */
  debounceMs?: number;
  /** Progress lines (rebuilds, errors). */
  log?: (line: string) => void;
  build?: PreviewBuild;
}

/** A running preview. */
export interface Preview {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  /** The preview page of the chosen issue, or the preview index when there is none. */
  issueUrl: string;
  /** The temporary folder the preview builds into (removed by close). */
  out: string;
  /** Stop watching, end open event streams, stop the server and remove the preview's output. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Build the publication into a temporary folder, serve it with a preview page per issue, and rebuild and
 * reload open pages whenever the publication's files change. A failed build leaves the last good output
 * in place and shows its errors on every page.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const root = path.resolve(options.root);
  const log = options.log ?? (() => {});
  const folder = await mkdtemp(path.join(tmpdir(), 'monitor-preview-'));
  const out = path.join(folder, 'site');
  const hub = createEventHub();
  const { state, rebuilder, templates } = await setUpBuilds(root, out, options.build ?? buildSite, hub, log);
  // Watch before the first build, so that an edit made while it runs queues another build.
  const watcher = watchPublication(root, (file) => {
    log(`${file} changed; rebuilding`);
    rebuilder.request();
  }, options.debounceMs, log);
  rebuilder.request();
  await Promise.all([rebuilder.idle(), watcher.ready]);
  let origin = '';
  let port = 0;
  const server = createServer(createPreviewHandler({
    root, out, hub, status: () => state, templates, baseUrl: () => state.baseUrl, origin: () => origin, port: () => port,
  }));
  port = await listen(server, options.port ?? 4000).catch(async (error: unknown) => {
    await watcher.close();
    await rebuilder.idle();
    await rm(folder, { recursive: true, force: true });
    throw error;
  });
  origin = `http://${HOST}:${port}`;
  return {
    url: `${origin}/`,
    issueUrl: `${origin}/__preview/${options.issue ?? state.issues[0] ?? ''}`,
    out,
    async close() {
      await watcher.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rebuilder.idle();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

type PreviewState = PreviewStatus & { baseUrl: string | undefined };

/**
 * Set up the rebuilds into `out` (the first is requested by the caller); the state is what the pages show,
 * in the preview templates read before each build (templates/ is watched like the rest).
 */
async function setUpBuilds(root: string, out: string, build: PreviewBuild, hub: EventHub, log: (line: string) => void) {
  const state: PreviewState = { version: 0, problems: undefined, built: false, issues: [], baseUrl: undefined };
  const bundled = await bundledPreviewTemplates();
  let templates: PreviewTemplates = bundled;
  const rebuilder = createRebuilder(async () => {
    const started = performance.now();
    templates = await loadPreviewTemplates(root, bundled, log);
    // A draft's category links lead to pages that list it, as they will once it is published.
    await build(root, { out, drafts: true, listDrafts: true });
    state.issues = await builtIssues(out);
    state.baseUrl = (await readConfig(root)).value?.baseUrl;
    log(`built in ${Math.round(performance.now() - started)} ms`);
  }, (outcome) => settle(state, outcome, hub, log));
  return { state, rebuilder, templates: () => templates };
}

function settle(state: PreviewStatus, outcome: BuildOutcome, hub: EventHub, log: (line: string) => void): void {
  state.version += 1;
  if (outcome.ok) {
    state.problems = undefined;
    state.built = true;
  } else {
    state.problems = buildProblems(outcome.error, log);
    log(`build failed; still showing the last good build:\n${state.problems.map(describe).join('\n')}`);
  }
  hub.broadcast('reload', { version: state.version, ok: outcome.ok, problems: state.problems ?? [] });
}

function describe(problem: Problem): string {
  return `  ${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`;
}

/** Issue numbers in the output, newest first. */
async function builtIssues(out: string): Promise<number[]> {
  const names = await readdir(path.join(out, 'issues')).catch(() => [] as string[]);
  return names.filter((name) => /^\d+$/.test(name)).map(Number).sort((a, b) => b - a);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new MonitorError(`port ${port} on ${HOST} is in use; pass another with --port, such as --port ${port + 1}`));
      else if (error.code === 'EACCES') reject(new MonitorError(`not allowed to listen on port ${port}; pass a port above 1023 with --port`));
      else reject(error);
    });
    server.listen(port, HOST, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

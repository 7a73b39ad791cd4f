/**
 * monitor's programmatic interface, one stage after another:
 * files -> content -> compose -> render -> site, plus the ingester and the mail stage.
 */
export { MonitorError, ContentError, UsageError } from './core/errors.js';
export { formatProblem, type Problem, type Place } from './core/problems.js';
export { readConfig, readSources } from './config/read-config.js';
export type { Config, Section, Source } from './config/schema.js';
export { readPublication, validatePublication, loadPublication, checkPublication, type LoadOptions } from './content/index.js';
export type { Issue, Item, Publication, SourceRef } from './content/index.js';
export { composeIssue, composeSite, formatCitation, type ComposeOptions } from './compose/index.js';
export type * from './compose/types.js';
export { readTemplates, createRenderer } from './render/index.js';
export type { Renderer, RendererOptions, TemplateSources } from './render/types.js';
export { buildSite, type BuildOptions, type BuildSummary } from './site/index.js';
export { ingestFeeds, type IngestOptions, type IngestSummary } from './ingest/ingest-feeds.js';
export { acceptCandidate } from './ingest/accept-candidate.js';
export { parseFeed } from './ingest/parse-feed.js';
export { fetchFeed } from './ingest/fetch-feed.js';
export { decodeFeed } from './ingest/decode-feed.js';
export { composeMessage, buildRawMessage, sendMessage, writeEml } from './send/index.js';
export { main } from './cli/main.js';

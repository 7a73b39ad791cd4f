export { buildSite, type BuildOptions, type BuildSummary, type Rendering } from './build-site.js';
export type { BuildTotals } from './build-state.js';
export { findIssue } from './find-issue.js';
export { planSite, type PlanOptions, type PlannedIssue, type SitePlan } from './plan-site.js';
export { planFiles, renderFiles, type OutputFile, type PlannedFile } from './render-site.js';
export { writeSite, type WriteCounts, type WriteOptions } from './write-site.js';

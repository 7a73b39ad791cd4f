export { readPublication, CANDIDATES_FOLDER, type ReadResult } from './read-publication.js';
export { readIssueFile, readItemFile, readMarkdownFile, ITEM_FILE_NAME } from './read-issue.js';
export { checkPublication, normaliseStoryUrl } from './check-publication.js';
export { splitFrontMatter } from './front-matter.js';
export * from './schema.js';
export type * from './types.js';
export { loadPublication, validatePublication, type LoadOptions, type Validated } from './load-publication.js';
export { loadChangedIssues, readKnownIssues, type ChangedIssues, type ChangedLoadOptions, type KnownIssue } from './load-changed-issues.js';
export { issueToAddTo, nextItemFileName, writeNextItem, type TargetIssue } from './add-item.js';

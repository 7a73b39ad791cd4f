export { composeIssue, issuePath } from './compose-issue.js';
export { assembleSite, composedIssue, composeIssues, composeSite, publicationInfo, type ComposedIssues, type ComposeOptions } from './compose-site.js';
export { formatCitation } from './citation.js';
export { joinNames, slugify } from './slug.js';
export type * from './types.js';

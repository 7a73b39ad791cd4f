export { readTemplates, BUNDLED_TEMPLATES } from './read-templates.js';
export { createRenderer, DEFAULT_TEXT_WIDTH } from './create-renderer.js';
export { loadMjml as preloadMjml } from './mjml.js';
export { markdownToHtml } from './markdown.js';
export { markdownToText } from './plain-text.js';
export { sanitizeBodyHtml, stripTags } from './sanitize.js';
export { wrapText } from './wrap.js';
export { ISSUES_PER_PAGE } from './pages.js';
export type * from './types.js';

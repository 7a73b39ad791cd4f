export { renderFeeds, SITE_FEEDS, type FeedOptions } from './render-feeds.js';
export { categoryFeed, categoryIssues, categoryPath, feedIssues, siteFeed, FEED_LIMIT, type Feed, type FeedEntry, type IssueContent } from './feed-model.js';
export { compileFeedFormats, jsonFeed, FEED_TEMPLATES, type FeedFormats } from './write-formats.js';
export { cdata, rfc3339, rfc822, xmlSafe } from './feed-text.js';

export { startPreview, type Preview, type PreviewOptions, type PreviewBuild } from './start-preview.js';
export { EVENTS_PATH } from './live-reload.js';

export { composeMessage, messageId, TEST_PREFIX } from './compose-message.js';
export { buildRawMessage } from './build-message.js';
export { sendMessage, refusals } from './send-message.js';
export { resolveSmtpUrl, redactSmtpUrl, redactSecrets, SMTP_URL_VARIABLE } from './smtp-url.js';
export { readSentLog, appendSentLog, findEarlierSend, recipientsHash, SENT_LOG_FILE, type SentEntry, type SentLog } from './sent-log.js';
export { writeEml } from './write-eml.js';
export { readIssueEmail, type IssueEmail } from './read-issue-email.js';
export type * from './types.js';

/** A newsletter message ready to be built as RFC 5322 text, sent, or saved as .eml. Plain data. */
export interface OutgoingMessage {
  /** `Name <address>` from the config's email.from. */
  from: string;
  /** The config's email.replyTo, when set. */
  replyTo: string | undefined;
  /** Recipients, as given on the command line; empty for an exported message. */
  to: string[];
  /** The subject, prefixed `[TEST] ` for a proof. */
  subject: string;
  /** `<...@host-of-baseUrl>`, angle brackets included. */
  messageId: string;
  /** Date header. */
  date: Date;
  /** Extra headers, such as List-Unsubscribe, by name. */
  headers: Record<string, string>;
  /** The email HTML, exactly as the renderer produced it. */
  html: string;
  /** The plain-text alternative, exactly as the renderer produced it. */
  text: string;
}

/** The renderer's two outputs for one issue. */
export interface RenderedEmail {
  html: string;
  text: string;
}

/** What the composition needs besides the issue: who receives it and whether it is a proof. */
export interface MessageOptions {
  to: string[];
  /** A proof: the subject starts with `[TEST] `. */
  test?: boolean;
  /** The Date header and the time part of the Message-ID (default: now). */
  date?: Date;
  /** Headers added as they are, such as `X-Unsent` for an exported draft. */
  extraHeaders?: Record<string, string>;
}

/** What the SMTP server said about a message. */
export interface SendReport {
  accepted: string[];
  rejected: string[];
  /** The refused addresses with the server's reasons: `a@example.org (550 no such user)`. */
  refusals: string;
  /** The server's final reply, such as `250 OK: queued`. */
  response: string;
}

import { MonitorError } from '../core/errors.js';

/** A document that cannot be read as a feed at all. */
export class FeedError extends MonitorError {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

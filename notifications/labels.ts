// The words moved into the message catalogue; this keeps the old import path working.
export type { Lang } from './messages/catalogue.js';
export * from './messages/vocabulary.messages.js';

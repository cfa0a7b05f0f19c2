import mongoose from 'mongoose';

/**
 * Marks a query operator written by our own code as intended. sanitizeFilter is on for every query, so
 * an operator object that did not pass through here is treated as a plain value: that is what keeps
 * `{"$ne": null}` from a request body out of queries.
 */
export function op<T extends Record<string, unknown>>(operator: T): T {
  return mongoose.trusted(operator) as T;
}

/** A sentence as data: a catalogue code and its parameters, worded in the reader's language when the answer is sent. */
export interface Wording {
  code: string;
  params: object;
}

/** One detail of a failed request: which field, and what is wrong with it (`words`, when the catalogue has it). */
export interface ErrorDetail {
  path: string;
  message: string;
  words?: Wording;
}

/** The only error type routes and services throw on purpose; the error middleware turns it into the JSON error format. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** The sentence as catalogue data, for a code whose sentence depends on the case. */
    readonly words?: Wording,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** For a 429: how many seconds until a retry can succeed, sent as `Retry-After` so the screen can say how long to wait. */
  retryAfterSeconds?: number;

  retryAfter(seconds: number): this {
    this.retryAfterSeconds = Math.max(1, Math.ceil(seconds));
    return this;
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) =>
  new AppError(400, 'invalid_input', message, details);
export const unauthorized = (message = 'Authentication required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You may not do this') => new AppError(403, 'forbidden', message);
export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, details: ErrorDetail[] = []) => new AppError(409, 'conflict', message, details);
export const unprocessable = (code: string, message: string, details: ErrorDetail[] = []) =>
  new AppError(422, code, message, details);
export const tooManyRequests = (message = 'Too many requests, try again later') =>
  new AppError(429, 'rate_limited', message);
export const unavailable = (message = 'Service temporarily unavailable') => new AppError(503, 'unavailable', message);

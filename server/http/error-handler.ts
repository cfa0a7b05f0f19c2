import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { ZodError } from 'zod';
import { AppError, notFound, type ErrorDetail } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';

/** Turns a zod failure into error details, one per bad field, prefixed with where the field was. */
export function zodDetails(error: ZodError, prefix = ''): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
  }));
}

const unavailableNames = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (unavailableNames.has(err.name)) return true;
  // bufferCommands is off, so a model used while disconnected says so instead of queueing.
  return /before initial connection is complete|Client must be connected|connection .* closed/i.test(err.message);
}

/** Maps any thrown value to the one error format; unexpected ones are logged with the request id and answered 500. */
export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError(400, 'invalid_input', 'The request is not valid', zodDetails(err));
  if (err instanceof mongoose.Error.ValidationError) {
    const details = Object.values(err.errors).map((e) => ({ path: e.path, message: e.message }));
    return new AppError(400, 'invalid_input', 'The request is not valid', details);
  }
  if (err instanceof mongoose.Error.CastError) {
    return new AppError(400, 'invalid_input', 'The request is not valid', [
      { path: err.path, message: `not a valid ${err.kind}` },
    ]);
  }
  if (err instanceof mongoose.Error.StrictModeError) {
    return new AppError(400, 'invalid_input', 'The request is not valid', [{ path: err.path, message: 'unknown field' }]);
  }
  if (err instanceof mongoose.Error.VersionError) {
    return new AppError(409, 'version_conflict', 'Someone else changed this first; reload and try again');
  }
  const mongoCode = (err as { code?: unknown })?.code;
  if (mongoCode === 11000) {
    // MongoDB names the key; the embedded database does not, and then the service that knows the field says it.
    const keyValue = (err as { keyValue?: Record<string, unknown> }).keyValue ?? {};
    const details = Object.keys(keyValue).map((path) => ({ path, message: 'already exists' }));
    return new AppError(409, 'duplicate', 'A record with the same unique value already exists', details);
  }
  if (isDatabaseUnavailable(err)) return new AppError(503, 'database_unavailable', 'The database is not reachable; try again shortly');
  const httpError = err as { type?: string; status?: number; expose?: boolean };
  if (httpError?.type === 'entity.parse.failed') {
    return new AppError(400, 'invalid_json', 'The request body is not valid JSON', [{ path: '(body)', message: 'malformed JSON' }]);
  }
  if (httpError?.type === 'entity.too.large') return new AppError(413, 'too_large', 'The request body is too large');
  if (httpError?.expose && httpError.status && httpError.status < 500) {
    return new AppError(httpError.status, 'bad_request', (err as Error).message);
  }
  return undefined;
}

export const notFoundHandler: RequestHandler = () => {
  throw notFound('Route');
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const known = toAppError(err);
    const requestId = req.id;
    if (!known || known.status >= 500) {
      logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'request failed');
    }
    const status = known?.status ?? 500;
    if (res.headersSent) return;
    res.status(status).json({
      error: {
        code: known?.code ?? 'internal',
        message: known?.message ?? 'Something went wrong on our side; the request id helps us find it',
        details: known?.details ?? [],
      },
      requestId,
    });
  };
}

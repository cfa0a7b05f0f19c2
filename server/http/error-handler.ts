import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { ZodError } from 'zod';
import { AppError, notFound, type ErrorDetail } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { Lang } from '../../notifications/labels.js';
import { ERROR_MESSAGES, fieldProblemText, type FieldProblem } from '../../notifications/messages/error.messages.js';
import { fieldLabel } from '../../notifications/messages/incident.messages.js';
import { langOf } from './lang.js';

/** What the validator found for a detail it made, so the answer can say it in the caller's language. */
const problems = new WeakMap<ErrorDetail, FieldProblem>();

const MESSAGE_PROBLEMS: Record<string, FieldProblem> = { required: { code: 'required' }, 'cannot be in the future': { code: 'in_future' } };

function problemOf(issue: ZodError['issues'][number]): FieldProblem | undefined {
  const custom = MESSAGE_PROBLEMS[issue.message];
  if (custom) return custom;
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const origin = ['string', 'array', 'number'].includes(String(issue.origin)) ? (issue.origin as 'string' | 'array' | 'number') : 'other';
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      return issue.message.startsWith('Too ') && Number.isFinite(limit) ? { code: issue.code, origin, limit } : undefined;
    }
    case 'invalid_type':
      return issue.message.startsWith('Invalid input') ? { code: /received undefined/.test(issue.message) ? 'missing' : 'wrong_type' } : undefined;
    case 'invalid_value':
      return issue.message.startsWith('Invalid option') ? { code: 'not_a_choice' } : undefined;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? { code: 'wrong_format' } : undefined;
    default:
      return undefined;
  }
}

/** Turns a zod failure into error details, one per bad field, prefixed with where the field was. */
export function zodDetails(error: ZodError, prefix = ''): ErrorDetail[] {
  return error.issues.map((issue) => {
    const detail = {
      path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
      message: issue.message,
    };
    const problem = problemOf(issue);
    if (problem) problems.set(detail, problem);
    return detail;
  });
}

/**
 * The error as the caller reads it: in bokmål the sentence comes from the catalogue where the code has one,
 * each field is named as the screens name it (`label`), and what the validator found is said in the
 * caller's language. English keeps the sentence the service wrote.
 */
function worded(error: { code: string; message: string; details: ErrorDetail[] }, lang: Lang) {
  const generic = (ERROR_MESSAGES as Record<string, Record<Lang, string>>)[error.code];
  return {
    code: error.code,
    message: lang === 'nb' && generic ? generic.nb : error.message,
    details: error.details.map((d) => {
      const problem = problems.get(d);
      return { path: d.path, message: problem ? fieldProblemText(problem, lang) : d.message, label: fieldLabel(d.path, lang) };
    }),
  };
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
      error: worded({ code: known?.code ?? 'internal', message: known?.message ?? ERROR_MESSAGES.internal.en, details: known?.details ?? [] }, langOf(req)),
      requestId,
    });
  };
}

import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { ZodError } from 'zod';
import { AppError, notFound, type ErrorDetail, type Wording } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { Lang } from '../../notifications/labels.js';
import { ERROR_MESSAGES, PROBLEM_MESSAGES } from '../../notifications/messages/error.messages.js';
import { say, type Message } from '../../notifications/messages/index.js';
import { fieldLabel } from '../../notifications/messages/incident.messages.js';
import { langOf } from './lang.js';
import { fieldProblem, invalidInput, refused, words } from './refusal.js';

/** Custom refinements say what is wrong by a `field.*` code; zod's own findings are read from the issue. */
function problemOf(issue: ZodError['issues'][number]): Message {
  if (issue.message in PROBLEM_MESSAGES) {
    return { code: issue.message, params: issue.code === 'custom' ? (issue.params ?? {}) : {} } as Message;
  }
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const small = issue.code === 'too_small';
      if (issue.origin === 'string') return limit === 1 && small ? words('field.required') : words(small ? 'field.too-short-text' : 'field.too-long-text', { limit });
      if (issue.origin === 'array' || issue.origin === 'set') return words(small ? 'field.too-few' : 'field.too-many', { limit });
      return words(small ? 'field.too-small' : 'field.too-big', { limit });
    }
    case 'invalid_type':
      // zod leaves the input out of its issues; its own sentence says when there was none.
      if (/received undefined$/.test(issue.message)) return words('field.missing');
      return issue.expected === 'date' ? words('field.not-a-time') : words('field.wrong-type');
    case 'invalid_value':
      return words('field.not-a-choice');
    case 'invalid_format':
      return issue.format === 'datetime' || issue.format === 'date' ? words('field.not-a-time') : words('field.wrong-format');
    default:
      return words('field.wrong-format');
  }
}

/** Turns a zod failure into error details, one per bad field, prefixed with where the field was. */
export function zodDetails(error: ZodError, prefix = ''): ErrorDetail[] {
  const pathOf = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '(root)';
  return error.issues.flatMap((issue) =>
    // Each unknown field is named on its own, as the caller wrote it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => fieldProblem(pathOf([...issue.path, key]), words('field.unknown')))
      : [fieldProblem(pathOf(issue.path), problemOf(issue))],
  );
}

/**
 * The error as the caller reads it, all from the catalogue in the caller's language: the sentence the refusal
 * carries, or its code's own; each field named as the screens name it (`label`) with what is wrong with it.
 */
export function worded(error: { code: string; message: string; details: ErrorDetail[]; words?: Wording }, lang: Lang) {
  const generic = (ERROR_MESSAGES as Record<string, Record<Lang, string>>)[error.code];
  return {
    code: error.code,
    message: error.words ? say(error.words as Message, lang) : (generic?.[lang] ?? error.message),
    details: error.details.map((d) => ({ path: d.path, message: d.words ? say(d.words as Message, lang) : d.message, label: fieldLabel(d.path, lang) })),
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
  if (err instanceof ZodError) return invalidInput(zodDetails(err));
  if (err instanceof mongoose.Error.ValidationError) {
    return invalidInput(Object.values(err.errors).map((e) => fieldProblem(e.path, words(e.kind === 'required' ? 'field.required' : 'field.wrong-format'))));
  }
  if (err instanceof mongoose.Error.CastError) return invalidInput([fieldProblem(err.path, words('field.wrong-type'))]);
  if (err instanceof mongoose.Error.StrictModeError) return invalidInput([fieldProblem(err.path, words('field.unknown'))]);
  if (err instanceof mongoose.Error.VersionError) return refused(409, 'version_conflict');
  const mongoCode = (err as { code?: unknown })?.code;
  if (mongoCode === 11000) {
    // MongoDB names the key; the embedded database does not, and then the service that knows the field says it.
    const keyValue = (err as { keyValue?: Record<string, unknown> }).keyValue ?? {};
    return refused(409, 'duplicate', undefined, Object.keys(keyValue).map((path) => fieldProblem(path, words('field.already-exists'))));
  }
  if (isDatabaseUnavailable(err)) return refused(503, 'database_unavailable');
  const httpError = err as { type?: string; status?: number; expose?: boolean };
  if (httpError?.type === 'entity.parse.failed') {
    return refused(400, 'invalid_json', undefined, [fieldProblem('(body)', words('field.malformed-json'))]);
  }
  if (httpError?.type === 'entity.too.large') return refused(413, 'too_large');
  if (httpError?.expose && httpError.status && httpError.status < 500) return refused(httpError.status, 'bad_request');
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
    if (known?.retryAfterSeconds) res.set('Retry-After', String(known.retryAfterSeconds));
    res.status(status).json({
      error: worded(known ?? { code: 'internal', message: ERROR_MESSAGES.internal.en, details: [] }, langOf(req)),
      requestId,
    });
  };
}

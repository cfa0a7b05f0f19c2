import type { Lang } from '../../notifications/labels.js';
import type { NoParams } from '../../notifications/messages/catalogue.js';
import { ERROR_MESSAGES, type ProblemMessageParams } from '../../notifications/messages/error.messages.js';
import { say, type Message, type MessageParams } from '../../notifications/messages/index.js';
import { AppError, type ErrorDetail } from '../lib/errors.js';

type ParamsOf<C extends keyof MessageParams> = MessageParams[C] extends NoParams ? [] : [MessageParams[C]];

/** A catalogue message as data, its parameters checked against its code. */
export function words<C extends keyof MessageParams>(code: C, ...params: ParamsOf<C>): Message {
  return { code, params: params[0] ?? {} } as Message;
}

/** A `field.*` code where a schema words a finding of its own (a refinement); the answer words it in the caller's language. */
export const problemCode = <C extends keyof ProblemMessageParams>(code: C): C => code;

/** A field and what is wrong with it, worded in the caller's language when the answer is sent. */
export function fieldProblem(path: string, problem: Message): ErrorDetail {
  return { path, message: say(problem, 'en'), words: problem };
}

/**
 * A refusal worded in the caller's language when the answer is sent: its sentence from `message`, or from
 * the code's own sentence in the catalogue when the sentence does not depend on the case.
 */
export function refused(status: number, code: string, message?: Message, details: ErrorDetail[] = []): AppError {
  const generic = (ERROR_MESSAGES as Record<string, Record<Lang, string>>)[code];
  return new AppError(status, code, message ? say(message, 'en') : (generic?.en ?? code), details, message);
}

/** A 400 naming each bad field. */
export const invalidInput = (details: ErrorDetail[]): AppError => refused(400, 'invalid_input', undefined, details);

/** A refused request worded from the message catalogue in the reader's language, naming each field. */
export function refusal(status: number, code: string, message: Message, lang: Lang, details: { path: string; message: Message }[] = []): AppError {
  return new AppError(status, code, say(message, lang), details.map((d) => ({ path: d.path, message: say(d.message, lang), words: d.message })), message);
}

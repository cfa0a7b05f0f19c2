import type { Lang } from '../../notifications/labels.js';
import { say, type Message } from '../../notifications/messages/index.js';
import { AppError } from '../lib/errors.js';

/** A refused request worded from the message catalogue in the reader's language, naming each field. */
export function refusal(status: number, code: string, message: Message, lang: Lang, details: { path: string; message: Message }[] = []): AppError {
  return new AppError(status, code, say(message, lang), details.map((d) => ({ path: d.path, message: say(d.message, lang) })));
}

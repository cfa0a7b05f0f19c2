import type { Request } from 'express';
import type { Lang } from '../../notifications/labels.js';

/**
 * The reader's language for what the server words: English when the request prefers it
 * (Accept-Language), bokmål otherwise (nynorsk and "no" read bokmål).
 */
export function requestLang(req: Request): Lang {
  const best = req.acceptsLanguages('nb', 'nn', 'no', 'en');
  return best === 'en' ? 'en' : 'nb';
}

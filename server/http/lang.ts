import type { Request } from 'express';
import type { Lang } from '../../notifications/labels.js';

/**
 * The language a request is answered in: English when the caller's Accept-Language prefers it to
 * Norwegian, bokmål otherwise (and when the header is absent). The dashboard sends the language it shows.
 */
export function langOf(req: Request): Lang {
  if (!req.get('accept-language')) return 'nb';
  return req.acceptsLanguages('nb', 'no', 'nn', 'en') === 'en' ? 'en' : 'nb';
}

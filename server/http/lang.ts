import type { Request } from 'express';
import type { Lang } from '../../notifications/labels.js';

/**
 * The language a request is answered in: bokmål when the caller's Accept-Language prefers Norwegian to
 * English, English otherwise. A caller that sends no Accept-Language (a script) gets English, as the API
 * always answered; browsers send one, and the dashboard sends the language it shows.
 */
export function langOf(req: Request): Lang {
  if (!req.get('accept-language')) return 'en';
  return req.acceptsLanguages('nb', 'no', 'nn', 'en') === 'en' ? 'en' : 'nb';
}

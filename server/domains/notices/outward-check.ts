import type { NoticeMessage } from '../../../notifications/messages/notices.messages.js';
import { findNationalIdNumbers } from '../incidents/national-id.js';

/** A national identity number masked to its birth date, as the intake's masking writes it. */
const MASKED_ID = /(?<!\d)\d{6}[ ]?\*{5}/;
/** Two or more capitalised words in a row: how a person's name is written ("Ola Testesen", "Kari Nordmann"). */
const NAME = /\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)+/gu;

export interface OutwardText {
  /** The field as the facts form or the notice form names it; "notice" for the rendered notice as a whole. */
  path: string;
  text: string;
}

export interface OutwardCheck {
  texts: OutwardText[];
  /** The internal case text: names in it are the people of the case, and it is never to be sent as it is. */
  internalDescription: string;
  /** People the service knows (staff, the case's people). */
  knownNames: string[];
  /** Names a notice is meant to carry: the contact point, the organisation. */
  allowedNames: string[];
}

export interface OutwardProblem {
  path: string;
  message: NoticeMessage;
}

const fold = (s: string) => s.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();

/**
 * What in a notice would itself disclose personal data (a notice to Datatilsynet, the people, the public or
 * the controller must not become a new breach): national identity numbers, masked or not, and the names of people the case
 * or the service knows; and the internal description sent word for word.
 */
export function outwardProblems(check: OutwardCheck): OutwardProblem[] {
  const allowed = new Set(check.allowedNames.filter(Boolean).map(fold));
  const caseNames = [...check.internalDescription.matchAll(NAME)].map((m) => m[0]);
  const names = [...new Set([...check.knownNames.filter((n) => n.trim().includes(' ')), ...caseNames].map((n) => n.trim()))]
    .filter((n) => !allowed.has(fold(n)) && ![...allowed].some((a) => a.includes(fold(n))));
  const problems: OutwardProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: NoticeMessage) => {
    const key = `${path}|${JSON.stringify(message)}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, message });
  };
  for (const { path, text } of check.texts) {
    if (!text) continue;
    const ids = findNationalIdNumbers(text);
    if (ids.length) add(path, { code: 'notice.outward.national-id', params: { count: ids.length } });
    if (MASKED_ID.test(text)) add(path, { code: 'notice.outward.masked-id', params: {} });
    const folded = fold(text);
    for (const name of names) {
      if (new RegExp(`(?<![\\p{L}])${escape(fold(name))}(?![\\p{L}])`, 'u').test(folded)) add(path, { code: 'notice.outward.name', params: { name } });
    }
  }
  for (const outward of check.texts.filter((t) => t.path === 'outwardDescription' || t.path === 'outwardDescriptionEn')) {
    if (outward.text.trim() && fold(outward.text) === fold(check.internalDescription)) add(outward.path, { code: 'notice.outward.internal-text', params: {} });
  }
  return problems;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

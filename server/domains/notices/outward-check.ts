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
  const outward = check.texts.find((t) => t.path === 'outwardDescription');
  if (outward && outward.text.trim() && fold(outward.text) === fold(check.internalDescription)) add('outwardDescription', { code: 'notice.outward.internal-text', params: {} });
  return problems;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Capitalised words that are not people: the authority, services, places, and English days and months. */
const NOT_PEOPLE = new Set([
  'datatilsynet', 'personvernnemnda', 'altinn', 'id-porten', 'bankid', 'vipps', 'nav', 'skatteetaten', 'helsenorge', 'politiet', 'kripos', 'nsm', 'norcert',
  'norge', 'norway', 'oslo', 'bergen', 'trondheim', 'stavanger', 'tromsø', 'europa', 'eu', 'eøs', 'gdpr',
  'microsoft', 'google', 'apple', 'amazon', 'office', 'outlook', 'teams', 'windows', 'excel', 'sharepoint', 'onedrive', 'bitlocker', 'azure', 'gmail',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
/** Common Norwegian given names: at the start of a sentence a capital proves nothing, but one of these still starts a name. */
const GIVEN_NAMES = new Set([
  'ola', 'kari', 'per', 'pål', 'espen', 'anne', 'jan', 'ingrid', 'lars', 'marit', 'hans', 'liv', 'knut', 'nina', 'ole', 'kristin', 'erik', 'hilde', 'bjørn',
  'silje', 'arne', 'ida', 'thomas', 'nora', 'martin', 'emma', 'jonas', 'sara', 'anders', 'maria', 'magnus', 'ingeborg', 'olav', 'astrid', 'tor', 'eva',
  'jon', 'sofie', 'linn', 'randi', 'geir', 'kjell', 'morten', 'tone', 'trond', 'heidi', 'svein', 'camilla', 'mohammed', 'ali', 'fatima', 'aisha',
]);
const SENTENCE_START = /(?:^|[.!?:]\s+|\n\s*)$/u;

/**
 * What in a text looks like a person's name without being one the service knows: two or more capitalised
 * words in a row, not counting the capital that starts a sentence (unless that word is a common given
 * name), split at words that are not people and leaving out the names a notice is meant to carry. A
 * guess: the DPO confirms each before approving, it is never a refusal on its own.
 */
export function possibleNames(text: string, allowedNames: string[] = []): string[] {
  const allowed = allowedNames.filter(Boolean).map(fold);
  const found: string[] = [];
  for (const match of text.matchAll(NAME)) {
    let words = match[0].split(/ /);
    if (SENTENCE_START.test(text.slice(0, match.index)) && !GIVEN_NAMES.has(fold(words[0]!.split('-')[0]!))) words = words.slice(1);
    let run: string[] = [];
    for (const word of [...words, '']) {
      if (word && !NOT_PEOPLE.has(fold(word))) {
        run.push(word);
        continue;
      }
      const name = run.join(' ');
      if (run.length >= 2 && !allowed.some((a) => a.includes(fold(name))) && !found.includes(name)) found.push(name);
      run = [];
    }
  }
  return found;
}

/** The possible names in each text, as warnings on its field (names already refused are left to the refusal). */
export function outwardNameWarnings(check: OutwardCheck, problems: OutwardProblem[]): OutwardProblem[] {
  const refused = new Set(problems.flatMap((p) => (p.message.code === 'notice.outward.name' ? [fold(p.message.params.name)] : [])));
  return check.texts.flatMap(({ path, text }) =>
    possibleNames(text, check.allowedNames)
      .filter((name) => !refused.has(fold(name)))
      .map((name): OutwardProblem => ({ path, message: { code: 'notice.outward.possible-name', params: { name } } })),
  );
}

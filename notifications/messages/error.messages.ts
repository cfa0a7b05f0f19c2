import type { Lang } from '../labels.js';

type Words = Readonly<Record<Lang, string>>;

/**
 * An error's sentence by its code, for codes whose sentence does not depend on the case (the others keep
 * the sentence the service wrote, and each field they name carries its label).
 */
export const ERROR_MESSAGES = {
  invalid_input: { nb: 'Forespørselen er ikke gyldig', en: 'The request is not valid' },
  invalid_json: { nb: 'Innholdet er ikke gyldig JSON', en: 'The request body is not valid JSON' },
  too_large: { nb: 'Innholdet er for stort', en: 'The request body is too large' },
  version_conflict: { nb: 'Noen andre endret dette først; last inn på nytt og prøv igjen', en: 'Someone else changed this first; reload and try again' },
  unauthorized: { nb: 'Du må logge inn', en: 'Authentication required' },
  forbidden: { nb: 'Rollene dine gir ikke lov til dette', en: 'You may not do this' },
  not_found: { nb: 'Finnes ikke, eller du har ikke tilgang', en: 'Not found' },
  too_many_requests: { nb: 'For mange forsøk; vent litt og prøv igjen', en: 'Too many requests, try again later' },
  database_unavailable: { nb: 'Databasen svarer ikke; prøv igjen om litt', en: 'The database is not reachable; try again shortly' },
  internal: { nb: 'Noe gikk galt hos oss; forespørsels-ID-en hjelper oss å finne det', en: 'Something went wrong on our side; the request id helps us find it' },
} as const satisfies Record<string, Words>;

/** What is wrong with one field, from the validator's finding. */
export type FieldProblem =
  | { code: 'too_small' | 'too_big'; origin: 'string' | 'array' | 'number' | 'other'; limit: number }
  | { code: 'missing' | 'wrong_type' | 'not_a_choice' | 'wrong_format' | 'required' | 'in_future' };

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function fieldProblemText(problem: FieldProblem, lang: Lang): string {
  const nb = lang === 'nb';
  switch (problem.code) {
    case 'too_small':
      if (problem.origin === 'string') return problem.limit === 1 ? (nb ? 'må fylles ut' : 'required') : nb ? `må ha minst ${n(problem.limit, 'tegn', 'tegn')}` : `must have at least ${n(problem.limit, 'character', 'characters')}`;
      if (problem.origin === 'array') return nb ? `må ha minst ${problem.limit}` : `must have at least ${problem.limit}`;
      return nb ? `må være minst ${problem.limit}` : `must be at least ${problem.limit}`;
    case 'too_big':
      if (problem.origin === 'string') return nb ? `kan ha høyst ${n(problem.limit, 'tegn', 'tegn')}` : `may have at most ${n(problem.limit, 'character', 'characters')}`;
      if (problem.origin === 'array') return nb ? `kan ha høyst ${problem.limit}` : `may have at most ${problem.limit}`;
      return nb ? `kan være høyst ${problem.limit}` : `may be at most ${problem.limit}`;
    case 'missing':
      return nb ? 'mangler' : 'missing';
    case 'wrong_type':
      return nb ? 'har feil type' : 'has the wrong type';
    case 'not_a_choice':
      return nb ? 'er ikke et av valgene' : 'is not one of the choices';
    case 'wrong_format':
      return nb ? 'har feil format' : 'has the wrong format';
    case 'required':
      return nb ? 'må fylles ut' : 'required';
    case 'in_future':
      return nb ? 'kan ikke være fram i tid' : 'cannot be in the future';
  }
}

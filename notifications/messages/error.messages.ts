import type { Lang } from './catalogue.js';

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
  forbidden: { nb: 'Rollene dine gir ikke lov til dette', en: 'You may not do this' },
  not_found: { nb: 'Finnes ikke, eller du har ikke tilgang', en: 'Not found' },
  too_many_requests: { nb: 'For mange forsøk; vent litt og prøv igjen', en: 'Too many requests, try again later' },
  database_unavailable: { nb: 'Databasen svarer ikke; prøv igjen om litt', en: 'The database is not reachable; try again shortly' },
  conflict: { nb: 'Noen andre kom først, eller det finnes allerede; last inn på nytt og prøv igjen', en: 'Someone else was first, or it already exists; reload and try again' },
  duplicate: { nb: 'Det finnes allerede en post med samme verdi', en: 'A record with the same unique value already exists' },
  self_lockout: { nb: 'Du kan ikke deaktivere eller slette deg selv, eller ta fra deg din egen admin-rolle', en: 'You cannot deactivate or delete yourself, or remove your own admin role' },
  closed: { nb: 'Saken er lukket; gjenåpne den først', en: 'The incident is closed; reopen it first' },
  not_closed: { nb: 'Saken er ikke lukket', en: 'The incident is not closed' },
  clock_not_running: { nb: 'Klokken går ikke', en: 'The clock is not running' },
  clock_running: {
    nb: 'Klokken går: registrer meldingen til Datatilsynet eller en beslutning om at bruddet ikke er meldepliktig først, eller lukk saken som ikke et brudd',
    en: 'The clock is running: record the notification or a "not notifiable" decision first, or close it as not a personal-data breach',
  },
  cannot_resume: { nb: 'Bare en klokke som er stoppet som «ikke meldepliktig», kan gå igjen', en: 'Only a clock stopped as "not notifiable" can resume' },
  not_aware: { nb: 'Erklær kjennskap til bruddet før du registrerer en melding', en: 'Declare awareness before recording a notification' },
  no_initial_submission: { nb: 'En supplerende eller endelig melding kommer etter en foreløpig', en: 'A supplementary or final notification follows an initial one' },
  not_processor: { nb: 'Bare en sak der vi er databehandler, har en behandlingsansvarlig å varsle', en: 'Only an incident where we are the processor has a controller to inform' },
  assessment_superseded: { nb: 'Det finnes en nyere vurdering; beslutt mot den siste', en: 'A newer assessment exists; decide against the latest one' },
  facts_changed: { nb: 'Faktaene er endret etter denne vurderingen; vurder på nytt før du beslutter', en: 'The facts changed after this assessment; run it again before deciding' },
  not_draft: { nb: 'Bare et utkast kan sendes til godkjenning', en: 'Only a draft can be submitted' },
  not_submitted: { nb: 'Bare en versjon som er sendt til godkjenning, kan godkjennes eller avvises', en: 'Only a submitted version can be approved or rejected' },
  own_draft: { nb: 'En malversjon må godkjennes av en annen leder enn forfatteren', en: 'A template version must be approved by a manager other than its author' },
  template_does_not_render: { nb: 'Utkastet kan ikke vises med eksempelsaken', en: 'The draft does not render against the sample incident' },
  content_changed: { nb: 'Innholdet er endret siden det ble laget; lag det på nytt', en: 'The content changed since it was made; make it again' },
  invalid_channel: { nb: 'Datatilsynet varsles via Altinn, e-post, post eller telefon', en: 'Datatilsynet is notified through altinn, email, post or phone' },
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

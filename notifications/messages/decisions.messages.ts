import type { Catalogue, MessageOf, NoParams } from './catalogue.js';

/** Why a notification decision is not complete yet, field by field. */
export interface DecisionMessageParams {
  'decision.incomplete': NoParams;
  'decision.processor': NoParams;
  'decision.reason.not-notifying': NoParams;
  'decision.reason.departing': NoParams;
  'decision.evidence.keyCustody': NoParams;
  'decision.evidence.measuresTaken': NoParams;
  'decision.evidence.measuresAt': NoParams;
  'decision.evidence.whyDisproportionate': NoParams;
}

export type DecisionMessage = MessageOf<DecisionMessageParams>;

export const DECISION_MESSAGES: Catalogue<DecisionMessageParams> = {
  'decision.incomplete': { nb: () => 'Beslutningen er ikke fullstendig', en: () => 'The decision is not complete' },
  'decision.processor': {
    nb: () => 'Vi er databehandler i denne saken: vi informerer den behandlingsansvarlige, som avgjør om bruddet meldes til Datatilsynet og de berørte, med mindre den skriftlig har bedt oss melde på dens vegne',
    en: () => 'We are the processor in this case: we inform the controller, who decides whether Datatilsynet and the people are notified, unless it has asked us in writing to notify on its behalf',
  },
  'decision.reason.not-notifying': {
    nb: () => 'Skriv hvorfor bruddet ikke skal meldes (minst 10 tegn)',
    en: () => 'Say why no notification is needed (at least 10 characters)',
  },
  'decision.reason.departing': {
    nb: () => 'Å gå bort fra anbefalingen krever en skriftlig begrunnelse (minst 10 tegn)',
    en: () => 'Departing from the recommendation needs a written reason (at least 10 characters)',
  },
  'decision.evidence.keyCustody': {
    nb: () => 'Skriv hvor nøkkelen var oppbevart, og hvorfor den er trygg (art. 34 nr. 3 bokstav a)',
    en: () => 'Say where the key was kept and why it is safe (Art. 34(3)(a))',
  },
  'decision.evidence.measuresTaken': {
    nb: () => 'Skriv hva som er gjort, slik at den høye risikoen ikke lenger er sannsynlig (art. 34 nr. 3 bokstav b)',
    en: () => 'Say what was done so the high risk is no longer likely (Art. 34(3)(b))',
  },
  'decision.evidence.measuresAt': { nb: () => 'Oppgi når tiltakene ble gjennomført', en: () => 'Say when it was done' },
  'decision.evidence.whyDisproportionate': {
    nb: () => 'Skriv hvorfor det ville kreve uforholdsmessig stor innsats å nå hver enkelt (art. 34 nr. 3 bokstav c)',
    en: () => 'Say why reaching each person would take disproportionate effort (Art. 34(3)(c))',
  },
};

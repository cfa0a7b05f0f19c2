import type { Catalogue, NoParams } from './catalogue.js';
import { INCIDENT_WORDS } from './incident.messages.js';

/** The sections of Datatilsynet's Altinn form "Meld avvik", in its order. */
export type AltinnSection = 'description' | 'consequences' | 'measures' | 'information' | 'contact' | 'delay' | 'phased';
/** The form's fields, each answered from the approved notice. */
export type AltinnField =
  | 'what' | 'cause' | 'period' | 'detected' | 'aware' | 'subjects' | 'records' | 'categories' | 'encryption' | 'relation' | 'location'
  | 'consequences' | 'taken' | 'mitigations' | 'planned' | 'informed' | 'contact' | 'email' | 'phone' | 'delay' | 'phased' | 'previous';
/** What the decision in force says about telling the people, when they have not been told yet. */
export type NotToldBecause = 'will-notify' | 'encrypted' | 'mitigated' | 'disproportionate' | 'not-high-risk' | 'undecided';

export interface AltinnMessageParams {
  'altinn.section': { section: AltinnSection };
  'altinn.field': { field: AltinnField };
  'altinn.not-known-yet': NoParams;
  'altinn.told': { at: string; public: boolean; channel: string; audience: string };
  'altinn.not-told': { because: NotToldBecause };
  'altinn.phone-missing': NoParams;
  'altinn.yes': NoParams;
  'altinn.previous': { at: string; reference: string };
}

const SECTIONS: Record<AltinnSection, { nb: string; en: string }> = {
  description: { nb: 'Beskrivelse av avviket', en: 'Description of the breach' },
  consequences: { nb: 'Konsekvenser', en: 'Consequences' },
  measures: { nb: 'Tiltak', en: 'Measures' },
  information: { nb: 'Informasjon', en: 'Information' },
  contact: { nb: 'Kontaktinformasjon', en: 'Contact details' },
  delay: { nb: 'Forsinket melding', en: 'Late notification' },
  phased: { nb: 'Trinnvis melding', en: 'Notification in phases' },
};

const FIELDS: Record<AltinnField, { nb: string; en: string }> = {
  what: { nb: 'Hva har skjedd', en: 'What happened' },
  cause: { nb: 'Hovedårsak', en: 'Main cause' },
  period: { nb: 'Tidsrom for avviket', en: 'Period of the breach' },
  detected: { nb: 'Når ble avviket oppdaget', en: 'When was the breach detected' },
  aware: { nb: 'Når ble virksomheten kjent med avviket', en: 'When did the organisation become aware of the breach' },
  subjects: { nb: 'Antall berørte personer', en: 'Number of people affected' },
  records: { nb: 'Antall berørte registreringer', en: 'Number of records affected' },
  categories: { nb: 'Type personopplysninger', en: 'Kinds of personal data' },
  encryption: { nb: 'Var opplysningene kryptert', en: 'Was the data encrypted' },
  relation: { nb: 'Virksomhetens relasjon til de berørte', en: "The organisation's relation to the people affected" },
  location: { nb: 'Hvor befinner opplysningene seg etter avviket', en: 'Where is the data after the breach' },
  consequences: { nb: 'Mulige konsekvenser for de berørte', en: 'Possible consequences for the people affected' },
  taken: { nb: 'Tiltak som er gjennomført', en: 'Measures taken' },
  mitigations: { nb: 'Tiltak som reduserer følgene for de berørte', en: 'Measures that lessen the consequences for the people' },
  planned: { nb: 'Tiltak som er planlagt', en: 'Measures planned' },
  informed: { nb: 'Er de berørte informert, og hvordan', en: 'Have the people affected been told, and how' },
  contact: { nb: 'Personvernombud eller annet kontaktpunkt', en: 'Data protection officer or other contact point' },
  email: { nb: 'E-post', en: 'E-mail' },
  phone: { nb: 'Telefon', en: 'Phone' },
  delay: { nb: 'Årsak til at meldingen kommer etter 72 timer', en: 'Why the notification comes after 72 hours' },
  phased: { nb: 'Meldingen er trinnvis; mer informasjon ettersendes', en: 'The notification is given in phases; more information follows' },
  previous: { nb: 'Første melding i saken', en: 'The first notification in this case' },
};

const NOT_TOLD: Record<NotToldBecause, { nb: string; en: string }> = {
  'will-notify': { nb: 'Nei, ikke ennå. Vi har besluttet å varsle dem uten ugrunnet opphold (art. 34).', en: 'Not yet. We have decided to tell them without undue delay (Art. 34).' },
  encrypted: {
    nb: 'Nei. De varsles ikke fordi opplysningene var kryptert og er uforståelige for uvedkommende (art. 34 nr. 3 bokstav a).',
    en: 'No. They are not told because the data was encrypted and is unintelligible to anyone without access (Art. 34(3)(a)).',
  },
  mitigated: {
    nb: 'Nei. De varsles ikke fordi tiltak etter bruddet gjør at en høy risiko ikke lenger er sannsynlig (art. 34 nr. 3 bokstav b).',
    en: 'No. They are not told because measures taken since make a high risk no longer likely (Art. 34(3)(b)).',
  },
  disproportionate: {
    nb: 'Nei, ikke hver for seg: det ville kreve en uforholdsmessig innsats, så vi informerer offentligheten i stedet (art. 34 nr. 3 bokstav c).',
    en: 'Not one by one: that would take disproportionate effort, so we inform the public instead (Art. 34(3)(c)).',
  },
  'not-high-risk': {
    nb: 'Nei. Vi har vurdert at bruddet trolig ikke gir høy risiko for dem, og varsler dem derfor ikke (art. 34 nr. 1).',
    en: 'No. We have assessed that the breach is unlikely to result in a high risk to them, so they are not told (Art. 34(1)).',
  },
  undecided: { nb: 'Nei, ikke ennå. Om de skal varsles, er ennå ikke besluttet.', en: 'Not yet. Whether they will be told is not decided yet.' },
};

const channel = (code: string, lang: 'nb' | 'en') => (INCIDENT_WORDS as Record<string, { nb: string; en: string }>)[code]?.[lang] ?? code;

/** The Altinn form's own words (it is in Norwegian), and the answers the notice gives it. */
export const ALTINN_MESSAGES: Catalogue<AltinnMessageParams> = {
  'altinn.section': { nb: (p) => SECTIONS[p.section].nb, en: (p) => SECTIONS[p.section].en },
  'altinn.field': { nb: (p) => FIELDS[p.field].nb, en: (p) => FIELDS[p.field].en },
  'altinn.not-known-yet': { nb: () => 'ikke kjent ennå', en: () => 'not known yet' },
  'altinn.told': {
    nb: (p) => `Ja, ${p.at}, ${p.public ? 'ved offentlig kunngjøring' : 'direkte'} (${channel(p.channel, 'nb')}${p.audience ? `: ${p.audience}` : ''}).`,
    en: (p) => `Yes, ${p.at}, ${p.public ? 'by public announcement' : 'directly'} (${channel(p.channel, 'en')}${p.audience ? `: ${p.audience}` : ''}).`,
  },
  'altinn.not-told': { nb: (p) => NOT_TOLD[p.because].nb, en: (p) => NOT_TOLD[p.because].en },
  'altinn.phone-missing': { nb: () => 'ikke oppgitt', en: () => 'not given' },
  'altinn.yes': { nb: () => 'Ja', en: () => 'Yes' },
  'altinn.previous': {
    nb: (p) => `Sendt ${p.at}${p.reference ? `, referanse ${p.reference}` : ''}.`,
    en: (p) => `Sent ${p.at}${p.reference ? `, reference ${p.reference}` : ''}.`,
  },
};

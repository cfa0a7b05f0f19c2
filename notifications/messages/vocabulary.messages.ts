import type { Lang } from './catalogue.js';

/** The incident's closed lists as people read them: data categories, likely consequences, kinds of breach. */

/** How each data category reads in a notice, in plain language. */
export const CATEGORY_LABELS = {
  identity: { nb: 'navn og andre identitetsopplysninger', en: 'names and other identity data' },
  contact: { nb: 'kontaktopplysninger', en: 'contact details' },
  work_contact: { nb: 'kontaktopplysninger i jobbsammenheng', en: 'work contact details' },
  date_of_birth: { nb: 'fødselsdato', en: 'date of birth' },
  national_id_number: { nb: 'fødselsnummer', en: 'national identity numbers' },
  financial: { nb: 'økonomiske opplysninger', en: 'financial information' },
  payment_card: { nb: 'betalingskortopplysninger', en: 'payment card details' },
  credentials: { nb: 'brukernavn og passord', en: 'usernames and passwords' },
  location: { nb: 'lokasjonsdata', en: 'location data' },
  communications: { nb: 'innhold i kommunikasjon', en: 'contents of communications' },
  communications_billing: { nb: 'trafikk- og fakturadata', en: 'traffic and billing data' },
  employment: { nb: 'opplysninger om arbeidsforhold', en: 'employment information' },
  education: { nb: 'opplysninger om utdanning', en: 'education information' },
  purchase_history: { nb: 'kjøpshistorikk', en: 'purchase history' },
  vehicle: { nb: 'kjøretøyopplysninger', en: 'vehicle information' },
  insurance: { nb: 'forsikringsopplysninger', en: 'insurance information' },
  family_status: { nb: 'familieforhold', en: 'family circumstances' },
  images: { nb: 'bilder', en: 'images' },
  children: { nb: 'opplysninger om barn', en: "children's data" },
  special_category_health: { nb: 'helseopplysninger', en: 'health data' },
  special_category_genetic: { nb: 'genetiske opplysninger', en: 'genetic data' },
  special_category_biometric: { nb: 'biometriske opplysninger', en: 'biometric data' },
  special_category_ethnic_origin: { nb: 'opplysninger om etnisk opprinnelse', en: 'data on ethnic origin' },
  special_category_political: { nb: 'politisk oppfatning', en: 'political opinions' },
  special_category_religious: { nb: 'religiøs eller filosofisk overbevisning', en: 'religious or philosophical beliefs' },
  special_category_trade_union: { nb: 'fagforeningsmedlemskap', en: 'trade-union membership' },
  special_category_sex_life: { nb: 'seksuelle forhold eller seksuell orientering', en: 'sex life or sexual orientation' },
  special_category_unspecified: { nb: 'særlige kategorier personopplysninger', en: 'special categories of personal data' },
  criminal_offences: { nb: 'opplysninger om straffedommer og lovovertredelser', en: 'data on criminal convictions and offences' },
  unspecified: { nb: 'personopplysninger (kategorier ikke avklart)', en: 'personal data (categories not yet established)' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The data categories the catalogue words; the incident's list must be among them (the type check says so where one meets the other). */
export type DataCategory = keyof typeof CATEGORY_LABELS;

export const BREACH_TYPE_LABELS = {
  confidentiality: { nb: 'brudd på konfidensialitet (uvedkommende kan ha fått tilgang)', en: 'a breach of confidentiality (someone unauthorised may have had access)' },
  integrity: { nb: 'brudd på integritet (opplysninger er endret)', en: 'a breach of integrity (data was altered)' },
  availability: { nb: 'brudd på tilgjengelighet (opplysninger har vært utilgjengelige eller er tapt)', en: 'a breach of availability (data was unavailable or lost)' },
} as const satisfies Record<string, Record<Lang, string>>;
export type BreachType = keyof typeof BREACH_TYPE_LABELS;

/** What could happen to the people, as the facts form asks it and the assessment's reasons say it. */
export const CONSEQUENCE_LABELS = {
  physical_safety: { nb: 'fare for liv, helse eller fysisk sikkerhet', en: 'danger to life, health or physical safety' },
  identity_fraud: { nb: 'identitetstyveri eller svindel', en: 'identity theft or fraud' },
  financial_loss: { nb: 'økonomisk tap', en: 'financial loss' },
  discrimination: { nb: 'diskriminering', en: 'discrimination' },
  reputation: { nb: 'skade på omdømmet', en: 'damage to reputation' },
  professional_secrecy: { nb: 'at taushetsbelagte opplysninger kommer ut', en: 'loss of confidentiality protected by professional secrecy' },
  distress: { nb: 'psykisk belastning', en: 'distress' },
} as const satisfies Record<string, Record<Lang, string>>;
export type LikelyConsequence = keyof typeof CONSEQUENCE_LABELS;

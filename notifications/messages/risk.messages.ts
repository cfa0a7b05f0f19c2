import { formatCount, formatDecimal, groupDigits, joinList, type Count } from '../format.js';
import type { Lang } from './catalogue.js';
import { CATEGORY_LABELS, CONSEQUENCE_LABELS, type BreachType, type DataCategory, type LikelyConsequence } from './vocabulary.messages.js';
import type { Catalogue, MessageOf, NoParams } from './catalogue.js';

// The risk engine's measures as these messages take them (the engine's own types must fit them).
/** EDPB likelihood: negligible, low, likely, very likely. */
type Likelihood = 0 | 1 | 2 | 3;
/** EDPB severity: minimal, limited, significant, serious, very serious. */
type Severity = 0 | 1 | 2 | 3 | 4;
type RiskLevel = 'unlikely' | 'risk' | 'high';
type Harm = LikelyConsequence | 'nuisance' | 'inconvenience' | 'unassessed';
type Identification = 'limited' | 'significant' | 'maximum';

type L = { likelihood: Likelihood };
type Hours = { hours: number; likelihood: Likelihood };

/** A fact whose absence could change the outcome; named in the "when in doubt" reason. */
export type DoubtFact = 'subjects.count' | 'unauthorisedAccess' | 'exfiltration' | 'recipients.type' | 'backup.restoreHours' | 'availabilityImpact' | 'subjects.vulnerable';
export type EnisaBand = 'low' | 'medium' | 'high' | 'very high';

/** Every message of the risk assessment, with the parameters each needs. */
export interface RiskMessageParams {
  'type.breach': { types: BreachType[] };
  'type.assumed': NoParams;
  'data.nature': { categories: DataCategory[]; harm: Harm; severity: Severity };
  'data.limited-detail': NoParams;
  'data.relationship': NoParams;
  'data.pseudonymous': NoParams;
  'data.neutralised': { categories: DataCategory[] };
  'consequences.recorded': { consequences: LikelyConsequence[]; severity: Severity };
  'people.vulnerable': NoParams;
  'people.count': { count: Count };
  'conf.misuse-seen': L;
  'conf.unintelligible': L;
  'conf.no-access': L;
  'conf.reached-nobody': L;
  'conf.published': L;
  'conf.exfiltration-ruled-out': L;
  'conf.trusted': L;
  'conf.trusted-deleted': L;
  'conf.untrusted': L;
  'conf.untrusted-deleted': L;
  'conf.malicious-known': L;
  'conf.criminal-has-data': L;
  'conf.criminal-may-have-data': L;
  'conf.finder': L;
  'conf.recipient-unknown': L;
  'conf.wide-exposure': { people: number | null; recipients: number | null; likelihood: Likelihood };
  'avail.none': L;
  'avail.lost': L;
  'avail.harmed': L;
  'avail.restored-quickly': Hours;
  'avail.short-critical': Hours;
  'avail.long': Hours;
  'avail.duration-unknown': L;
  'avail.impact-unknown': L;
  'avail.severity': { harm: Harm; severity: Severity };
  'integ.misuse-seen': L;
  'integ.corrected': L;
  'integ.may-be-used': L;
  'matrix.type': { type: BreachType; likelihood: Likelihood; severity: Severity; risk: RiskLevel };
  'matrix.many-people': { people: number };
  'outcome.unlikely': NoParams;
  'outcome.risk': NoParams;
  'outcome.high': NoParams;
  /** The same outcomes once the 72 hours have passed without a notification (Art. 33(1)). */
  'outcome.risk-late': NoParams;
  'outcome.high-late': NoParams;
  'outcome.doubt': { facts: DoubtFact[] };
  'exemption.encrypted': NoParams;
  'exemption.mitigated': { measures: ('deletion' | 'neutralised')[] };
  'exemption.disproportionate': NoParams;
  'processor.inform-controller': NoParams;
  'enisa.score': { score: number; band: EnisaBand; dpc: number; ei: number; circumstances: number };
  'enisa.dpc.base': { category: DataCategory; score: number };
  'enisa.dpc.vulnerable': NoParams;
  'enisa.dpc.volume': NoParams;
  'enisa.dpc.few': NoParams;
  'enisa.dpc.limited-detail': NoParams;
  'enisa.ei': { identification: Identification };
  'enisa.cb.confidentiality': { value: number; recipients: 'none' | 'known' | 'unknown' };
  'enisa.cb.integrity': { value: number; state: 'restored' | 'possible' | 'misused' };
  'enisa.cb.availability': { value: number; state: 'recovered' | 'temporary' | 'lost' };
  'enisa.cb.malicious': { value: number };
  'ask.dataCategories': NoParams;
  'ask.breachTypes': NoParams;
  'ask.subjects.count': NoParams;
  'ask.subjects.vulnerable': NoParams;
  'ask.encryption.dataEncrypted': NoParams;
  'ask.encryption.keyCompromised': NoParams;
  'ask.encryption.stateOfTheArt': NoParams;
  'ask.recipients.type': NoParams;
  'ask.unauthorisedAccess': NoParams;
  'ask.exfiltration': NoParams;
  'ask.backup.restoreHours': NoParams;
  'ask.availabilityImpact': NoParams;
  'ask.outageHarmedPeople': NoParams;
  'ask.misuseObserved': NoParams;
  'ask.likelyConsequences': NoParams;
  'ask.dataDetail': NoParams;
  'ask.subjects.canBeReached': NoParams;
}

export type RiskMessage = MessageOf<RiskMessageParams>;

const TYPE: Record<BreachType, Record<Lang, string>> = {
  confidentiality: { nb: 'konfidensialitet', en: 'confidentiality' },
  integrity: { nb: 'integritet', en: 'integrity' },
  availability: { nb: 'tilgjengelighet', en: 'availability' },
};
const LIKELIHOOD: Record<Likelihood, Record<Lang, string>> = {
  0: { nb: 'svært liten', en: 'negligible' },
  1: { nb: 'liten', en: 'low' },
  2: { nb: 'stor', en: 'likely' },
  3: { nb: 'svært stor', en: 'very likely' },
};
const SEVERITY: Record<Severity, Record<Lang, string>> = {
  0: { nb: 'ubetydelig', en: 'minimal' },
  1: { nb: 'begrenset', en: 'limited' },
  2: { nb: 'betydelig', en: 'significant' },
  3: { nb: 'alvorlig', en: 'serious' },
  4: { nb: 'svært alvorlig', en: 'very serious' },
};
const RISK: Record<RiskLevel, Record<Lang, string>> = {
  unlikely: { nb: 'neppe risiko', en: 'it is unlikely to be a risk' },
  risk: { nb: 'risiko', en: 'it is a risk' },
  high: { nb: 'høy risiko', en: 'it is a high risk' },
};
/** What could happen to the people, as a DPO would say it. */
export const HARM_LABELS: Record<Harm, Record<Lang, string>> = {
  ...CONSEQUENCE_LABELS,
  nuisance: { nb: 'uønsket kontakt, søppelpost eller phishingforsøk', en: 'unwanted contact, spam or phishing attempts' },
  inconvenience: { nb: 'ulemper og bryderi', en: 'inconvenience' },
  unassessed: { nb: 'ukjente følger, fordi opplysningene ikke er kartlagt', en: 'unknown consequences, because the data is not yet known' },
};
const DOUBT: Record<DoubtFact, Record<Lang, string>> = {
  'subjects.count': { nb: 'hvor mange som er berørt', en: 'how many people are affected' },
  unauthorisedAccess: { nb: 'om noen uvedkommende har lest opplysningene', en: 'whether anyone unauthorised read the data' },
  exfiltration: { nb: 'om opplysninger ble kopiert ut', en: 'whether data was copied out' },
  'recipients.type': { nb: 'hvem som fikk opplysningene', en: 'who got the data' },
  'backup.restoreHours': { nb: 'hvor lenge opplysningene var utilgjengelige', en: 'how long the data was unavailable' },
  availabilityImpact: { nb: 'om opplysningene er tapt eller bare var utilgjengelige en stund', en: 'whether the data is lost or was only unavailable for a while' },
  'subjects.vulnerable': { nb: 'om sårbare personer er berørt', en: 'whether vulnerable people are affected' },
};
const BAND: Record<EnisaBand, Record<Lang, string>> = {
  low: { nb: 'lav', en: 'low' },
  medium: { nb: 'middels', en: 'medium' },
  high: { nb: 'høy', en: 'high' },
  'very high': { nb: 'svært høy', en: 'very high' },
};

const categories = (list: DataCategory[], lang: Lang) => joinList(list.map((c) => CATEGORY_LABELS[c][lang]), lang);
const harms = (list: Harm[], lang: Lang) => joinList(list.map((h) => HARM_LABELS[h][lang]), lang);
const decimal = (n: number, lang: Lang) => formatDecimal(n, lang);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The closing clause of every likelihood reason. */
const odds = (l: Likelihood) => ({
  nb: `sannsynligheten for skade er ${LIKELIHOOD[l].nb}`,
  en: `likelihood of harm: ${LIKELIHOOD[l].en}`,
});
/** A likelihood reason: a breach type, what the facts show, and the likelihood it gives. */
const likely = (type: BreachType, nb: string, en: string) => ({
  nb: (p: L) => `${capital(TYPE[type].nb)}: ${nb}; ${odds(p.likelihood).nb}.`,
  en: (p: L) => `${capital(TYPE[type].en)}: ${en} (${odds(p.likelihood).en}).`,
});
const sentence = (nb: string, en: string) => ({ nb: () => nb, en: () => en });

export const RISK_MESSAGES: Catalogue<RiskMessageParams> = {
  'type.breach': {
    nb: (p) => `Bruddet gjelder ${joinList(p.types.map((t) => TYPE[t].nb), 'nb')}.`,
    en: (p) => `Type of breach: ${joinList(p.types.map((t) => TYPE[t].en), 'en')}.`,
  },
  'type.assumed': sentence(
    'Det er ikke avklart hva slags brudd dette er; det vurderes som et brudd på konfidensialiteten til det er avklart.',
    'The type of breach is not established; it is assessed as a breach of confidentiality until it is.',
  ),
  'data.nature': {
    nb: (p) => `Opplysningene (${categories(p.categories, 'nb')}) kan føre til ${HARM_LABELS[p.harm].nb}; konsekvensen for de berørte er ${SEVERITY[p.severity].nb}.`,
    en: (p) => `The data (${categories(p.categories, 'en')}) could lead to ${HARM_LABELS[p.harm].en}; the consequences for the people are ${SEVERITY[p.severity].en}.`,
  },
  'data.limited-detail': sentence(
    'Opplysningene sier lite om hver enkelt, så konsekvensen av dem settes ett trinn ned.',
    'The data reveals little about each person, so its consequences are set one step lower.',
  ),
  'data.relationship': sentence(
    'Bare det å stå i denne virksomhetens register avslører noe følsomt om de berørte.',
    'Merely being on this organisation\'s records reveals something sensitive about the people.',
  ),
  'data.pseudonymous': sentence(
    'Opplysningene er knyttet til pseudonymer og er vanskelige å koble til bestemte personer; konsekvensen settes ett trinn ned.',
    'The data is tied to pseudonyms and hard to link to particular people; its consequences are set one step lower.',
  ),
  'data.neutralised': {
    nb: (p) => `${capital(categories(p.categories, 'nb'))} er gjort ubrukelige etter bruddet (sperret eller byttet), så de kan ikke lenger misbrukes til svindel.`,
    en: (p) => `The ${categories(p.categories, 'en')} were made useless after the breach (blocked or replaced), so they can no longer be used for fraud.`,
  },
  'consequences.recorded': {
    nb: (p) => `Registrerte sannsynlige konsekvenser: ${harms(p.consequences, 'nb')}; konsekvensen for de berørte er ${SEVERITY[p.severity].nb}.`,
    en: (p) => `Likely consequences recorded: ${harms(p.consequences, 'en')}; the consequences for the people are ${SEVERITY[p.severity].en}.`,
  },
  'people.vulnerable': sentence(
    'De berørte er sårbare (for eksempel barn eller pasienter), så konsekvensen settes ett trinn opp.',
    'The people are vulnerable (children or patients, for example), so the consequences are set one step higher.',
  ),
  'people.count': {
    nb: (p) => `Antall berørte: ${formatCount(p.count, 'nb')}.`,
    en: (p) => `People affected: ${formatCount(p.count, 'en')}.`,
  },
  'conf.misuse-seen': likely('confidentiality', 'misbruk av opplysningene er allerede observert', 'misuse of the data has already been seen'),
  'conf.unintelligible': likely('confidentiality', 'opplysningene var kryptert med en sikker metode, og nøkkelen er i behold, så de er uleselige for andre', 'the data was encrypted with a state-of-the-art method and the key is safe, so it is unintelligible to others'),
  'conf.no-access': likely('confidentiality', 'ingen uvedkommende fikk tilgang til opplysningene', 'nobody unauthorised got at the data'),
  'conf.reached-nobody': likely('confidentiality', 'opplysningene kom ikke i hendene på noen', 'the data reached nobody'),
  'conf.published': likely('confidentiality', 'opplysningene er publisert og kan leses av hvem som helst', 'the data was published and anyone can read it'),
  'conf.exfiltration-ruled-out': likely('confidentiality', 'logger eller annen dokumentasjon utelukker at opplysningene ble kopiert ut', 'logs or other evidence rule out that the data was copied out'),
  'conf.trusted': likely('confidentiality', 'mottakeren har taushetsplikt eller er bundet av de samme sikkerhetsreglene, men har ikke bekreftet sletting', 'the recipient is bound by confidentiality or the same security rules, but has not confirmed deletion'),
  'conf.trusted-deleted': likely('confidentiality', 'mottakeren har taushetsplikt og har bekreftet at opplysningene er slettet', 'the recipient is bound by confidentiality and confirmed the data is deleted'),
  'conf.untrusted': likely('confidentiality', 'kjente mottakere uten taushetsplikt har opplysningene', 'identified recipients with no duty of confidentiality have the data'),
  'conf.untrusted-deleted': likely('confidentiality', 'mottakeren sier at opplysningene er slettet, men har ingen taushetsplikt, så vi kan ikke være sikre', 'the recipient says the data is deleted, but is not bound by confidentiality, so we cannot be sure'),
  'conf.malicious-known': likely('confidentiality', 'en kjent person som handlet med vilje har opplysningene, og vi kan ikke gå god for hva vedkommende vil gjøre', 'a known person who acted deliberately has the data, and we cannot vouch for what they will do'),
  'conf.criminal-has-data': likely('confidentiality', 'en angriper har fått tak i lesbare opplysninger', 'an attacker has obtained readable data'),
  'conf.criminal-may-have-data': likely('confidentiality', 'en angriper kan ha fått tak i lesbare opplysninger', 'an attacker may have obtained readable data'),
  'conf.finder': likely('confidentiality', 'en tyv eller finner kan lese opplysningene', 'a thief or finder can read the data'),
  'conf.recipient-unknown': likely('confidentiality', 'vi vet ikke hvem som har fått opplysningene', 'we do not know who got the data'),
  'conf.wide-exposure': {
    nb: (p) => `Konfidensialitet: ${p.people !== null ? `opplysninger om minst ${groupDigits(p.people)} personer` : 'opplysningene'} ${p.recipients !== null ? `nådde ${groupDigits(p.recipients)} mottakere` : 'er hos noen'} uten taushetsplikt, og jo flere det gjelder, desto mer sannsynlig er det at noen blir skadelidende; ${odds(p.likelihood).nb}.`,
    en: (p) => `Confidentiality: ${p.people !== null ? `the data of at least ${groupDigits(p.people)} people` : 'the data'} ${p.recipients !== null ? `reached ${groupDigits(p.recipients)} recipients` : 'is held by someone'} not bound by confidentiality, and the more it concerns, the likelier that someone is harmed (${odds(p.likelihood).en}).`,
  },
  'avail.none': likely('availability', 'opplysningene var hele tiden tilgjengelige', 'the data stayed available'),
  'avail.lost': likely('availability', 'opplysningene er tapt og kan ikke gjenopprettes', 'the data is lost and cannot be restored'),
  'avail.harmed': likely('availability', 'utilgjengeligheten har allerede rammet de berørte eller forsinket noe de er avhengige av', 'the outage has already harmed the people or delayed something they depend on'),
  'avail.restored-quickly': {
    nb: (p) => `Tilgjengelighet: opplysningene var tilbake innen ${decimal(p.hours, 'nb')} timer, og ingen ble rammet av forsinkelsen; ${odds(p.likelihood).nb}.`,
    en: (p) => `Availability: the data was back within ${decimal(p.hours, 'en')} hours and nobody was harmed by the delay (${odds(p.likelihood).en}).`,
  },
  'avail.short-critical': {
    nb: (p) => `Tilgjengelighet: opplysningene var tilbake innen ${decimal(p.hours, 'nb')} timer, men selv et kort avbrudd kan ramme de berørte, og det er ikke avklart om noen ble rammet; ${odds(p.likelihood).nb}.`,
    en: (p) => `Availability: the data was back within ${decimal(p.hours, 'en')} hours, but even a short outage can harm these people, and whether anyone was harmed is not established (${odds(p.likelihood).en}).`,
  },
  'avail.long': {
    nb: (p) => `Tilgjengelighet: opplysningene var utilgjengelige i ${decimal(p.hours, 'nb')} timer; ${odds(p.likelihood).nb}.`,
    en: (p) => `Availability: the data was unavailable for ${decimal(p.hours, 'en')} hours (${odds(p.likelihood).en}).`,
  },
  'avail.duration-unknown': likely('availability', 'vi vet ikke hvor lenge opplysningene var utilgjengelige', 'we do not know how long the data was unavailable'),
  'avail.impact-unknown': likely('availability', 'vi vet ikke om opplysningene er tapt eller bare var utilgjengelige en stund', 'we do not know whether the data is lost or was only unavailable for a while'),
  'avail.severity': {
    nb: (p) => `Tilgjengelighet: uten opplysningene kan de berørte rammes av ${HARM_LABELS[p.harm].nb}; konsekvensen er ${SEVERITY[p.severity].nb}.`,
    en: (p) => `Availability: without the data the people could suffer ${HARM_LABELS[p.harm].en}; the consequences are ${SEVERITY[p.severity].en}.`,
  },
  'integ.misuse-seen': likely('integrity', 'endrede opplysninger er allerede brukt mot de berørte', 'altered data has already been used against the people'),
  'integ.corrected': likely('integrity', 'de endrede opplysningene er rettet før noen brukte dem', 'the altered data was corrected before anyone used it'),
  'integ.may-be-used': likely('integrity', 'endrede opplysninger kan fortsatt være i bruk', 'altered data may still be in use'),
  'matrix.type': {
    nb: (p) => `${capital(TYPE[p.type].nb)}: ${LIKELIHOOD[p.likelihood].nb} sannsynlighet og ${SEVERITY[p.severity].nb} konsekvens gir ${RISK[p.risk].nb}.`,
    en: (p) => `${capital(TYPE[p.type].en)}: likelihood ${LIKELIHOOD[p.likelihood].en} and severity ${SEVERITY[p.severity].en}, so ${RISK[p.risk].en}.`,
  },
  'matrix.many-people': {
    nb: (p) => `Begrensede konsekvenser som er sannsynlige for minst ${groupDigits(p.people)} personer, er likevel en risiko som skal meldes.`,
    en: (p) => `Limited consequences that are likely for at least ${groupDigits(p.people)} people are still a risk to report.`,
  },
  'outcome.unlikely': sentence(
    'Bruddet vil neppe medføre risiko for de berørte: Datatilsynet trenger ikke varsles, men bruddet skal dokumenteres internt (art. 33 nr. 5).',
    'The breach is unlikely to result in a risk to the people: Datatilsynet need not be notified, but the breach must be documented (Art. 33(5)).',
  ),
  'outcome.risk': sentence(
    'Bruddet kan medføre risiko for de berørte: meld det til Datatilsynet innen 72 timer etter at dere ble kjent med det. Risikoen er ikke høy, så de berørte trenger ikke varsles enkeltvis.',
    'The breach may result in a risk to the people: notify Datatilsynet within 72 hours of awareness. The risk is not high, so the people need not be told individually.',
  ),
  'outcome.high': sentence(
    'Bruddet vil sannsynligvis medføre høy risiko for de berørte: meld det til Datatilsynet innen 72 timer og varsle de berørte uten ugrunnet opphold.',
    'The breach is likely to result in a high risk to the people: notify Datatilsynet within 72 hours and tell the people without undue delay.',
  ),
  'outcome.risk-late': sentence(
    'Bruddet kan medføre risiko for de berørte, og fristen på 72 timer har gått ut: meld det til Datatilsynet nå, og oppgi årsakene til forsinkelsen. Risikoen er ikke høy, så de berørte trenger ikke varsles enkeltvis.',
    'The breach may result in a risk to the people, and the 72 hours have passed: notify Datatilsynet now, giving the reasons for the delay. The risk is not high, so the people need not be told individually.',
  ),
  'outcome.high-late': sentence(
    'Bruddet vil sannsynligvis medføre høy risiko for de berørte, og fristen på 72 timer har gått ut: meld det til Datatilsynet nå, oppgi årsakene til forsinkelsen, og varsle de berørte uten ugrunnet opphold.',
    'The breach is likely to result in a high risk to the people, and the 72 hours have passed: notify Datatilsynet now, giving the reasons for the delay, and tell the people without undue delay.',
  ),
  'outcome.doubt': {
    nb: (p) => `Det er ikke avklart ${joinList(p.facts.map((f) => DOUBT[f].nb), 'nb')}. Avhengig av svaret kan bruddet medføre risiko, og ved tvil skal det meldes til Datatilsynet.`,
    en: (p) => `It is not established ${joinList(p.facts.map((f) => DOUBT[f].en), 'en')}. Depending on the answer, the breach may be a risk, and when in doubt it is notified to Datatilsynet.`,
  },
  'exemption.encrypted': sentence(
    'Krypteringen gjorde opplysningene uleselige for uvedkommende (art. 34 nr. 3 bokstav a). Dokumenter hvordan nøkkelen oppbevares.',
    'Encryption made the data unintelligible to anyone unauthorised (Art. 34(3)(a)). Record how the key is kept.',
  ),
  'exemption.mitigated': {
    nb: (p) => `Etter tiltakene som er gjort (${joinList(p.measures.map((m) => (m === 'deletion' ? 'mottakeren har bekreftet sletting' : 'opplysningene er gjort ubrukelige')), 'nb')}), vil den høye risikoen neppe inntreffe (art. 34 nr. 3 bokstav b), og de berørte trenger ikke varsles enkeltvis. Dokumenter hva som ble gjort og når.`,
    en: (p) => `After the measures taken (${joinList(p.measures.map((m) => (m === 'deletion' ? 'the recipient confirmed deletion' : 'the data was made useless')), 'en')}), the high risk is no longer likely to materialise (Art. 34(3)(b)), so the people need not be told individually. Record what was done and when.`,
  },
  'exemption.disproportionate': sentence(
    'Det vil kreve uforholdsmessig stor innsats å nå hver enkelt (art. 34 nr. 3 bokstav c). Informer i stedet gjennom en offentlig kunngjøring som når de berørte like effektivt.',
    'Reaching each person would take disproportionate effort (Art. 34(3)(c)). Inform them instead through a public communication that reaches them as effectively.',
  ),
  'processor.inform-controller': sentence(
    'Dere er databehandler: varsle den behandlingsansvarlige uten ugrunnet opphold (art. 33 nr. 2). Vurderingen nedenfor er et grunnlag for den behandlingsansvarliges beslutning.',
    'You are the processor: inform the controller without undue delay (Art. 33(2)). The assessment below is input to the controller\'s decision.',
  ),
  'enisa.score': {
    nb: (p) => `Til sammenligning etter ENISAs metode: alvorlighetsgrad ${decimal(p.score, 'nb')} (${BAND[p.band].nb}) = behandlingskontekst ${decimal(p.dpc, 'nb')} × identifiserbarhet ${decimal(p.ei, 'nb')} + omstendigheter ${decimal(p.circumstances, 'nb')}.`,
    en: (p) => `For comparison, by ENISA's method: severity ${p.score} (${BAND[p.band].en}) = data processing context ${p.dpc} × ease of identification ${p.ei} + circumstances ${p.circumstances}.`,
  },
  'enisa.dpc.base': {
    nb: (p) => `Utgangspunkt ${p.score} for ${CATEGORY_LABELS[p.category].nb}.`,
    en: (p) => `Base ${p.score} for ${CATEGORY_LABELS[p.category].en}.`,
  },
  'enisa.dpc.vulnerable': sentence('Opp 1: de berørte er sårbare.', 'Up 1: the people are vulnerable.'),
  'enisa.dpc.volume': sentence('Opp 0,5: svært mange berørte.', 'Up 0.5: a very large number of people.'),
  'enisa.dpc.few': sentence('Ned 1: få berørte og vanlige opplysninger.', 'Down 1: few people and ordinary data.'),
  'enisa.dpc.limited-detail': sentence('Ned 1: opplysningene sier lite om hver enkelt.', 'Down 1: the data reveals little about each person.'),
  'enisa.ei': {
    nb: (p) => ({ limited: 'Begrenset identifiserbarhet: det trengs andre opplysninger for å vite hvem det gjelder.', significant: 'Betydelig identifiserbarhet: de berørte kan identifiseres uten stor innsats.', maximum: 'Full identifiserbarhet: opplysningene navngir de berørte direkte.' })[p.identification],
    en: (p) => ({ limited: 'Limited identification: other data is needed to know who it concerns.', significant: 'Significant identification: the people can be identified with little effort.', maximum: 'Maximum identification: the data names the people directly.' })[p.identification],
  },
  'enisa.cb.confidentiality': {
    nb: (p) => `Konfidensialitet +${decimal(p.value, 'nb')}: ${({ none: 'ingen lesbare opplysninger kom på avveie', known: 'opplysningene nådde et kjent antall kjente mottakere', unknown: 'opplysningene nådde ukjente mottakere eller ble publisert' })[p.recipients]}.`,
    en: (p) => `Confidentiality +${p.value}: ${({ none: 'no readable data got out', known: 'the data reached a known number of identified recipients', unknown: 'the data reached unknown recipients or was published' })[p.recipients]}.`,
  },
  'enisa.cb.integrity': {
    nb: (p) => `Integritet +${decimal(p.value, 'nb')}: ${({ restored: 'opplysningene er rettet', possible: 'endrede opplysninger kan være brukt', misused: 'endrede opplysninger er brukt mot de berørte' })[p.state]}.`,
    en: (p) => `Integrity +${p.value}: ${({ restored: 'the data was corrected', possible: 'altered data may have been used', misused: 'altered data was used against the people' })[p.state]}.`,
  },
  'enisa.cb.availability': {
    nb: (p) => `Tilgjengelighet +${decimal(p.value, 'nb')}: ${({ recovered: 'opplysningene ble gjenopprettet uten problemer', temporary: 'opplysningene var utilgjengelige en stund', lost: 'opplysningene er tapt for godt' })[p.state]}.`,
    en: (p) => `Availability +${p.value}: ${({ recovered: 'the data was recovered without difficulty', temporary: 'the data was unavailable for a while', lost: 'the data is lost for good' })[p.state]}.`,
  },
  'enisa.cb.malicious': {
    nb: (p) => `Ondsinnet hensikt +${decimal(p.value, 'nb')}.`,
    en: (p) => `Malicious intent +${p.value}.`,
  },
  'ask.dataCategories': sentence('Hvilke kategorier personopplysninger gjelder det?', 'Which categories of personal data are involved?'),
  'ask.breachTypes': sentence('Gjelder bruddet konfidensialitet, integritet eller tilgjengelighet?', 'Is it a breach of confidentiality, integrity or availability?'),
  'ask.subjects.count': sentence('Omtrent hvor mange personer er berørt?', 'About how many people are affected?'),
  'ask.subjects.vulnerable': sentence('Er barn, pasienter eller andre sårbare blant de berørte?', 'Are children, patients or other vulnerable people among those affected?'),
  'ask.encryption.dataEncrypted': sentence(
    'Var opplysningene kryptert? Med sikker kryptering og nøkkelen i behold ville risikoen vært liten (art. 34 nr. 3 bokstav a).',
    'Was the data encrypted? With state-of-the-art encryption and a safe key the risk would be unlikely (Art. 34(3)(a)).',
  ),
  'ask.encryption.keyCompromised': sentence(
    'Var nøkkelen lagret sammen med opplysningene, eller kan den som fikk opplysningene også ha fått nøkkelen?',
    'Was the key stored with the data, or could whoever got the data also have the key?',
  ),
  'ask.encryption.stateOfTheArt': sentence('Var krypteringen (eller hashingen) i tråd med beste praksis?', 'Was the encryption (or hashing) state of the art?'),
  'ask.recipients.type': sentence(
    'Hvem fikk opplysningene: en mottaker med taushetsplikt, en kjent person, en ukjent angriper eller offentligheten?',
    'Who got the data: a recipient bound by confidentiality, an identified person, an unknown attacker, or the public?',
  ),
  'ask.unauthorisedAccess': sentence('Har noen uvedkommende faktisk lest opplysningene?', 'Did anyone unauthorised actually read the data?'),
  'ask.exfiltration': sentence('Kan logger vise om opplysninger ble kopiert ut?', 'Can logs show whether data was copied out?'),
  'ask.backup.restoreHours': sentence('Hvor lenge var opplysningene utilgjengelige, og ble de gjenopprettet fra sikkerhetskopi?', 'How long was the data unavailable, and was it restored from backup?'),
  'ask.availabilityImpact': sentence('Er opplysningene tapt for godt, eller var de bare utilgjengelige en stund?', 'Is the data lost for good, or was it only unavailable for a while?'),
  'ask.outageHarmedPeople': sentence(
    'Ble noen rammet av at opplysningene var utilgjengelige, for eksempel ved at behandling eller utbetalinger ble forsinket?',
    'Was anyone harmed by the data being unavailable, for example delayed care or payments?',
  ),
  'ask.misuseObserved': sentence('Er det sett misbruk av opplysningene (svindelforsøk, phishing, publisering)?', 'Has any misuse of the data been seen (fraud attempts, phishing, publication)?'),
  'ask.likelyConsequences': sentence(
    'Hva kan skje med de berørte: fare for liv og helse, identitetstyveri eller svindel, økonomisk tap, diskriminering, skade på omdømmet, brudd på taushetsplikt eller psykisk belastning?',
    'What could happen to the people: danger to life or health, identity theft or fraud, financial loss, discrimination, damage to reputation, loss of professional secrecy or distress?',
  ),
  'ask.dataDetail': sentence(
    'Hvor mye sier opplysningene om hver enkelt: én enkelt opplysning (for eksempel en kostholdsmerknad) eller et fyldigere bilde?',
    'How much does the data reveal about each person: a single detail (a dietary note, say) or a fuller picture?',
  ),
  'ask.subjects.canBeReached': sentence('Kan de berørte nås enkeltvis, og med hvilken innsats?', 'Can the people be reached individually, and at what effort?'),
};

/**
 * ENISA's severity score (Recommendations for a methodology of the assessment of severity of personal
 * data breaches, 2013): SE = DPC × EI + CB. Shown beside the EDPB outcome as an explained second
 * opinion; it never decides. No authority maps its bands to notification duties.
 */
import type { EnisaBand } from '../../../notifications/messages/risk.messages.js';
import type { DataCategory } from '../incidents/incident.vocabulary.js';
import { isUnintelligible, reason, type Reason } from './risk-factors.js';
import type { Identification, RiskFacts } from './risk-facts.js';

export interface EnisaScore {
  score: number;
  band: EnisaBand;
  dpc: { base: number; category: DataCategory; value: number; parts: Reason[] };
  ei: { value: number; identification: Identification; part: Reason };
  cb: { factor: 'confidentiality' | 'integrity' | 'availability' | 'malicious'; value: number; part: Reason }[];
  summary: Reason;
}

const ENISA = 'ENISA 2013 severity methodology';

/** ENISA's data processing context base scores: simple 1, behavioural 2, financial 3, sensitive 4. */
export const DPC_BASE: Record<DataCategory, number> = {
  work_contact: 1, identity: 1, contact: 1, date_of_birth: 1, employment: 1, education: 1, vehicle: 1, family_status: 1, children: 1,
  images: 2, location: 2, communications: 2, communications_billing: 2, purchase_history: 2, unspecified: 2,
  financial: 3, payment_card: 3, insurance: 3, national_id_number: 3, credentials: 3,
  special_category_health: 4, special_category_genetic: 4, special_category_biometric: 4, special_category_ethnic_origin: 4,
  special_category_political: 4, special_category_religious: 4, special_category_trade_union: 4, special_category_sex_life: 4,
  special_category_unspecified: 4, criminal_offences: 4,
};

/** ENISA's score with every part as a reason, from the same facts and factors the EDPB outcome used. */
export function enisaScore(f: RiskFacts, identification: { identification: Identification; ei: number }, people: { lowerBound: number | null; vulnerable: boolean }): EnisaScore {
  const categories = f.dataCategories.length ? f.dataCategories : (['unspecified'] as DataCategory[]);
  const category = categories.reduce((best, c) => (DPC_BASE[c] > DPC_BASE[best] ? c : best), categories[0]!);
  const base = DPC_BASE[category];
  const parts: Reason[] = [reason('enisa.dpc.base', { category, score: base }, ENISA)];
  let dpc = base;
  if (people.vulnerable && base < 4) { dpc += 1; parts.push(reason('enisa.dpc.vulnerable', {}, ENISA)); }
  if (people.lowerBound !== null && people.lowerBound >= 10_000 && base < 4) { dpc += 0.5; parts.push(reason('enisa.dpc.volume', {}, ENISA)); }
  if (people.lowerBound !== null && people.lowerBound < 10 && base <= 2 && !people.vulnerable) { dpc -= 1; parts.push(reason('enisa.dpc.few', {}, ENISA)); }
  if (f.dataDetail === 'limited' && base >= 2) { dpc -= 1; parts.push(reason('enisa.dpc.limited-detail', {}, ENISA)); }
  dpc = Math.min(4, Math.max(1, dpc));

  const has = (t: 'confidentiality' | 'integrity' | 'availability') => f.breachTypes.includes(t);
  const cb: EnisaScore['cb'] = [];
  if (has('confidentiality')) {
    const readable = !isUnintelligible(f) && f.unauthorisedAccess !== 'none' && f.exfiltration !== 'ruled_out' && f.recipients.type !== 'none';
    const known = ['trusted_known', 'untrusted_known', 'malicious_known'].includes(f.recipients.type);
    const value = !readable ? 0 : known ? 0.25 : 0.5;
    cb.push({ factor: 'confidentiality', value, part: reason('enisa.cb.confidentiality', { value, recipients: !readable ? 'none' : known ? 'known' : 'unknown' }, ENISA) });
  }
  if (has('integrity')) {
    const state = f.misuseObserved === 'confirmed' ? 'misused' : f.backup.restored === true ? 'restored' : 'possible';
    const value = { misused: 0.5, restored: 0, possible: 0.25 }[state];
    cb.push({ factor: 'integrity', value, part: reason('enisa.cb.integrity', { value, state }, ENISA) });
  }
  if (has('availability')) {
    const quick = f.backup.restoreHours !== null && f.backup.restoreHours <= 24;
    const state = f.availabilityImpact === 'permanent' ? 'lost' : f.availabilityImpact === 'none' || (f.availabilityImpact === 'temporary' && quick) ? 'recovered' : 'temporary';
    const value = { lost: 0.5, recovered: 0, temporary: 0.25 }[state];
    cb.push({ factor: 'availability', value, part: reason('enisa.cb.availability', { value, state }, ENISA) });
  }
  if (f.causeKind === 'malicious') cb.push({ factor: 'malicious', value: 0.5, part: reason('enisa.cb.malicious', { value: 0.5 }, ENISA) });
  const circumstances = cb.reduce((sum, c) => sum + c.value, 0);
  const score = Math.round((dpc * identification.ei + circumstances) * 100) / 100;
  const band: EnisaBand = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very high';
  return {
    score,
    band,
    dpc: { base, category, value: dpc, parts },
    ei: { value: identification.ei, identification: identification.identification, part: reason('enisa.ei', { identification: identification.identification }, ENISA) },
    cb,
    summary: reason('enisa.score', { score, band, dpc, ei: identification.ei, circumstances }, ENISA),
  };
}

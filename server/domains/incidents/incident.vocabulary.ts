/** The closed lists of the incident's facts: one place, used by the model, the schemas, the engine and the client. */
export const BREACH_TYPES = ['confidentiality', 'integrity', 'availability'] as const;
export const CAUSE_KINDS = ['malicious', 'accidental', 'unknown'] as const;
export const INCIDENT_ROLES = ['controller', 'processor'] as const;
export const STATUSES = ['triage', 'open', 'closed'] as const;
export const CLOCK_STATES = ['not-started', 'running', 'stopped'] as const;
export const STOP_REASONS = ['notified', 'not-notifiable', 'not-a-breach', 'controller-informed'] as const;

export const DATA_CATEGORIES = [
  'identity', 'contact', 'work_contact', 'date_of_birth', 'national_id_number', 'financial', 'payment_card', 'credentials',
  'location', 'communications', 'communications_billing', 'employment', 'education', 'purchase_history',
  'vehicle', 'insurance', 'family_status', 'images', 'children',
  'special_category_health', 'special_category_genetic', 'special_category_biometric', 'special_category_ethnic_origin',
  'special_category_political', 'special_category_religious', 'special_category_trade_union', 'special_category_sex_life',
  'special_category_unspecified',
  'criminal_offences', 'unspecified',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const COUNT_KINDS = ['exact', 'estimate', 'range', 'unknown'] as const;
export const AVAILABILITY_IMPACTS = ['none', 'temporary', 'permanent', 'unknown'] as const;
export const EXFILTRATION = ['ruled_out', 'possible', 'confirmed', 'not_applicable', 'unknown'] as const;
export const UNAUTHORISED_ACCESS = ['none', 'encrypted_only', 'possible', 'confirmed', 'unknown'] as const;
export const MISUSE = ['none_observed', 'confirmed', 'unknown'] as const;
export const RECIPIENT_TYPES = [
  'malicious_unknown', 'malicious_known', 'trusted_known', 'untrusted_known', 'unknown_finder', 'public', 'none', 'unknown',
] as const;
export const REACH_EFFORT = ['individual', 'disproportionate', 'unknown'] as const;
/** What could happen to the people (EDPB Guidelines 9/2022 para. 107; Datatilsynet's notification form asks for it). */
export const LIKELY_CONSEQUENCES = [
  'physical_safety', 'identity_fraud', 'financial_loss', 'discrimination', 'reputation', 'professional_secrecy', 'distress',
] as const;
export type LikelyConsequence = (typeof LIKELY_CONSEQUENCES)[number];
/** How much the data reveals about each person: one detail, or a fuller picture. */
export const DATA_DETAIL = ['limited', 'substantial', 'unknown'] as const;

export const SUBMISSION_PHASES = ['complete', 'initial', 'supplementary', 'final'] as const;
export const SUBMISSION_CHANNELS = ['altinn', 'email', 'post', 'phone'] as const;

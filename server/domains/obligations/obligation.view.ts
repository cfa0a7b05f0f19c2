import type { Role } from '../access/permissions.js';

/** What an incident still owes, in the order the law asks for it. */
export const OBLIGATION_KINDS = [
  'declare-awareness',
  'assess',
  'decide',
  'review-decision',
  'inform-controller',
  'notify-authority',
  'notify-subjects',
  'record-exemption',
  'publish-public',
  'follow-up-phased',
  'close',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** One open obligation as it leaves the server: the dashboard words it through the message catalogue. */
export interface ObligationView {
  kind: ObligationKind;
  /** ISO 8601 in UTC; null where the law sets no time (then "without undue delay"). */
  dueAt: string | null;
  overdue: boolean;
  /** The roles that may act on it. */
  actorRoles: Role[];
  /** Named people who may act (the incident's owner, the DPO on record), when known. */
  actors: { id: string; name: string }[];
}

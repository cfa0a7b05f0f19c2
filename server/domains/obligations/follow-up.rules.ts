/** Art. 33(4): a notice given in phases. Pure, so the dashboard's forms use the same rule. */

import { filedLate } from '../incidents/reason.rules.js';

/** How long after a first or partial notice the follow-up is due when the notice does not say. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;

type Phase = 'complete' | 'initial' | 'supplementary' | 'final';

/** A first or partial notice owes a follow-up; a complete or final one closes what is owed. */
export const owesFollowUp = (phase: Phase): boolean => phase === 'initial' || phase === 'supplementary';

/** When the follow-up is due if the notice does not say: a week after it. */
export const defaultFollowUpAt = (from: Date): Date => new Date(from.getTime() + DEFAULT_FOLLOW_UP_DAYS * 24 * 3_600_000);

/** What is wrong with a stated follow-up time for a notice of this phase sent at `sentAt`, or null. */
export function followUpProblem(phase: Phase, followUpDueAt: Date | undefined, sentAt: Date): 'field.follow-up-not-phased' | 'field.follow-up-too-early' | null {
  if (!followUpDueAt) return null;
  if (!owesFollowUp(phase)) return 'field.follow-up-not-phased';
  return followUpDueAt.getTime() <= sentAt.getTime() ? 'field.follow-up-too-early' : null;
}

/**
 * Whether a filing with Datatilsynet is late. Art. 33(1)'s 72 hours are for the first notification: a
 * supplementary or final phase after a first filing is late only if that first filing was; any other
 * filing is late when sent after the deadline. The ledger and the notice text both use this.
 */
export function filingLate(input: { phase: Phase; sentAt: Date; deadline: Date | null; firstFiling: { late: boolean } | null }): boolean {
  if (input.firstFiling && (input.phase === 'supplementary' || input.phase === 'final')) return input.firstFiling.late;
  return filedLate(input.sentAt, input.deadline);
}

/**
 * When a time a person records needs a written reason beside it: one rule each, used by the server's
 * validation and by the forms that show the reason field only when it is needed.
 */

/** Awareness recorded more than this before "now" counts as backdated. */
export const BACKDATED_AFTER_MS = 15 * 60_000;

/**
 * Why a time of awareness needs a written reason, or null when it needs none: correcting a declared
 * time always does (the deadline moves), and so does a first declaration that lies in the past (it
 * starts the clock with hours already gone). The same at intake and in the awareness panel.
 */
export function awarenessReasonNeeded(input: { at: Date; now: Date; correcting: boolean }): 'correcting' | 'backdated' | null {
  if (input.correcting) return 'correcting';
  return input.now.getTime() - input.at.getTime() > BACKDATED_AFTER_MS ? 'backdated' : null;
}

/**
 * Whether a time of awareness contradicts the time of discovery: we cannot have been aware of a breach
 * before it was discovered. Either time missing contradicts nothing.
 */
export function awareBeforeDiscovered(input: { awareAt: Date | null | undefined; detectedAt: Date | null | undefined }): boolean {
  return !!input.awareAt && !!input.detectedAt && input.awareAt.getTime() < input.detectedAt.getTime();
}

/** A filing sent after the 72-hour deadline is late (Art. 33(1)). */
export const filedLate = (sentAt: Date, deadline: Date | null): boolean => !!deadline && sentAt.getTime() > deadline.getTime();

/**
 * Whether a filing needs the reasons for the delay: the first one sent late does, unless the case already
 * holds them (given in a drafted notice); later phases reuse them.
 */
export function delayReasonsNeeded(input: { sentAt: Date; deadline: Date | null; firstFiling: boolean; reasonsOnRecord: string }): boolean {
  return filedLate(input.sentAt, input.deadline) && input.firstFiling && !input.reasonsOnRecord.trim();
}

/** Web push rules the server and the dashboard share. */

/** A device the push service said is gone stays listed this long (its screen asks to turn push on again); then it is removed. */
export const GONE_KEPT_DAYS = 30;

const KEPT_MS = GONE_KEPT_DAYS * 86_400_000;

/** Devices gone before this time have been listed long enough. */
export const goneLongEnoughBefore = (now: Date): Date => new Date(now.getTime() - KEPT_MS);

/** When a device gone at `goneAt` is removed from the list. */
export const goneDeviceRemovedAt = (goneAt: Date): Date => new Date(goneAt.getTime() + KEPT_MS);

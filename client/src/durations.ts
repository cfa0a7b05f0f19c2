/** Time left and time since, as the clocks on screen say them (no language: the words come from the catalogue). */

/** "71:59:59" from milliseconds left; never negative (a passed time is said in words, `sincePassed`). */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.trunc(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** How long ago a time passed, in whole hours and minutes: 3 h 12 min ago is `{ hours: 3, minutes: 12 }`. */
export function sincePassed(msLeft: number): { hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor(-msLeft / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

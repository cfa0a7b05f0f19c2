import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls a condition until it holds or the deadline passes, for states that settle outside the test's
 * control (a reconnecting driver, a child process exiting). Fails with the last value seen.
 */
export async function waitFor<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await delay(50);
    last = await probe();
  }
  return last;
}

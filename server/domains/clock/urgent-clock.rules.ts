/** The legal clocks an incident can run: ours to inform the controller (a processor, Art. 33(2)), and the 72 hours to Datatilsynet (Art. 33(1)). */
export type LegalClock = 'controller' | 'authority';

type Moment = Date | string | null | undefined;
const ms = (at: Moment): number | null => (at ? new Date(at).getTime() : null);

/**
 * Which clock to keep in view: the most urgent legal one the incident runs. A processor's clock to inform
 * its controller runs until the controller is told; where we also notify Datatilsynet on its behalf, the
 * 72 hours take over once the controller is told, or sooner if they end first. Otherwise the 72 hours.
 */
export function mostUrgentClock(input: {
  role: 'controller' | 'processor';
  authority: { state: 'not-started' | 'running' | 'stopped'; deadline: Moment };
  controller: { targetAt: Moment; informedAt: Moment };
}): LegalClock {
  if (input.role !== 'processor' || !input.controller.targetAt) return 'authority';
  // Our clock to Datatilsynet does not run: the controller notifies, and what we owe is to tell it.
  if (input.authority.state === 'not-started') return 'controller';
  if (input.controller.informedAt) return 'authority';
  const toAuthority = input.authority.state === 'running' ? ms(input.authority.deadline) : null;
  const toController = ms(input.controller.targetAt)!;
  return toAuthority !== null && toAuthority < toController ? 'authority' : 'controller';
}

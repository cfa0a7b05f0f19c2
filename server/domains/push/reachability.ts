import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import type { User } from '../users/user.model.js';
import type { PushSubscription } from './push.model.js';

export type ReachKind = 'push' | 'email' | 'webhook' | 'dashboard';

/** One way an alert reaches a person, worded for the reader, and whether it does so with no dashboard open. */
export interface ReachChannel {
  kind: ReachKind;
  label: string;
  reachesClosedTab: boolean;
}

export const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * The channels a person's alerts go out on, as the dispatcher chooses them: every push device, e-mail
 * when the install can send it and the person has not turned it off, their webhook, and a rota's
 * webhook when given. The open dashboard always counts, but reaches nobody whose tab is closed.
 */
export function channelsOf(
  user: Pick<User, 'email' | 'alertChannels'>,
  devices: Pick<PushSubscription, 'deviceName'>[],
  options: { mailer: boolean; lang: Lang; rotaWebhook?: { rota: string; url: string } },
): ReachChannel[] {
  const { lang } = options;
  const channels: ReachChannel[] = devices.map((d) => ({ kind: 'push', label: say({ code: 'reach.push', params: { deviceName: d.deviceName } }, lang), reachesClosedTab: true }));
  if (options.mailer && user.alertChannels?.email !== false) {
    channels.push({ kind: 'email', label: say({ code: 'reach.email', params: { address: user.email } }, lang), reachesClosedTab: true });
  }
  if (user.alertChannels?.webhookUrl) {
    channels.push({ kind: 'webhook', label: say({ code: 'reach.webhook', params: { host: hostOf(user.alertChannels.webhookUrl) } }, lang), reachesClosedTab: true });
  }
  if (options.rotaWebhook) {
    channels.push({ kind: 'webhook', label: say({ code: 'reach.rota-webhook', params: { rota: options.rotaWebhook.rota, host: hostOf(options.rotaWebhook.url) } }, lang), reachesClosedTab: true });
  }
  channels.push({ kind: 'dashboard', label: say({ code: 'reach.dashboard', params: {} }, lang), reachesClosedTab: false });
  return channels;
}

/** True when some channel reaches the person with no dashboard open. */
export const reachesClosedTab = (channels: ReachChannel[]) => channels.some((c) => c.reachesClosedTab);

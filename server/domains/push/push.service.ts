import { timingSafeEqual } from 'node:crypto';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { op } from '../../db/trusted.js';
import { jobDone, jobSkipped, type Scheduler } from '../../jobs/scheduler.js';
import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import type { Clock } from '../../lib/clock.js';
import type { EgressGuard } from '../../lib/egress.js';
import { refusal } from '../../http/refusal.js';
import { notFound } from '../../lib/errors.js';
import { isObjectId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import type { Alert } from '../alerts/alert.model.js';
import type { Delivery } from '../alerts/delivery.model.js';
import type { AddedChannel, AlertDispatcher } from '../alerts/dispatcher.js';
import { deliveryError } from '../alerts/alert.presenter.js';
import { DeliveryFailed } from '../alerts/senders.js';
import type { Actor } from '../access/actor.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { RotaService } from '../oncall/rota.service.js';
import type { User } from '../users/user.model.js';
import { checkWebhook, type UserService } from '../users/user.service.js';
import { pushAckToken, type AckTokenSettings } from './push-ack.js';
import type { PushSubscription, StoredVapidKeys } from './push.model.js';
import { acknowledgedPayload, pushPayload } from './push.payload.js';
import { goneLongEnoughBefore } from './push.rules.js';
import { sendPush, SubscriptionGone } from './push.sender.js';
import { channelsOf, hostOf, reachesClosedTab, type ReachChannel } from './reachability.js';
import { loadVapidKeys, type VapidKeys } from './vapid.js';

export interface SubscribeInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  deviceName: string;
  replaces?: string;
}

export interface PushSettings {
  production: boolean;
  vapidFromEnv?: { publicKey: string; privateKey: string };
  subject: string;
  ack: AckTokenSettings;
  /** Whether the install can send e-mail (reachability counts the channel only then). */
  mailer: boolean;
}

export interface PushServiceDeps {
  subscriptions: Model<PushSubscription>;
  vapidStore: Model<StoredVapidKeys>;
  users: UserService;
  rotas: RotaService;
  dispatcher: AlertDispatcher;
  scheduler: Scheduler;
  audit: AuditService;
  egress: EgressGuard;
  clock: Clock;
  logger: Logger;
  settings: PushSettings;
}

export const PUSH_JOB = { acknowledged: 'push.acknowledged' } as const;

/** A person's devices may hold at most this many subscriptions (a phone, a laptop, a spare…). */
const MAX_DEVICES = 20;
/** A push waits this long at the push service for a device that is off. */
const PUSH_TTL_SECONDS = 12 * 3_600;

export const presentSubscription = (s: PushSubscription) => ({
  id: String(s._id),
  deviceName: s.deviceName,
  createdAt: s.createdAt.toISOString(),
  lastSuccessAt: s.lastSuccessAt ? s.lastSuccessAt.toISOString() : null,
  gone: !!s.goneAt,
  goneAt: s.goneAt ? s.goneAt.toISOString() : null,
});

/**
 * Web Push as an alert channel: people subscribe their devices, and the dispatcher sends each alert to
 * every device of each person it tells (one delivery per device). A push service's 404/410 marks the
 * subscription gone: nothing more goes to it, and the device's screen asks to turn push on again. Also
 * answers which channels reach whom, and sends a person a test alert.
 */
export class PushService {
  private vapid: Promise<VapidKeys> | undefined;

  constructor(private readonly deps: PushServiceDeps) {}

  /** The key pair, loaded (or generated) once. */
  keys(): Promise<VapidKeys> {
    const { settings, vapidStore, clock } = this.deps;
    this.vapid ??= loadVapidKeys(settings.vapidFromEnv, settings.subject, vapidStore, clock).catch((err: unknown) => {
      this.vapid = undefined;
      throw err;
    });
    return this.vapid;
  }

  defineJobs(): void {
    this.deps.scheduler.define({ name: PUSH_JOB.acknowledged, data: z.object({ alertId: z.string() }), handle: (d) => this.tellAcknowledged(d.alertId) });
  }

  /** Called when an alert is first acknowledged: its devices hear of it from a job, not in the request that acknowledged. */
  async acknowledged(alert: Alert): Promise<void> {
    await this.deps.scheduler.schedule(PUSH_JOB.acknowledged, this.deps.clock.now(), { alertId: String(alert._id) });
  }

  /**
   * Replaces the alert's notification on every device it was pushed to with one saying who acknowledged
   * it. Best effort, once: a device that misses it still has a button that answers "already acknowledged".
   */
  private async tellAcknowledged(alertId: string) {
    const { subscriptions, dispatcher, users, egress, logger } = this.deps;
    const alert = await dispatcher.alertById(alertId);
    if (!alert?.acknowledgedAt) return jobSkipped('not acknowledged');
    const ids = [...new Set((await dispatcher.deliveriesOf(alertId)).filter((d) => d.channel === 'push' && d.status === 'sent').map((d) => d.recipient))];
    const keys = await this.keys();
    let told = 0;
    for (const id of ids) {
      const subscription = isObjectId(id) ? await subscriptions.findById(id).lean<PushSubscription>() : null;
      const user = subscription ? await users.findActive(subscription.userId) : undefined;
      if (!subscription || subscription.goneAt || !user) continue;
      try {
        await sendPush(subscription, JSON.stringify(acknowledgedPayload(alert, user.locale ?? 'nb')), keys, { ttlSeconds: PUSH_TTL_SECONDS, topic: alertId }, egress);
        told++;
      } catch (err) {
        if (err instanceof SubscriptionGone) await this.markGone(subscription);
        logger.warn({ err, subscriptionId: id, alertId }, 'could not tell a device the alert was acknowledged');
      }
    }
    return told === ids.length ? jobDone() : jobSkipped(`${ids.length - told} of ${ids.length} devices not told`);
  }

  /** The channel the dispatcher adds: one recipient per device, by subscription id. */
  channel(): AddedChannel {
    return {
      name: 'push',
      recipientsOf: async (userId) => (await this.deps.subscriptions.find({ userId, goneAt: null }, { _id: 1 }).lean<Pick<PushSubscription, '_id'>[]>()).map((s) => String(s._id)),
      send: (delivery, alert, lang) => this.send(delivery, alert, lang),
      nameOf: async (ids) => {
        const valid = ids.filter(isObjectId);
        const found = valid.length ? await this.deps.subscriptions.find({ _id: op({ $in: valid }) }, { deviceName: 1 }).lean<Pick<PushSubscription, '_id' | 'deviceName'>[]>() : [];
        return new Map(found.map((s) => [String(s._id), s.deviceName]));
      },
    };
  }

  private async send(delivery: Delivery, alert: Alert, lang: Lang): Promise<void> {
    const { subscriptions, clock, logger } = this.deps;
    const subscription = isObjectId(delivery.recipient) ? await subscriptions.findById(delivery.recipient).lean<PushSubscription>() : null;
    // Removed since (unsubscribed, expired, or the browser now belongs to someone else): nobody to send to.
    if (!subscription || subscription.userId !== delivery.userId) throw new DeliveryFailed({ code: 'delivery.push-off', params: {} }, undefined, true);
    if (subscription.goneAt) throw new SubscriptionGone(410);
    const now = clock.now();
    const payload = pushPayload(alert, lang, { now, ackToken: pushAckToken(this.deps.settings.ack, String(alert._id), subscription.userId, now) });
    try {
      await sendPush(subscription, JSON.stringify(payload), await this.keys(), { ttlSeconds: PUSH_TTL_SECONDS, topic: String(alert._id) }, this.deps.egress);
    } catch (err) {
      if (err instanceof SubscriptionGone) {
        await this.markGone(subscription);
        logger.info({ subscriptionId: String(subscription._id), userId: subscription.userId }, 'push subscription gone; marked');
      }
      throw err;
    }
    await subscriptions.updateOne({ _id: subscription._id }, { $set: { lastSuccessAt: clock.now() } });
  }

  /** The endpoint in the filter: a device subscribed again since keeps its new subscription. */
  private async markGone(subscription: PushSubscription): Promise<void> {
    await this.deps.subscriptions.updateOne({ _id: subscription._id, endpoint: subscription.endpoint }, { $set: { goneAt: this.deps.clock.now() } });
  }

  /**
   * Turns push on for a device. The endpoint is unique: subscribing it again (a new key, another person
   * signed in on the same browser) replaces what was stored for it.
   */
  /** In production a push service is reached over https only. */
  private refuseHttp(endpoint: string, lang: Lang): void {
    if (this.deps.settings.production && !endpoint.startsWith('https://')) {
      throw refusal(400, 'invalid_input', { code: 'push.refused', params: {} }, lang, [{ path: 'endpoint', message: { code: 'push.refused.https', params: {} } }]);
    }
  }

  async subscribe(ctx: AuditContext, actor: Actor, input: SubscribeInput, lang: Lang): Promise<PushSubscription> {
    const { subscriptions, egress, clock, audit } = this.deps;
    this.refuseHttp(input.endpoint, lang);
    await checkWebhook(egress, input.endpoint, 'endpoint');
    const existing = await subscriptions.findOne({ endpoint: input.endpoint }).lean<PushSubscription>();
    if (!existing && (await subscriptions.countDocuments({ userId: actor.id, goneAt: null })) >= MAX_DEVICES) {
      throw refusal(400, 'invalid_input', { code: 'push.refused', params: {} }, lang, [{ path: 'endpoint', message: { code: 'push.refused.devices', params: { max: MAX_DEVICES } } }]);
    }
    const fields = { userId: actor.id, keys: input.keys, deviceName: input.deviceName };
    let saved: PushSubscription | null;
    if (existing) {
      await subscriptions.updateOne({ _id: existing._id }, { $set: { ...fields, lastSuccessAt: null, goneAt: null } });
      saved = await subscriptions.findById(existing._id).lean<PushSubscription>();
    } else {
      try {
        saved = (await subscriptions.create({ ...fields, endpoint: input.endpoint, createdAt: clock.now(), lastSuccessAt: null, goneAt: null })).toObject();
      } catch (err) {
        // Two requests with the same endpoint at once: the other one stored it, this one updates it.
        if ((err as { code?: number }).code !== 11000) throw err;
        await subscriptions.updateOne({ endpoint: input.endpoint }, { $set: { ...fields, goneAt: null } });
        saved = await subscriptions.findOne({ endpoint: input.endpoint }).lean<PushSubscription>();
      }
    }
    if (!saved) throw notFound('Subscription');
    // Turned on again on a device whose subscription the push service said is gone: the new one replaces that record.
    const replaced = input.replaces && input.replaces !== String(saved._id)
      ? (await subscriptions.deleteOne({ _id: input.replaces, userId: actor.id, goneAt: op({ $ne: null }) })).deletedCount === 1
      : false;
    await audit.record(ctx, {
      action: 'push.subscribed', target: { type: 'push-subscription', id: String(saved._id) }, after: { deviceName: saved.deviceName, ...(replaced ? { replaced: input.replaces } : {}) },
    });
    return saved;
  }

  /** Removes the devices the push service said are gone more than GONE_KEPT_DAYS ago, everyone's; returns how many. */
  async removeLongGone(): Promise<number> {
    const { deletedCount } = await this.deps.subscriptions.deleteMany({ goneAt: op({ $lt: goneLongEnoughBefore(this.deps.clock.now()) }) });
    if (deletedCount) this.deps.logger.info({ removed: deletedCount }, 'removed push devices gone for longer than they are listed');
    return deletedCount;
  }

  /** Moves a subscription to the browser's new one, given the old endpoint and its auth secret; 404 for anything else. */
  async renew(input: { oldEndpoint: string; oldAuth: string; endpoint: string; keys: SubscribeInput['keys'] }, lang: Lang): Promise<PushSubscription> {
    const { subscriptions, egress, logger } = this.deps;
    const old = await subscriptions.findOne({ endpoint: input.oldEndpoint }).lean<PushSubscription>();
    const a = Buffer.from(input.oldAuth);
    const b = Buffer.from(old?.keys.auth ?? '');
    if (!old || a.length !== b.length || !timingSafeEqual(a, b)) throw notFound('Subscription');
    this.refuseHttp(input.endpoint, lang);
    await checkWebhook(egress, input.endpoint, 'endpoint');
    try {
      // The filter holds the old endpoint and secret: of two renewals at once, one moves it.
      await subscriptions.updateOne({ _id: old._id, endpoint: old.endpoint, 'keys.auth': old.keys.auth }, { $set: { endpoint: input.endpoint, keys: input.keys, lastSuccessAt: null, goneAt: null } });
    } catch (err) {
      // The new endpoint is already stored (subscribed again from the page): the old record goes.
      if ((err as { code?: number }).code !== 11000) throw err;
      await subscriptions.deleteOne({ _id: old._id, endpoint: old.endpoint });
    }
    logger.info({ subscriptionId: String(old._id), userId: old.userId }, 'push subscription renewed by the browser');
    const now = await subscriptions.findOne({ endpoint: input.endpoint }).lean<PushSubscription>();
    if (!now) throw notFound('Subscription');
    return now;
  }

  /** The person's devices, those the push service said are gone included (their screens ask to turn push on again). */
  async list(userId: string): Promise<PushSubscription[]> {
    return this.deps.subscriptions.find({ userId }).sort({ createdAt: 1 }).lean<PushSubscription[]>();
  }

  /** The devices a push still reaches. */
  private async live(userId: string): Promise<PushSubscription[]> {
    return (await this.list(userId)).filter((s) => !s.goneAt);
  }

  /** Turns push off for one of the caller's own devices; someone else's is 404, as is an unknown one. */
  async remove(ctx: AuditContext, actor: Actor, id: string): Promise<void> {
    if (!isObjectId(id)) throw notFound('Subscription');
    const res = await this.deps.subscriptions.deleteOne({ _id: id, userId: actor.id });
    if (res.deletedCount !== 1) throw notFound('Subscription');
    await this.deps.audit.record(ctx, { action: 'push.unsubscribed', target: { type: 'push-subscription', id } });
  }

  /** The channels that reach the caller, worded in the language the request asks for. */
  async reachability(actor: Actor, lang: Lang): Promise<{ channels: ReachChannel[] }> {
    const user = await this.deps.users.get(actor.id);
    return { channels: channelsOf(user, await this.live(actor.id), { mailer: this.deps.settings.mailer, lang }) };
  }

  /** Per rota: who is on call now, and whether any of their channels (or the rota's webhook) reaches them with no tab open. */
  async onCallReachability(lang: Lang) {
    return Promise.all((await this.deps.rotas.now()).map(async ({ rota, onCall }) => {
      const person = onCall ? await this.deps.users.findActive(onCall) : undefined;
      const rotaWebhook = rota.webhookUrl ? { rota: rota.name, url: rota.webhookUrl } : undefined;
      const channels = person ? channelsOf(person, await this.live(onCall!), { mailer: this.deps.settings.mailer, lang, ...(rotaWebhook ? { rotaWebhook } : {}) }) : [];
      return {
        rotaId: String(rota._id),
        rotaName: rota.name,
        onCallNow: person ? { id: String(person._id), name: person.name } : null,
        reachesClosedTab: !!person && reachesClosedTab(channels),
        channels,
      };
    }));
  }

  /** How the caller's own test alert went, channel by channel; anyone else's (or an unknown one) is 404. */
  async testResult(actor: Actor, alertId: string, lang: Lang) {
    const alert = await this.deps.dispatcher.alertById(alertId);
    if (!alert || alert.kind !== 'test' || alert.forUser !== actor.id) throw notFound('Test alert');
    const devices = new Map((await this.list(actor.id)).map((s) => [String(s._id), s.deviceName]));
    const label = (d: Delivery) => {
      if (d.channel === 'push') return say({ code: 'reach.push', params: { deviceName: devices.get(d.recipient) ?? '–' } }, lang);
      if (d.channel === 'email') return say({ code: 'reach.email', params: { address: d.recipient } }, lang);
      return say({ code: 'reach.webhook', params: { host: hostOf(d.recipient) } }, lang);
    };
    return {
      id: alertId,
      sentAt: alert.firedAt.toISOString(),
      acknowledgedAt: alert.acknowledgedAt ? alert.acknowledgedAt.toISOString() : null,
      dashboard: alert.pushedAt ? ('sent' as const) : ('none-open' as const),
      deliveries: (await this.deps.dispatcher.deliveriesOf(alertId)).map((d) => ({ kind: d.channel, label: label(d), status: d.status, attempts: d.attempts, lastError: deliveryError(d, lang) })),
    };
  }

  /** Sends the caller a test alert on their own channels; one a minute. */
  async testAlert(ctx: AuditContext, actor: Actor, lang: Lang): Promise<{ alertId: string }> {
    const user: User = await this.deps.users.get(actor.id);
    const own = user.locale ?? 'nb';
    const alert = await this.deps.dispatcher.sendTest(user, { title: say({ code: 'push.test.title', params: {} }, own), ref: say({ code: 'push.test.ref', params: {} }, own) });
    if ('retryAfterSeconds' in alert) throw refusal(429, 'rate_limited', { code: 'push.refused.test-too-soon', params: {} }, lang).retryAfter(alert.retryAfterSeconds);
    await this.deps.audit.record(ctx, { action: 'alert.test-sent', target: { type: 'alert', id: String(alert._id) } });
    return { alertId: String(alert._id) };
  }
}

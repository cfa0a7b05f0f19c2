import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { renderAlertEmail, webhookPayload, type AlertFacts } from '../../../notifications/alert-message.js';
import type { Lang } from '../../../notifications/labels.js';
import type { DeliveryMessage } from '../../../notifications/messages/clock.messages.js';
import { say } from '../../../notifications/messages/index.js';
import type { DeferredJobs } from '../../jobs/deferred-jobs.js';
import { jobDone as done, jobFailed as failed, jobSkipped as skipped, type JobOutcome, type Scheduler } from '../../jobs/scheduler.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { actorOf } from '../access/actor.js';
import { canSeeIncident } from '../incidents/incident.access.js';
import type { Incident } from '../incidents/incident.model.js';
import type { Rota } from '../oncall/rota.model.js';
import { onCallAt } from '../oncall/rota.rules.js';
import type { User } from '../users/user.model.js';
import type { UserService } from '../users/user.service.js';
import { ackToken } from './ack-link.js';
import type { Alert } from './alert.model.js';
import { presentAlertMessage } from './alert.presenter.js';
import type { AlertDashboards, AlertService } from './alert.service.js';
import { resolutionOf } from './alert.rules.js';
import type { Channel, Delivery } from './delivery.model.js';
import { DeliveryFailed, postWebhook, type Mailer } from './senders.js';
import type { EgressGuard } from '../../lib/egress.js';
import { op } from '../../db/trusted.js';
import { isObjectId } from '../../lib/ids.js';

/** A person may send themselves one test alert in each such window (a minute of the clock). */
const TEST_ALERT_WINDOW_MS = 60_000;

export const ALERT_JOB = { dispatch: 'alerts.dispatch', deliver: 'alerts.deliver' } as const;
const DispatchJob = z.object({ alertIds: z.array(z.string()).min(1), level: z.number().int().min(0) });
const DeliverJob = z.object({ deliveryIds: z.array(z.string()).min(1) });
/** Deliveries of one job are sent this many at a time. */
const SEND_PARALLELISM = 8;

export interface DispatcherSettings {
  escalationMinutes: readonly number[];
  maxAttempts: number;
  webhookSecret: string;
  ackSecret: string;
  publicUrl: string;
  organisation: string;
}

/**
 * A channel another domain adds (push): the recipients it has for a person (one per device), and how
 * one delivery to one of them is sent. `send` throws DeliveryFailed, marked permanent when trying
 * again cannot help.
 */
export interface AddedChannel {
  readonly name: Channel;
  recipientsOf(userId: string): Promise<string[]>;
  send(delivery: Delivery, alert: Alert, lang: Lang): Promise<void>;
  /** What people know a recipient by (a device's name), for delivery lists; null when it is gone. */
  nameOf(recipients: string[]): Promise<Map<string, string>>;
}

/** One person told of an alert, and the channels that reached them. */
export interface Told {
  userId: string;
  name: string;
  channels: string[];
}

/** The same alerts give the same key, however long the list, so a retried dispatch defers its next step once. */
const stepKey = (alertIds: string[]) => createHash('sha256').update([...alertIds].sort().join(',')).digest('base64url').slice(0, 22);

export interface AlertDispatcherDeps {
  alerts: Model<Alert>;
  /** Resolves an alert whose obligation the incident has met by the time a step goes out. */
  resolver: Pick<AlertService, 'resolve'>;
  deliveries: Model<Delivery>;
  incidents: Model<Incident>;
  rotas: Model<Rota>;
  users: UserService;
  scheduler: Scheduler;
  deferred: DeferredJobs;
  dashboards: AlertDashboards;
  mailer: Mailer | null;
  settings: DispatcherSettings;
  egress: EgressGuard;
  clock: Clock;
  logger: Logger;
}

/**
 * Takes a fired alert to people: level 0 the on-call staff, then (while nobody acknowledges) the
 * second line and then managers and the DPO, each after its delay. Every (alert, channel, recipient)
 * is one delivery record under a unique key, sent by a job that retries with backoff.
 */
export class AlertDispatcher {
  private readonly added = new Map<Channel, AddedChannel>();

  constructor(private readonly deps: AlertDispatcherDeps) {}

  /** Adds a channel (push) that each person's alerts also go out on. */
  addChannel(channel: AddedChannel): void {
    this.added.set(channel.name, channel);
  }

  defineJobs(): void {
    this.deps.scheduler.define({ name: ALERT_JOB.dispatch, data: DispatchJob, handle: (d) => this.dispatch(d.alertIds, d.level) });
    this.deps.scheduler.define({ name: ALERT_JOB.deliver, data: DeliverJob, handle: (d) => this.deliver(d.deliveryIds) });
  }

  /**
   * Subscribed to `alert.fired`: called once alerts are recorded (so once per alert; several when a batch of milestones fired): their
   * first step goes out now, through one job. Plain inserts, not unique upserts, here and below: an
   * upsert reads all of Agenda's collection on the embedded database, and the unique alert and delivery
   * records already make each step once.
   */
  async fired(alerts: Alert[]): Promise<void> {
    await this.deps.scheduler.schedule(ALERT_JOB.dispatch, this.deps.clock.now(), { alertIds: alerts.map((a) => String(a._id)), level: 0 });
  }

  /** Who hears of an alert at a level; rotas, role lists and users are read once per dispatch, not per alert. */
  private recipientFinder(): (alert: Alert, incident: Incident | null, level: number) => Promise<{ users: User[]; webhooks: string[] }> {
    const now = this.deps.clock.now();
    const memo = <T>(load: () => Promise<T>) => {
      let value: Promise<T> | undefined;
      return () => (value ??= load());
    };
    const rotas = memo(() => this.deps.rotas.find({}).lean<Rota[]>().exec());
    const seniors = memo(async () => [...(await this.deps.users.withRole('manager')), ...(await this.deps.users.withRole('dpo'))]);
    const onCallRole = memo(() => this.deps.users.withRole('oncall'));
    // The same rota members are looked up for every alert of a batch: once each is enough.
    const userById = new Map<string, Promise<User | undefined>>();
    const user = (id: string) => {
      let found = userById.get(id);
      if (!found) userById.set(id, (found = this.deps.users.findActive(id)));
      return found;
    };
    const byIds = async (ids: string[]) => (await Promise.all([...new Set(ids)].map(user))).filter((u): u is User => !!u);
    return async (alert, incident, level) => {
      const people = incident ? [...incident.assignees, ...(incident.owner ? [incident.owner.id] : [])] : [];
      // The incident as it is now decides: one restricted after the alert fired escalates only to those who may see it.
      const restricted = incident ? incident.restricted : alert.restricted;
      if (level >= 2 || restricted) {
        return { users: restricted ? [...(await seniors()), ...(await byIds(people))] : await seniors(), webhooks: [] };
      }
      if (level === 1) return { users: await byIds((await rotas()).flatMap((r) => r.secondLine)), webhooks: [] };
      const onCall = (await rotas()).map((r) => onCallAt(r, now)).filter((id): id is string => !!id);
      const users = onCall.length ? await byIds(onCall) : await onCallRole();
      return { users, webhooks: (await rotas()).map((r) => r.webhookUrl).filter((u): u is string => !!u) };
    };
  }

  /**
   * Sends each alert's step `level` to its people (acknowledged alerts stop escalating), then defers the
   * next step for those not yet acknowledged, as one job due after the step's delay from the last of them.
   */
  async dispatch(alertIds: string[], level: number) {
    const recipients = this.recipientFinder();
    const sent: Alert[] = [];
    const escalated: { alert: Alert; userIds: string[] }[] = [];
    const deliveries: string[] = [];
    const addedRecipients = new Map<string, Promise<string[]>>();
    const recipientsOn = (channel: AddedChannel, userId: string) => {
      const key = `${channel.name}:${userId}`;
      let found = addedRecipients.get(key);
      if (!found) addedRecipients.set(key, (found = channel.recipientsOf(userId)));
      return found;
    };
    const enqueue = async (alert: Alert, channel: Channel, recipient: string, userId: string | null) => {
      const id = await this.enqueue(alert, channel, recipient, userId, level);
      if (id) deliveries.push(id);
    };
    for (const alertId of alertIds) {
      const alert = await this.deps.alerts.findById(alertId).lean<Alert>();
      if (!alert || alert.resolvedAt || (level > 0 && alert.acknowledgedAt)) continue;
      const incident = await this.deps.incidents.findById(alert.incidentId).lean<Incident>();
      // The incident as it is now: an obligation met since the alert fired (the resolving handler may have died) ends it here.
      const met = incident && resolutionOf(alert, incident);
      if (met) {
        await this.deps.resolver.resolve(alert, met);
        continue;
      }
      // The step is claimed in the write's filter: an alert resolved or acknowledged since it was read is not escalated.
      const claimed = await this.deps.alerts.updateOne({ _id: alert._id, resolvedAt: null, ...(level > 0 ? { acknowledgedAt: null } : {}) }, { $set: { escalationStep: level } });
      if (!claimed.matchedCount) continue;
      const { users, webhooks } = await recipients(alert, incident, level);
      if (level > 0) escalated.push({ alert, userIds: users.map((u) => String(u._id)) });
      for (const user of users) {
        if (this.deps.mailer && user.alertChannels?.email !== false) await enqueue(alert, 'email', user.email, String(user._id));
        if (user.alertChannels?.webhookUrl) await enqueue(alert, 'webhook', user.alertChannels.webhookUrl, String(user._id));
        for (const channel of this.added.values()) {
          for (const recipient of await recipientsOn(channel, String(user._id))) await enqueue(alert, channel.name, recipient, String(user._id));
        }
      }
      for (const url of webhooks) await enqueue(alert, 'webhook', url, null);
      sent.push(alert);
    }
    if (deliveries.length) await this.deps.scheduler.schedule(ALERT_JOB.deliver, this.deps.clock.now(), { deliveryIds: deliveries });
    if (!sent.length) return skipped(level > 0 ? 'acknowledged or resolved' : 'alerts not found or resolved');
    const delay = this.deps.settings.escalationMinutes[level];
    const ids = sent.map((a) => String(a._id));
    const nextAt = delay === undefined ? null : new Date(Math.max(...sent.map((a) => a.firedAt.getTime())) + delay * 60_000);
    // What the on-call view shows: the step reached and when the next goes out (an acknowledgement clears it).
    await this.deps.alerts.updateMany({ _id: op({ $in: ids }), acknowledgedAt: null, resolvedAt: null }, { $set: { escalationStep: level, nextEscalationAt: nextAt } });
    if (escalated.length) {
      const told = await this.toldOf(escalated.map((e) => String(e.alert._id)));
      for (const { alert, userIds } of escalated) {
        this.deps.dashboards.alertToUsers(
          { ...presentAlertMessage(alert), escalationLevel: level, escalationStep: level, nextEscalationAt: nextAt ? nextAt.toISOString() : null, told: told.get(String(alert._id)) ?? [] },
          userIds,
        );
      }
    }
    if (nextAt) {
      await this.deps.deferred.schedule(ALERT_JOB.dispatch, nextAt, { alertIds: ids, level: level + 1 }, `${stepKey(ids)}:${level + 1}`);
    }
    return done();
  }

  /**
   * Records a delivery to send and returns its id. A delivery already recorded for this recipient is
   * returned again while still pending: a dispatch that died before queueing its deliveries left it so,
   * and sending it twice is safer than never (receivers deduplicate by alert id).
   */
  private async enqueue(alert: Alert, channel: Channel, recipient: string, userId: string | null, level: number): Promise<string | undefined> {
    const key = `${String(alert._id)}:${channel}:${recipient.toLowerCase()}`;
    try {
      const created = await this.deps.deliveries.create({ key, alertId: String(alert._id), channel, recipient, userId, level, status: 'pending', attempts: 0, lastError: null, createdAt: this.deps.clock.now(), sentAt: null });
      return String(created._id);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const existing = await this.deps.deliveries.findOne({ key }).lean<Delivery>();
      return existing?.status === 'pending' && existing.attempts === 0 ? String(existing._id) : undefined;
    }
  }

  /**
   * Sends the deliveries of one dispatch (a few at a time). Each that fails is retried on its own
   * with backoff until it has had its attempts.
   */
  async deliver(deliveryIds: string[]) {
    const queue = [...deliveryIds];
    const outcomes: JobOutcome[] = [];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) outcomes.push(await this.deliverOne(id));
    };
    await Promise.all(Array.from({ length: Math.min(SEND_PARALLELISM, queue.length) }, worker));
    const reasons = (status: JobOutcome['status']) => outcomes.flatMap((o) => (o.status === status && 'reason' in o ? [o.reason] : []));
    if (reasons('failed').length) return failed(reasons('failed').join('; '));
    return reasons('skipped').length ? skipped(reasons('skipped').join('; ')) : done();
  }

  private async deliverOne(deliveryId: string) {
    const delivery = await this.deps.deliveries.findById(deliveryId).lean<Delivery>();
    if (!delivery || delivery.status !== 'pending') return skipped('already delivered or given up');
    const alert = await this.deps.alerts.findById(delivery.alertId).lean<Alert>();
    if (!alert) return skipped('alert not found');
    if (alert.resolvedAt) {
      await this.deps.deliveries.updateOne({ _id: delivery._id, status: 'pending' }, { $set: { status: 'failed', lastError: `not sent: the alert was resolved (${alert.resolvedReason ?? ''})` } });
      return skipped('the alert was resolved');
    }
    const user = delivery.userId ? await this.deps.users.findActive(delivery.userId) : undefined;
    // Decided when sent: an incident restricted since the delivery was queued reaches only people who may see it.
    const incident = alert.kind === 'test' ? null : await this.deps.incidents.findById(alert.incidentId, { restricted: 1, assignees: 1, owner: 1 }).lean<Incident>();
    if (incident?.restricted && !(user && canSeeIncident(actorOf(user), incident))) {
      const withheld: DeliveryMessage = { code: 'delivery.withheld', params: {} };
      await this.deps.deliveries.updateOne({ _id: delivery._id, status: 'pending' }, { $set: { status: 'failed', lastError: say(withheld, 'en'), failure: withheld } });
      return skipped('withheld: the incident is restricted');
    }
    const lang: Lang = user?.locale ?? 'nb';
    const facts: AlertFacts = {
      alertId: String(alert._id), kind: alert.kind, milestone: alert.milestone, hoursElapsed: alert.hoursElapsed, deadline: alert.deadline,
      late: alert.late, title: alert.title, ref: alert.incidentRef, escalated: delivery.level > 0, organisation: this.deps.settings.organisation, now: this.deps.clock.now(),
      incidentUrl: `${this.deps.settings.publicUrl}/incidents/${alert.incidentId}`,
      ackUrl: delivery.userId
        ? `${this.deps.settings.publicUrl}/api/alerts/${String(alert._id)}/ack-link?token=${ackToken(this.deps.settings.ackSecret, String(alert._id), delivery.userId, new Date(this.deps.clock.now().getTime() + 7 * 86_400_000))}`
        : `${this.deps.settings.publicUrl}/oncall`,
    };
    const attempts = delivery.attempts + 1;
    try {
      if (delivery.channel === 'email') {
        if (!this.deps.mailer) throw new DeliveryFailed({ code: 'delivery.no-channel', params: {} });
        const mail = renderAlertEmail(facts, lang);
        await this.deps.mailer.send({ to: delivery.recipient, ...mail, headers: { 'X-BreachClock-Alert-Id': facts.alertId } });
      } else if (delivery.channel !== 'webhook') {
        const channel = this.added.get(delivery.channel);
        if (!channel) throw new DeliveryFailed({ code: 'delivery.no-channel', params: {} });
        await channel.send(delivery, alert, lang);
      } else {
        await postWebhook(delivery.recipient, webhookPayload(facts, lang, delivery.level), this.deps.settings.webhookSecret, { alertId: facts.alertId, deliveryId }, this.deps.clock.now(), this.deps.egress);
      }
      await this.deps.deliveries.updateOne({ _id: delivery._id }, { $set: { status: 'sent', attempts, sentAt: this.deps.clock.now(), lastError: null, failure: null } });
      return done();
    } catch (err) {
      // People read the failure; the raw error (addresses, ports, server replies) goes to the log only.
      const failure: DeliveryMessage = err instanceof DeliveryFailed ? err.problem : { code: delivery.channel === 'email' ? 'delivery.mail-refused' : 'delivery.failed', params: {} };
      const message = say(failure, 'en');
      const giveUp = attempts >= this.deps.settings.maxAttempts || (err instanceof DeliveryFailed && err.permanent);
      await this.deps.deliveries.updateOne({ _id: delivery._id }, { $set: { attempts, lastError: message, failure, status: giveUp ? 'failed' : 'pending' } });
      this.deps.logger.warn({ deliveryId, channel: delivery.channel, attempts, err }, giveUp ? 'alert delivery failed for good' : 'alert delivery failed; will retry');
      if (!giveUp) {
        const backoffMs = Math.min(300_000, 1_000 * 2 ** attempts);
        await this.deps.scheduler.schedule(ALERT_JOB.deliver, new Date(this.deps.clock.now().getTime() + backoffMs), { deliveryIds: [deliveryId] });
      }
      return failed(`attempt ${attempts}: ${message}`);
    }
  }

  /**
   * Sends a person a test alert on each of their own channels: recorded with its deliveries like any
   * alert, never escalated. At most one per person per minute, held by the alert's unique key.
   */
  async sendTest(user: User, words: { title: string; ref: string }): Promise<Alert | { retryAfterSeconds: number }> {
    const now = this.deps.clock.now();
    const userId = String(user._id);
    let alert: Alert;
    try {
      alert = (await this.deps.alerts.create({
        key: `test:${userId}:${Math.floor(now.getTime() / TEST_ALERT_WINDOW_MS)}`, incidentId: 'test', incidentRef: words.ref, title: words.title, restricted: true,
        kind: 'test', milestone: 'test', hoursElapsed: 0, deadline: null, dueAt: now, firedAt: now, late: false, pushedAt: null, handedOnAt: now, forUser: userId,
      })).toObject();
    } catch (err) {
      // The window's test alert was sent: the next one can go when the window turns.
      if ((err as { code?: number }).code === 11000) return { retryAfterSeconds: (TEST_ALERT_WINDOW_MS - (now.getTime() % TEST_ALERT_WINDOW_MS)) / 1000 };
      throw err;
    }
    // Its dashboards get it as they would a real alert; pushedAt records that at least one did.
    if (await this.deps.dashboards.alertToOwnDashboards(presentAlertMessage({ ...alert, pushedAt: now }), userId)) {
      await this.deps.alerts.updateOne({ _id: alert._id }, { $set: { pushedAt: now } });
      alert = { ...alert, pushedAt: now };
    }
    const ids: string[] = [];
    const add = async (channel: Channel, recipient: string) => {
      const id = await this.enqueue(alert, channel, recipient, userId, 0);
      if (id) ids.push(id);
    };
    if (this.deps.mailer && user.alertChannels?.email !== false) await add('email', user.email);
    if (user.alertChannels?.webhookUrl) await add('webhook', user.alertChannels.webhookUrl);
    for (const channel of this.added.values()) for (const recipient of await channel.recipientsOf(userId)) await add(channel.name, recipient);
    if (ids.length) await this.deps.scheduler.schedule(ALERT_JOB.deliver, now, { deliveryIds: ids });
    return alert;
  }

  /** Who has been told of each alert, and on which channels (deliveries that went out), by alert id. */
  async toldOf(alertIds: string[]): Promise<Map<string, Told[]>> {
    const out = new Map<string, Told[]>(alertIds.map((id) => [id, []]));
    if (!alertIds.length) return out;
    const sent = await this.deps.deliveries.find({ alertId: op({ $in: alertIds }), status: 'sent' }, { alertId: 1, userId: 1, channel: 1 }).lean<Delivery[]>();
    const names = new Map((await this.deps.users.activeActors([...new Set(sent.flatMap((d) => (d.userId ? [d.userId] : [])))])).map((a) => [a.id, a.name]));
    for (const d of sent) {
      if (!d.userId) continue;
      const list = out.get(d.alertId) ?? [];
      let entry = list.find((t) => t.userId === d.userId);
      if (!entry) list.push((entry = { userId: d.userId, name: names.get(d.userId) ?? '', channels: [] }));
      if (!entry.channels.includes(d.channel)) entry.channels.push(d.channel);
      out.set(d.alertId, list);
    }
    return out;
  }

  async alertById(alertId: string): Promise<Alert | null> {
    return isObjectId(alertId) ? this.deps.alerts.findById(alertId).lean<Alert>() : null;
  }

  /** Each delivery's recipient as people know it: the address, or (for an added channel) the device's name. */
  async recipientNames(deliveries: Delivery[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const [name, channel] of this.added) {
      const found = await channel.nameOf([...new Set(deliveries.filter((d) => d.channel === name).map((d) => d.recipient))]);
      for (const [recipient, label] of found) names.set(`${name}:${recipient}`, label);
    }
    return new Map(deliveries.map((d) => [String(d._id), names.get(`${d.channel}:${d.recipient}`) ?? (this.added.has(d.channel) ? '' : d.recipient)]));
  }

  async deliveriesOf(alertId: string): Promise<Delivery[]> {
    return this.deps.deliveries.find({ alertId }).sort({ createdAt: 1 }).lean<Delivery[]>();
  }
}

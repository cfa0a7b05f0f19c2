import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import type { AnyRoute } from './http/route.js';
import type { Clock } from './lib/clock.js';
import { EgressGuard } from './lib/egress.js';
import { EventBus } from './lib/events.js';
import type { DomainEvents } from './domains/events.js';
import { subscribe } from './wiring.js';
import type { Logger } from './lib/logger.js';
import type { Scheduler } from './jobs/scheduler.js';
import { auditModels } from './domains/audit/audit.model.js';
import { auditRoutes, targetKey } from './domains/audit/audit.routes.js';
import { AuditService } from './domains/audit/audit.service.js';
import { authModels } from './domains/auth/auth.model.js';
import { authRoutes } from './domains/auth/auth.routes.js';
import { AuthService } from './domains/auth/auth.service.js';
import { createGuard } from './domains/auth/guard.js';
import { ActorCache } from './domains/auth/actor-cache.js';
import { LoginThrottleService } from './domains/auth/login-throttle.js';
import { TokenService } from './domains/auth/token.service.js';
import { alertModel } from './domains/alerts/alert.model.js';
import { AlertService } from './domains/alerts/alert.service.js';
import { clockPlanModel } from './domains/clock/clock-plan.model.js';
import { milestoneBatchModel } from './domains/clock/milestone-batch.model.js';
import { DeferredJobs } from './jobs/deferred-jobs.js';
import { DueIndex } from './jobs/due-index.js';
import { HorizonPlanner } from './jobs/horizon-planner.js';
import { presentClock } from './domains/clock/clock.presenter.js';
import { ClockService } from './domains/clock/clock.service.js';
import { incidentModels } from './domains/incidents/incident.model.js';
import { incidentRoutes } from './domains/incidents/incident.routes.js';
import { IncidentService } from './domains/incidents/incident.service.js';
import { submissionModel } from './domains/incidents/submission.model.js';
import { timelineModel } from './domains/incidents/timeline.model.js';
import { Broadcaster } from './realtime/broadcaster.js';
import { assessmentModels } from './domains/assessment/assessment.model.js';
import { assessmentRoutes } from './domains/assessment/assessment.routes.js';
import { AssessmentService } from './domains/assessment/assessment.service.js';
import { noticeModels } from './domains/notices/notice.model.js';
import { noticeRoutes } from './domains/notices/notice.routes.js';
import { NoticeService } from './domains/notices/notice.service.js';
import { TemplateService } from './domains/notices/template.service.js';
import { ObligationService } from './domains/obligations/obligation.service.js';
import { registerRoutes } from './domains/register/register.routes.js';
import { RegisterService } from './domains/register/register.service.js';
import { userModels } from './domains/users/user.model.js';
import { AccessEpoch, accessEpochModel } from './domains/users/access-epoch.js';
import { alertRoutes } from './domains/alerts/alert.routes.js';
import { casefileRoutes } from './domains/casefile/casefile.routes.js';
import { CasefileService } from './domains/casefile/casefile.service.js';
import { deliveryModel } from './domains/alerts/delivery.model.js';
import { AlertDispatcher } from './domains/alerts/dispatcher.js';
import { heartbeatModel, SchedulerWatchdog } from './domains/alerts/heartbeat.js';
import { smtpMailer } from './domains/alerts/senders.js';
import { rotaModel } from './domains/oncall/rota.model.js';
import { rotaRoutes } from './domains/oncall/rota.routes.js';
import { RotaService } from './domains/oncall/rota.service.js';
import { userRoutes } from './domains/users/user.routes.js';
import { pushModels } from './domains/push/push.model.js';
import { pushRoutes } from './domains/push/push.routes.js';
import { PushService } from './domains/push/push.service.js';
import { UserService } from './domains/users/user.service.js';

export interface Infrastructure {
  config: Config;
  connection: Connection;
  scheduler: Scheduler;
  clock: Clock;
  logger: Logger;
}

/** The composition root: every domain service is built here once and handed to whoever needs it. */
export function createContainer(infra: Infrastructure) {
  const { config, connection, clock, logger } = infra;

  const events = new EventBus<DomainEvents>();
  const { AuditEntries, AuditHeads } = auditModels(connection);
  const audit = new AuditService({ entries: AuditEntries, heads: AuditHeads, clock, logger });

  const { Users, Credentials } = userModels(connection);
  const egress = new EgressGuard(config.alerting.webhookAllowedHosts);
  const epoch = new AccessEpoch(accessEpochModel(connection));
  const users = new UserService({ users: Users, credentials: Credentials, epoch, audit, events, egress, clock, logger });

  const { RefreshTokens, LoginThrottles, Sessions } = authModels(connection);
  const tokens = new TokenService({
    settings: { secret: config.auth.jwtSecret, issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: config.auth.accessTokenTtlSeconds },
    clock,
  });
  const auth = new AuthService({
    users, refreshTokens: RefreshTokens, sessions: Sessions, epoch, actors: new ActorCache(), throttle: new LoginThrottleService({ throttles: LoginThrottles, clock }), tokens, audit, events, clock,
    refreshTtlDays: config.auth.refreshTokenTtlDays, logger,
  });

  const broadcaster = new Broadcaster((ids) => users.activeActors(ids));
  const deferredJobs = new DeferredJobs(connection, infra.scheduler, clock, config.clock.horizonMs);
  const alerts = new AlertService({
    alerts: alertModel(connection), pushDue: new DueIndex(DueIndex.model(connection, 'alerts_push_due')), dashboards: broadcaster, audit, events, clock, logger,
    escalationMinutes: config.alerting.escalationMinutes,
  });
  const { Incidents, Counters } = incidentModels(connection);
  const clockService = new ClockService({
    incidents: Incidents, plans: clockPlanModel(connection), batches: milestoneBatchModel(connection), due: new DueIndex(DueIndex.model(connection, 'clock_plans_due')),
    alerts, scheduler: infra.scheduler, settings: { ...config.clock, batchLeadMs: config.scheduler.processEveryMs + 1_000 }, clock, logger,
  });
  const incidents: IncidentService = new IncidentService({
    incidents: Incidents, counters: Counters, timeline: timelineModel(connection), submissions: submissionModel(connection), users, audit, events, clock,
    settings: { controllerNoticeTargetHours: config.clock.controllerNoticeTargetHours },
    citedNotices: { claim: (incidentId, noticeId, filing) => notices.claimForFiling(incidentId, noticeId, filing), release: (noticeId) => notices.releaseFiling(noticeId) },
    obligationsOf: (incident, options) => obligations.of(incident, options),
  });

  const { Assessments, Decisions } = assessmentModels(connection);
  const assessments = new AssessmentService({ assessments: Assessments, decisions: Decisions, incidents, audit, events, clock });

  const { Templates, Notices } = noticeModels(connection);
  const templates = new TemplateService({ templates: Templates, audit, clock });
  const notices: NoticeService = new NoticeService({ notices: Notices, templates, incidents, decisions: assessments, users, audit, events, clock, organisation: config.organisation });
  const obligations = new ObligationService({ assessments: Assessments, decisions: Decisions, notices: Notices, users, settings: { triageLimitHours: config.clock.triageLimitHours } });

  const Rotas = rotaModel(connection);
  const rotas = new RotaService({ rotas: Rotas, users, audit, egress, clock });
  const mailer = config.alerting.smtpUrl ? smtpMailer(config.alerting.smtpUrl, config.alerting.mailFrom) : null;
  const publicUrl = config.http.publicUrl ?? `http://${config.http.host}:${config.http.port}`;
  const dispatcher = new AlertDispatcher({
    alerts: alertModel(connection), resolver: alerts, deliveries: deliveryModel(connection), incidents: Incidents, rotas: Rotas, users, scheduler: infra.scheduler,
    deferred: deferredJobs, dashboards: broadcaster, mailer,
    settings: {
      escalationMinutes: config.alerting.escalationMinutes, maxAttempts: config.alerting.deliveryMaxAttempts, webhookSecret: config.alerting.webhookSecret,
      ackSecret: config.auth.jwtSecret, publicUrl, organisation: config.organisation.name || 'Breach Clock',
    },
    egress, clock, logger,
  });
  const ack = { secret: config.auth.jwtSecret, issuer: config.auth.issuer };
  const { PushSubscriptions, VapidKeys } = pushModels(connection);
  const push = new PushService({
    subscriptions: PushSubscriptions, vapidStore: VapidKeys, users, rotas, dispatcher, scheduler: infra.scheduler, audit, egress, clock, logger,
    settings: { production: config.env === 'production', ...(config.push.vapid ? { vapidFromEnv: config.push.vapid } : {}), subject: config.push.subject, ack, mailer: !!mailer },
  });
  dispatcher.addChannel(push.channel());
  const watchdog = new SchedulerWatchdog({
    heartbeats: heartbeatModel(connection), events,
    settings: {
      heartbeatMs: config.alerting.heartbeatMs, stallAfterMs: config.alerting.stallAfterMs, webhookSecret: config.alerting.webhookSecret,
      instance: infra.scheduler.agenda.attrs.name ?? 'instance', ...(config.alerting.adminWebhookUrl ? { adminWebhookUrl: config.alerting.adminWebhookUrl } : {}),
    },
    clock, logger,
  });

  subscribe(events, { clock: clockService, alerts, dispatcher, incidents, assessments, auth, broadcaster, push });

  const planner = new HorizonPlanner(infra.scheduler, config.clock.plannerEveryMs);
  const casefiles = new CasefileService({ incidents, assessments, notices, alerts, dispatcher });

  const routes: AnyRoute[] = [
    // The refresh cookie is Secure in production and wherever people reach the service over HTTPS.
    ...authRoutes(auth, users, config.env === 'production' || publicUrl.startsWith('https:')),
    ...userRoutes(users),
    ...auditRoutes(audit, async (actor, targets) => {
      const ids = (type: string) => [...new Set(targets.filter((t) => t.type === type && t.id).map((t) => t.id!))];
      const [ofNotices, ofAlerts] = await Promise.all([notices.incidentIdsOf(ids('notice')), alerts.incidentIdsOf(ids('alert'))]);
      const incidentOf = (t: { type: string; id: string | null }) =>
        t.type === 'incident' ? t.id : t.type === 'notice' ? ofNotices.get(t.id ?? '') : t.type === 'alert' ? ofAlerts.get(t.id ?? '') : undefined;
      const visible = new Map<string, boolean>();
      const concealed = new Set<string>();
      for (const target of targets) {
        const incidentId = incidentOf(target);
        if (!incidentId) continue;
        if (!visible.has(incidentId)) visible.set(incidentId, await incidents.canSee(actor, incidentId));
        if (!visible.get(incidentId)) concealed.add(targetKey(target));
      }
      return concealed;
    }),
    ...incidentRoutes({
      incidents, clock,
      clockOf: async (incident, withAlerts) =>
        presentClock(incident, withAlerts ? await alerts.forIncident(String(incident._id)) : [], clock.now(), config.clock),
    }),
    ...assessmentRoutes(assessments),
    ...noticeRoutes(notices, templates),
    ...registerRoutes(new RegisterService({ incidents, decisions: Decisions, assessments: Assessments, notices: Notices }), clock),
    ...rotaRoutes(rotas),
    ...alertRoutes(alerts, dispatcher, incidents, users, config.auth.jwtSecret, clock),
    ...pushRoutes({ push, alerts, incidents, users, ack, clock }),
    ...casefileRoutes({ casefiles, clock, clockSettings: config.clock }),
  ];

  /** Creates the collections' indexes before the first request, so unique keys hold from the start. */
  const init = async () => {
    await Promise.all(Object.values(connection.models).map((model) => model.init()));
    await templates.seed();
    await incidents.backfillObligations();
    await push.keys();
  };

  return { ...infra, events, audit, users, tokens, auth, broadcaster, alerts, clockService, deferredJobs, planner, incidents, assessments, templates, notices, rotas, dispatcher, push, watchdog, mailer, routes, guard: createGuard(auth), init };
}

export type Container = ReturnType<typeof createContainer>;

/**
 * Hands the scheduler every job the container's services handle, and the planner its steps. A step of
 * its own (not part of building the container) so that a container can be built, e.g. by a script,
 * without touching the scheduler.
 */
export function defineJobs(container: Container): void {
  const { scheduler, clockService, dispatcher, push, watchdog, planner, deferredJobs } = container;
  clockService.defineJobs();
  dispatcher.defineJobs();
  push.defineJobs();
  watchdog.defineJob(scheduler);
  planner.step('repushed', () => clockService.repushStranded());
  planner.step('milestones', () => clockService.planWindow());
  planner.step('deferred', () => deferredJobs.promote());
  planner.step('gone-devices', () => push.removeLongGone());
  planner.defineJob();
}

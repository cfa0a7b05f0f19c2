import type { Connection } from 'mongoose';
import type { Config } from './config.js';
import type { AnyRoute } from './http/route.js';
import type { Clock } from './lib/clock.js';
import type { Logger } from './lib/logger.js';
import type { Scheduler } from './jobs/scheduler.js';
import { auditModels } from './domains/audit/audit.model.js';
import { auditRoutes } from './domains/audit/audit.routes.js';
import { AuditService } from './domains/audit/audit.service.js';
import { authModels } from './domains/auth/auth.model.js';
import { authRoutes } from './domains/auth/auth.routes.js';
import { AuthService } from './domains/auth/auth.service.js';
import { createGuard } from './domains/auth/guard.js';
import { LoginThrottleService } from './domains/auth/login-throttle.js';
import { TokenService } from './domains/auth/token.service.js';
import { alertModel } from './domains/alerts/alert.model.js';
import { AlertService } from './domains/alerts/alert.service.js';
import { clockPlanModel } from './domains/clock/clock-plan.model.js';
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
import { userModels } from './domains/users/user.model.js';
import { userRoutes } from './domains/users/user.routes.js';
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

  const { AuditEntries, AuditHeads } = auditModels(connection);
  const audit = new AuditService(AuditEntries, AuditHeads, clock, logger);

  const { Users, Credentials } = userModels(connection);
  const users = new UserService(Users, Credentials, audit, clock, logger);

  const { RefreshTokens, LoginThrottles } = authModels(connection);
  const tokens = new TokenService(
    { secret: config.auth.jwtSecret, issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: config.auth.accessTokenTtlSeconds },
    clock,
  );
  const auth = new AuthService(users, RefreshTokens, new LoginThrottleService(LoginThrottles, clock), tokens, audit, clock, config.auth.refreshTokenTtlDays, logger);

  const broadcaster = new Broadcaster();
  const alerts = new AlertService(alertModel(connection), broadcaster, audit, clock, logger);
  const { Incidents, Counters } = incidentModels(connection);
  const clockService = new ClockService(Incidents, clockPlanModel(connection), alerts, infra.scheduler, config.clock, clock, logger);
  clockService.defineJobs();
  const incidents = new IncidentService(
    Incidents, Counters, timelineModel(connection), submissionModel(connection), users, clockService, audit, broadcaster, clock,
    { controllerNoticeTargetHours: config.clock.controllerNoticeTargetHours },
  );

  const { Assessments, Decisions } = assessmentModels(connection);
  const assessments = new AssessmentService(Assessments, Decisions, incidents, audit, clock);

  const { Templates, Notices } = noticeModels(connection);
  const templates = new TemplateService(Templates, audit, clock);
  const notices = new NoticeService(Notices, templates, incidents, users, audit, clock, config.organisation);

  const routes: AnyRoute[] = [
    ...authRoutes(auth, users, config.env === 'production'),
    ...userRoutes(users),
    ...auditRoutes(audit),
    ...incidentRoutes(incidents, clockService, alerts),
    ...assessmentRoutes(assessments),
    ...noticeRoutes(notices, templates),
  ];

  /** Creates the collections' indexes before the first request, so unique keys hold from the start. */
  const init = async () => {
    await Promise.all(Object.values(connection.models).map((model) => model.init()));
    await templates.seed();
  };

  return { ...infra, audit, users, tokens, auth, broadcaster, alerts, clockService, incidents, assessments, templates, notices, routes, guard: createGuard(auth), init };
}

export type Container = ReturnType<typeof createContainer>;

import { can, route, type AnyRoute } from '../../http/route.js';
import { langOf } from '../../http/lang.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../access/actor.js';
import { auditContext } from '../audit/audit.context.js';
import type { Incident } from './incident.model.js';
import { presentIncident, presentListItem, presentWarnings, type ClockView, presentSubmission, presentTimelineEvent } from './incident.presenter.js';
import {
  CloseIncident, ControllerInformed, CreateIncident, DeclareAwareness, IdParams, ListIncidents, MaskQuery, Reason, RecordSubmission, UpdateIncident,
} from './incident.schemas.js';
import type { IncidentService } from './incident.service.js';

export interface IncidentRoutesDeps {
  incidents: IncidentService;
  /** The incident's clock as it reads now; with its milestone alerts unless `withAlerts` is false (the list). */
  clockOf: (incident: Incident, withAlerts: boolean) => Promise<ClockView>;
  clock: Clock;
}

export function incidentRoutes({ incidents, clockOf, clock }: IncidentRoutesDeps): AnyRoute[] {
  const present = async (incident: Incident) => presentIncident(incident, await clockOf(incident, true), clock.now());
  return [
    route<Actor, typeof CreateIncident, typeof MaskQuery>({
      method: 'post', path: '/incidents', summary: 'Log an incident (with awareAt the 72-hour clock starts; without it, triage)', tag: 'incidents',
      access: can('incident:create'), body: CreateIncident, query: MaskQuery, status: 201,
      handle: async ({ body, query, actor, req }) => {
        const { incident, warnings } = await incidents.create(auditContext(req, actor), actor, body, query.maskNationalIds);
        // A new incident has no alerts yet: its first milestone job is only now scheduled.
        return { ...presentIncident(incident, await clockOf(incident, false), clock.now()), warnings: presentWarnings(warnings, langOf(req)) };
      },
    }),
    route<Actor, undefined, typeof ListIncidents>({
      method: 'get', path: '/incidents', summary: 'The board (incidents that owe anything, nearest due first), or incidents filtered, newest first (or by deadline), with a cursor; each item is what a card shows (GET /incidents/:id has the rest)', tag: 'incidents',
      access: can('incident:read'), query: ListIncidents,
      handle: async ({ query, actor }) => {
        const { items, nextCursor } = await incidents.list(actor, query);
        const now = clock.now();
        return { items: items.map((i) => presentListItem(i, now)), nextCursor };
      },
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/incidents/:id', summary: 'One incident with its clock', tag: 'incidents', access: can('incident:read'), params: IdParams,
      handle: async ({ params, actor }) => present(await incidents.get(actor, params.id)),
    }),
    route<Actor, typeof UpdateIncident, typeof MaskQuery, typeof IdParams>({
      method: 'patch', path: '/incidents/:id', summary: 'Change facts; send the version you read (409 when stale)', tag: 'incidents',
      access: can('incident:update'), params: IdParams, body: UpdateIncident, query: MaskQuery,
      handle: async ({ params, body, query, actor, req }) => {
        const { incident, warnings } = await incidents.update(auditContext(req, actor), actor, params.id, body, query.maskNationalIds);
        return { ...(await present(incident)), warnings: presentWarnings(warnings, langOf(req)) };
      },
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/incidents/:id/timeline', summary: 'Every change: who, when, old → new', tag: 'incidents', access: can('incident:read'), params: IdParams,
      handle: async ({ params, actor, req }) => (await incidents.timelineOf(actor, params.id)).map((e) => presentTimelineEvent(e, langOf(req))),
    }),
    route<Actor, typeof DeclareAwareness, undefined, typeof IdParams>({
      method: 'put', path: '/incidents/:id/awareness', summary: 'Declare awareness (starts the clock) or correct it (with a reason)', tag: 'clock',
      access: can('incident:update'), params: IdParams, body: DeclareAwareness,
      handle: async ({ params, body, actor, req }) => present(await incidents.declareAwareness(auditContext(req, actor), actor, params.id, body)),
    }),
    route<Actor, typeof Reason, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/not-notifiable', summary: 'Record that the breach is unlikely to result in a risk: the clock stops', tag: 'clock',
      access: can('incident:decide'), params: IdParams, body: Reason,
      handle: async ({ params, body, actor, req }) => present(await incidents.markNotNotifiable(auditContext(req, actor), actor, params.id, body.reason)),
    }),
    route<Actor, typeof Reason, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/resume', summary: 'Reopen a "not notifiable" decision: the clock resumes with the same deadline', tag: 'clock',
      access: can('incident:decide'), params: IdParams, body: Reason,
      handle: async ({ params, body, actor, req }) => present(await incidents.resume(auditContext(req, actor), actor, params.id, body.reason)),
    }),
    route<Actor, typeof RecordSubmission, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/submissions', summary: 'Record a notification to Datatilsynet (the first stops the clock)', tag: 'submissions',
      access: can('submission:record'), params: IdParams, body: RecordSubmission, status: 201,
      handle: async ({ params, body, actor, req }) => {
        const { submission, incident } = await incidents.recordSubmission(auditContext(req, actor), actor, params.id, body, { lang: langOf(req) });
        return { submission: presentSubmission(submission), incident: await present(incident) };
      },
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/incidents/:id/submissions', summary: 'The submissions ledger', tag: 'submissions', access: can('incident:read'), params: IdParams,
      handle: async ({ params, actor }) => (await incidents.listSubmissions(actor, params.id)).map(presentSubmission),
    }),
    route<Actor, typeof ControllerInformed, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/controller-informed', summary: 'As processor: record that the controller was informed (Art. 33(2))', tag: 'clock',
      access: can('incident:update'), params: IdParams, body: ControllerInformed,
      handle: async ({ params, body, actor, req }) => present(await incidents.recordControllerInformed(auditContext(req, actor), actor, params.id, body)),
    }),
    route<Actor, typeof CloseIncident, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/close', summary: 'Close with a reason (it stays in the register)', tag: 'incidents',
      access: can('incident:decide'), params: IdParams, body: CloseIncident,
      handle: async ({ params, body, actor, req }) => present(await incidents.close(auditContext(req, actor), actor, params.id, body)),
    }),
    route<Actor, typeof Reason, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/reopen', summary: 'Reopen a closed incident', tag: 'incidents',
      access: can('incident:decide'), params: IdParams, body: Reason,
      handle: async ({ params, body, actor, req }) => present(await incidents.reopen(auditContext(req, actor), actor, params.id, body.reason)),
    }),
  ];
}


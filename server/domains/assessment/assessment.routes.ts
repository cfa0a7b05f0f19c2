import { can, route, type AnyRoute } from '../../http/route.js';
import type { Actor } from '../access/actor.js';
import { auditContext } from '../audit/audit.context.js';
import { langOf } from '../../http/lang.js';
import { IdParams } from '../incidents/incident.schemas.js';
import { presentAssessment, presentDecision } from './assessment.presenter.js';
import { RecordDecision } from './assessment.schemas.js';
import type { AssessmentService } from './assessment.service.js';

export function assessmentRoutes(assessments: AssessmentService): AnyRoute[] {
  return [
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/assessments', summary: 'Run the risk assessment on the current facts (stored; never edited)', tag: 'assessment',
      access: can('assessment:run'), params: IdParams, status: 201,
      handle: async ({ params, actor, req }) => presentAssessment(await assessments.run(auditContext(req, actor), actor, params.id)),
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/incidents/:id/assessments', summary: 'Every assessment of the incident, oldest first', tag: 'assessment',
      access: can('incident:read'), params: IdParams,
      handle: async ({ params, actor }) => (await assessments.list(actor, params.id)).map(presentAssessment),
    }),
    route<Actor, typeof RecordDecision, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/decisions', summary: 'Decide on notification against the latest assessment (DPO or manager)', tag: 'assessment',
      access: can('incident:decide'), params: IdParams, body: RecordDecision, status: 201,
      handle: async ({ params, body, actor, req }) => presentDecision(await assessments.decide(auditContext(req, actor), actor, params.id, body, langOf(req))),
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/incidents/:id/decisions', summary: 'Every decision, latest last, with its review flag', tag: 'assessment',
      access: can('incident:read'), params: IdParams,
      handle: async ({ params, actor }) => (await assessments.decisionsOf(actor, params.id)).map(presentDecision),
    }),
  ];
}

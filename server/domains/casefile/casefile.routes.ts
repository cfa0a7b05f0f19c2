import { langOf } from '../../http/lang.js';
import { can, route, type AnyRoute } from '../../http/route.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../access/actor.js';
import type { ClockViewSettings } from '../clock/clock.presenter.js';
import { IdParams } from '../incidents/incident.schemas.js';
import { presentCasefile } from './casefile.presenter.js';
import type { CasefileService } from './casefile.service.js';

export interface CasefileRoutesDeps {
  casefiles: CasefileService;
  clock: Clock;
  clockSettings: ClockViewSettings;
}

/** The case file's route: the incident page's one request. */
export function casefileRoutes({ casefiles, clock, clockSettings }: CasefileRoutesDeps): AnyRoute[] {
  return [
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/incidents/:id/casefile', tag: 'incidents', access: can('incident:read'), params: IdParams,
      summary: "One incident's case file, what its page shows, in one answer: { incident, timeline, assessments, decisions, notices, submissions, alerts }, "
        + 'each part as its own endpoint answers it; alerts is empty without alert:read',
      handle: async ({ params, actor, req }) => presentCasefile(await casefiles.read(actor, params.id), langOf(req), clock.now(), clockSettings),
    }),
  ];
}

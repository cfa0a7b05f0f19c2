import type { AlertEvents } from './alerts/alert.events.js';
import type { AssessmentEvents } from './assessment/assessment.events.js';
import type { AuthEvents } from './auth/auth.events.js';
import type { IncidentEvents } from './incidents/incident.events.js';
import type { NoticeEvents } from './notices/notice.events.js';
import type { UserEvents } from './users/user.events.js';

/**
 * Every domain event, by name, with its payload. Each domain declares its own in `<domain>.events.ts`
 * and a service is handed an emitter of its own events only; what follows each event is subscribed in
 * one place, `server/wiring.ts`.
 */
export type DomainEvents = IncidentEvents & AlertEvents & UserEvents & AuthEvents & AssessmentEvents & NoticeEvents;

import type { TimelineMessage } from '../../../notifications/messages/incident.messages.js';
import type { PersonRef } from '../incidents/incident.model.js';
import type { Notice } from './notice.model.js';

/** What the notices' writes announce (a notice sent is recorded by the incident's own writes). */
export interface NoticeEvents {
  'notice.drafted': { notice: Notice; by: PersonRef };
  /** Approved and frozen: what is sent must equal it. */
  'notice.approved': { notice: Notice; by: PersonRef };
}

export const draftedEntry = (n: Notice): TimelineMessage => ({ code: 'timeline.notice-drafted', params: { kind: n.kind, phase: n.phase, lang: n.lang } });
export const approvedEntry = (n: Notice): TimelineMessage => ({ code: 'timeline.notice-approved', params: { kind: n.kind, phase: n.phase } });

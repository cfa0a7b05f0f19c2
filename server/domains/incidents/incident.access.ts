import { op } from '../../db/trusted.js';
import type { Actor } from '../access/actor.js';
import { hasPermission, PERMISSIONS, type Role } from '../access/permissions.js';
import type { Incident } from './incident.model.js';

/** Who may see an incident: everyone with incident:read, unless it is restricted (need-to-know). */
export function canSeeIncident(actor: Actor, incident: Pick<Incident, 'restricted' | 'assignees' | 'owner'>): boolean {
  if (!hasPermission(actor.roles, 'incident:read')) return false;
  if (!incident.restricted) return true;
  return hasPermission(actor.roles, 'incident:read-restricted') || incident.assignees.includes(actor.id) || incident.owner?.id === actor.id;
}

/** The same rule as a query filter, for lists and exports. */
export function visibilityFilter(actor: Actor): Record<string, unknown> {
  if (hasPermission(actor.roles, 'incident:read-restricted')) return {};
  return { $or: [{ restricted: false }, { assignees: actor.id }, { 'owner.id': actor.id }] };
}

/** Wraps the visibility filter's operator so sanitizeFilter keeps it. */
export function trustedVisibility(actor: Actor): Record<string, unknown> {
  const filter = visibilityFilter(actor);
  return filter.$or ? op(filter) : filter;
}

export interface Audience {
  incidentId: string;
  roles: Role[];
  userIds: string[];
  /** The incident's need-to-know as it is now, checked against each recipient when sent. */
  incident: Pick<Incident, 'restricted' | 'assignees' | 'owner'>;
}

const visibilityOf = (incident: Pick<Incident, 'restricted' | 'assignees' | 'owner'>) => ({
  restricted: incident.restricted, assignees: [...incident.assignees], owner: incident.owner,
});

const readers = PERMISSIONS['incident:read'] as readonly Role[];
const restrictedReaders = PERMISSIONS['incident:read-restricted'] as readonly Role[];

/** Who is told that an incident changed: the same people who may read it. */
export function incidentAudience(incident: Pick<Incident, '_id' | 'restricted' | 'assignees' | 'owner'>): Audience {
  const people = [...incident.assignees, ...(incident.owner ? [incident.owner.id] : [])];
  return {
    incidentId: String(incident._id),
    roles: incident.restricted ? [...restrictedReaders] : [...readers],
    userIds: [...new Set(people)],
    incident: visibilityOf(incident),
  };
}

/** Who gets a deadline alert: on-call staff (or, when restricted, managers and the DPO), the people on the incident, and its watchers. */
export function alertAudience(incident: Pick<Incident, '_id' | 'restricted' | 'assignees' | 'owner'>): Audience {
  const people = [...incident.assignees, ...(incident.owner ? [incident.owner.id] : [])];
  return {
    incidentId: String(incident._id),
    roles: incident.restricted ? [...restrictedReaders] : ['oncall'],
    userIds: [...new Set(people)],
    incident: visibilityOf(incident),
  };
}

import type { DashboardMessageParams } from './dashboard.messages.js';

type Code = keyof DashboardMessageParams;

/**
 * Each stored fact's path, named as the dashboard's facts form names it (a code of the dashboard's catalogue):
 * the timeline and the errors speak of a field this way, so the reader finds it under the same name.
 */
export const SCREEN_FIELDS: Record<string, Code> = {
  title: 'facts.title',
  description: 'facts.description',
  outwardDescription: 'facts.outwardDescription',
  breachTypes: 'facts.breachTypes',
  'cause.kind': 'facts.causeKind',
  'cause.vector': 'facts.causeVector',
  'cause.description': 'facts.causeDescription',
  systems: 'facts.systems',
  dataLocation: 'facts.dataLocation',
  'occurred.from': 'facts.occurredFrom',
  'occurred.to': 'facts.occurredTo',
  'occurred.approximate': 'facts.occurredApproximate',
  'detected.at': 'facts.detectedAt',
  'detected.by': 'facts.detectedBy',
  role: 'facts.role',
  'controller.name': 'facts.controllerName',
  'controller.contact': 'facts.controllerContact',
  'controller.notifyOnBehalf': 'facts.notifyOnBehalf',
  'controller.informedAt': 'field.controller.informedAt',
  'controller.targetAt': 'controller.target',
  'subjects.groups': 'facts.groups',
  'subjects.count': 'facts.subjectCount',
  'subjects.count.min': 'facts.countMin',
  'subjects.count.max': 'facts.countMax',
  'subjects.vulnerable': 'facts.vulnerable',
  'subjects.canBeReached': 'facts.canBeReached',
  'subjects.reachEffort': 'facts.reachEffort',
  'subjects.reachNote': 'facts.reachNote',
  dataCategories: 'facts.dataCategories',
  dataDetail: 'facts.dataDetail',
  sensitiveRelationship: 'facts.sensitiveRelationship',
  records: 'facts.records',
  'records.min': 'facts.countMin',
  'records.max': 'facts.countMax',
  'encryption.dataEncrypted': 'facts.dataEncrypted',
  'encryption.stateOfTheArt': 'facts.stateOfTheArt',
  'encryption.keyCompromised': 'facts.keyCompromised',
  'encryption.keyCustody': 'facts.keyCustody',
  unauthorisedAccess: 'facts.unauthorisedAccess',
  exfiltration: 'facts.exfiltration',
  'recipients.type': 'facts.recipientsType',
  'recipients.count': 'facts.recipientsCount',
  'recipients.confirmedDeletion': 'facts.confirmedDeletion',
  'recipients.note': 'facts.recipientsNote',
  misuseObserved: 'facts.misuse',
  neutralised: 'facts.neutralised',
  availabilityImpact: 'facts.availabilityImpact',
  'backup.available': 'facts.backupAvailable',
  'backup.restored': 'facts.backupRestored',
  'backup.restoreHours': 'facts.restoreHours',
  outageHarmedPeople: 'facts.outageHarmedPeople',
  likelyConsequences: 'facts.likelyConsequences',
  consequences: 'facts.consequences',
  measuresTaken: 'facts.measuresTaken',
  measuresPlanned: 'facts.measuresPlanned',
  mitigations: 'field.mitigations',
  ownerId: 'incident.owner',
  owner: 'incident.owner',
  assignees: 'facts.assignees',
  restricted: 'facts.restricted',
  'awareness.at': 'awareness.at',
  'awareness.evidence': 'awareness.evidence',
  'clock.deadline': 'clock.deadline',
  'clock.state': 'clock.title',
  'clock.stopReason': 'clock.title',
  status: 'incident.status',
  closure: 'state.closedAt',
  delayReasons: 'notice.delayReasons',
  followUp: 'filing.followUpDue',
};

/** The most specific name the form has for a path ("subjects.count.value" reads as the count's question). */
export function fieldLabelCode(path: string): Code | null {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const code = SCREEN_FIELDS[p];
    if (code) return code;
  }
  return null;
}

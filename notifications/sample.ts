import { Types } from 'mongoose';
import type { Incident } from '../server/domains/incidents/incident.model.js';
import type { ContactPoint } from './catalog.js';

const at = (iso: string) => new Date(iso);

/** A complete, realistic incident that template drafts are previewed against. */
export function sampleIncident(): Incident {
  return {
    _id: new Types.ObjectId('000000000000000000000001'),
    ref: 'BC-2026-0001',
    title: 'Kundeliste sendt til feil mottaker',
    outwardDescription: 'En medarbeider hos oss sendte ved en feil en fil med kundeopplysninger til en samarbeidspartner. Samarbeidspartneren varslet oss samme dag og har slettet filen.',
    description: 'En medarbeider sendte et regneark med kundeopplysninger til en ekstern samarbeidspartner ved en feil.\n\nMottakeren varslet oss samme dag.',
    status: 'open',
    closure: null,
    breachTypes: ['confidentiality'],
    cause: { kind: 'accidental', vector: 'feilsendt e-post', description: 'Feil adresse valgt i e-postklienten' },
    role: 'controller',
    controller: { name: 'Kunde AS', contact: 'personvern@kunde.example', informedAt: null, informedChannel: null, targetAt: null, noticeHours: null, notifyOnBehalf: false },
    occurred: { from: at('2026-03-02T08:10:00Z'), to: at('2026-03-02T08:10:00Z'), approximate: false },
    detected: { at: at('2026-03-02T11:00:00Z'), by: 'Mottakeren' },
    triageStartedAt: at('2026-03-02T11:05:00Z'),
    awareness: { at: at('2026-03-02T12:00:00Z'), evidence: 'Mottakerens e-post', declaredBy: { id: 'x', name: 'Analytiker' }, declaredAt: at('2026-03-02T12:00:00Z'), backdatedReason: null },
    clock: { state: 'running', deadline: at('2026-03-05T12:00:00Z'), stoppedAt: null, stopReason: null, stopNote: null },
    followUp: null,
    delayReasons: '',
    obligations: [],
    owes: true,
    nextDueAt: null,
    boardOrder: null,
    dataCategories: ['identity', 'contact', 'purchase_history'],
    dataDetail: 'substantial',
    sensitiveRelationship: false,
    subjects: { groups: ['kunder'], count: { kind: 'estimate', value: 1200, min: null, max: null }, vulnerable: false, canBeReached: true, reachEffort: 'individual', reachNote: '' },
    records: { kind: 'exact', value: 1200, min: null, max: null },
    systems: ['CRM'],
    dataLocation: 'Hos mottakeren, som har bekreftet sletting',
    encryption: { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null, keyCustody: '' },
    backup: { available: null, restored: null, restoreHours: null, note: '' },
    availabilityImpact: 'none',
    outageHarmedPeople: null,
    exfiltration: 'not_applicable',
    unauthorisedAccess: 'confirmed',
    misuseObserved: 'none_observed',
    recipients: { type: 'trusted_known', confirmedDeletion: true, count: 1, note: '' },
    neutralised: null,
    likelyConsequences: [],
    consequences: 'Lav risiko for at opplysningene misbrukes; mottakeren har taushetsplikt og har slettet filen.',
    measuresTaken: 'Mottakeren har bekreftet sletting skriftlig. Medarbeideren har fått ny opplæring.',
    measuresPlanned: 'Vi innfører automatisk varsel ved utsendelse av vedlegg med personopplysninger.',
    mitigations: [{ what: 'Sletting bekreftet', at: at('2026-03-02T13:00:00Z') }],
    owner: { id: 'x', name: 'Analytiker' },
    assignees: [],
    restricted: false,
    createdBy: { id: 'x', name: 'Analytiker' },
    createdAt: at('2026-03-02T11:05:00Z'),
    updatedAt: at('2026-03-02T12:00:00Z'),
    version: 1,
  };
}

export const sampleContact: ContactPoint = { name: 'Kari Nordmann', role: 'personvernombud', email: 'personvern@example.no', phone: '+47 22 00 00 00' };
export const sampleAdvice = 'Vær oppmerksom på e-post eller telefoner som viser til kundeforholdet ditt. Vi ber deg aldri om passord.';

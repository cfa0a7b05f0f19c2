import type { ContactPoint, NoticeIncident } from './catalog.js';

const at = (iso: string) => new Date(iso);

/** A complete, realistic incident that template drafts are previewed against. */
export function sampleIncident(): NoticeIncident {
  return {
    ref: 'BC-2026-0001',
    title: 'Kundeliste sendt til feil mottaker',
    outwardDescription: 'En medarbeider hos oss sendte ved en feil en fil med kundeopplysninger til en samarbeidspartner. Samarbeidspartneren varslet oss samme dag og har slettet filen.',
    outwardDescriptionEn: 'One of our staff sent a file with customer information to a business partner by mistake. The partner told us the same day and has deleted the file.',
    description: 'En medarbeider sendte et regneark med kundeopplysninger til en ekstern samarbeidspartner ved en feil.\n\nMottakeren varslet oss samme dag.',
    breachTypes: ['confidentiality'],
    cause: { kind: 'accidental', vector: 'feilsendt e-post', description: 'Feil adresse valgt i e-postklienten' },
    encryption: { dataEncrypted: false, stateOfTheArt: null, keyCompromised: null },
    mitigations: [{ what: 'Mottakeren har slettet filen og bekreftet det skriftlig' }],
    controller: { name: 'Kunde AS', contact: 'personvern@kunde.example' },
    occurred: { from: at('2026-03-02T08:10:00Z'), to: at('2026-03-02T08:10:00Z'), approximate: false },
    detected: { at: at('2026-03-02T11:00:00Z') },
    awareness: { at: at('2026-03-02T12:00:00Z') },
    clock: { deadline: at('2026-03-05T12:00:00Z') },
    dataCategories: ['identity', 'contact', 'purchase_history'],
    subjects: { groups: ['kunder'], count: { kind: 'estimate', value: 1200, min: null, max: null } },
    records: { kind: 'exact', value: 1200, min: null, max: null },
    systems: ['CRM'],
    dataLocation: 'Hos mottakeren, som har bekreftet sletting',
    consequences: 'Lav risiko for at opplysningene misbrukes; mottakeren har taushetsplikt og har slettet filen.',
    measuresTaken: 'Mottakeren har bekreftet sletting skriftlig. Medarbeideren har fått ny opplæring.',
    measuresPlanned: 'Vi innfører automatisk varsel ved utsendelse av vedlegg med personopplysninger.',
  };
}

export const sampleContact: ContactPoint = { name: 'Kari Nordmann', role: 'personvernombud', email: 'personvern@example.no', phone: '+47 22 00 00 00' };
export const sampleAdvice = 'Vær oppmerksom på e-post eller telefoner som viser til kundeforholdet ditt. Vi ber deg aldri om passord.';

import type { Incident } from '../incidents/incident.model.js';
import type { Notice } from './notice.model.js';
import { formatCount, formatMoment } from '../../../notifications/format.js';
import { CATEGORY_LABELS } from '../../../notifications/labels.js';

/**
 * The authority notice mapped field by field onto Datatilsynet's Altinn form "Meld avvik", in the
 * form's own sections, so a person can copy each answer across.
 */
export function altinnMapping(notice: Notice, contact: { name: string; email: string; phone: string }, told: { at: Date; channel: string; audience: string; kind: string } | null = null) {
  const incident = notice.facts as unknown as Incident;
  const at = (d: unknown) => (d ? formatMoment(new Date(d as string), 'nb') : 'ikke kjent');
  return [
    {
      section: 'Beskrivelse av avviket',
      fields: [
        { field: 'Hva har skjedd', answer: incident.outwardDescription },
        { field: 'Hovedårsak', answer: incident.cause?.description || incident.cause?.vector || 'ikke kjent ennå' },
        { field: 'Tidsrom for avviket', answer: incident.occurred?.from ? `${at(incident.occurred.from)} – ${at(incident.occurred.to)}` : 'ikke kjent ennå' },
        { field: 'Når ble avviket oppdaget', answer: at(incident.detected?.at) },
        { field: 'Når ble virksomheten kjent med avviket', answer: at(incident.awareness?.at) },
        { field: 'Antall berørte personer', answer: formatCount(incident.subjects.count, 'nb') },
        { field: 'Antall berørte registreringer', answer: formatCount(incident.records, 'nb') },
        { field: 'Type personopplysninger', answer: incident.dataCategories.map((c) => CATEGORY_LABELS[c].nb).join(', ') },
        { field: 'Virksomhetens relasjon til de berørte', answer: incident.subjects.groups.join(', ') },
        { field: 'Hvor befinner opplysningene seg etter avviket', answer: incident.dataLocation || 'ikke kjent ennå' },
      ],
    },
    { section: 'Konsekvenser', fields: [{ field: 'Mulige konsekvenser for de berørte', answer: incident.consequences }] },
    {
      section: 'Tiltak',
      fields: [
        { field: 'Tiltak som er gjennomført', answer: incident.measuresTaken },
        { field: 'Tiltak som er planlagt', answer: incident.measuresPlanned },
      ],
    },
    {
      section: 'Informasjon',
      fields: [{
        field: 'Er de berørte informert, og hvordan',
        answer: told
          ? `Ja, ${at(told.at)}, ${told.kind === 'public' ? 'ved offentlig kunngjøring' : 'direkte'} (${told.channel}${told.audience ? `: ${told.audience}` : ''}).`
          : 'Nei, ikke ennå.',
      }],
    },
    {
      section: 'Kontaktinformasjon',
      fields: [
        { field: 'Personvernombud eller annet kontaktpunkt', answer: contact.name },
        { field: 'E-post', answer: contact.email },
        { field: 'Telefon', answer: contact.phone },
      ],
    },
    ...(notice.delayReasons ? [{ section: 'Forsinket melding', fields: [{ field: 'Årsak til at meldingen kommer etter 72 timer', answer: notice.delayReasons }] }] : []),
    ...(notice.phase === 'initial' || notice.phase === 'supplementary' ? [{ section: 'Trinnvis melding', fields: [{ field: 'Meldingen er trinnvis; mer informasjon ettersendes', answer: 'Ja' }] }] : []),
  ];
}

import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { IncidentView } from '../../../../server/domains/incidents/incident.presenter.js';
import {
  AVAILABILITY_IMPACTS,
  BREACH_TYPES,
  CAUSE_KINDS,
  DATA_CATEGORIES,
  DATA_DETAIL,
  EXFILTRATION,
  LIKELY_CONSEQUENCES,
  MISUSE,
  REACH_EFFORT,
  RECIPIENT_TYPES,
  UNAUTHORISED_ACCESS,
} from '../../../../server/domains/incidents/incident.vocabulary.js';
import { api } from '../../api.js';
import { CheckGroup, DateTimeField, NumberField, RadioGroup, SelectField, TextArea, TextField, YesNo } from '../../components/field.js';
import { ErrorBox, useLoad } from '../../components/states.js';
import { confirmDone } from '../../components/toasts.js';
import { fieldLabelCode } from '../../../../notifications/messages/screen-fields.js';
import { fromLocalInput, toLocalInput } from '../../format.js';
import { can } from '../../state.js';
import { categoryLabel, consequenceLabel, say, t, word, type Code } from '../../words.js';

type Count = { kind: 'exact' | 'estimate' | 'range' | 'unknown'; value: number | null; min: number | null; max: number | null };
/** Fields the notices contract adds; absent from servers that do not have them yet. */
type Contracted = IncidentView & {
  outwardDescription?: string;
  controller: IncidentView['controller'] & {
    notifyOnBehalf?: boolean;
    noticeHours?: number | null;
    instructedBy?: string;
    instructedAt?: string | null;
    instructionReference?: string;
  };
};

/** The form's own copy of every fact, in the shapes the inputs use. */
function draftOf(i: Contracted) {
  const count = (c: Partial<Count> | undefined): Count => ({ kind: c?.kind ?? 'unknown', value: c?.value ?? null, min: c?.min ?? null, max: c?.max ?? null });
  return {
    title: i.title,
    description: i.description,
    outwardDescription: i.outwardDescription ?? '',
    breachTypes: [...i.breachTypes],
    cause: { kind: i.cause?.kind ?? 'unknown', vector: i.cause?.vector ?? '', description: i.cause?.description ?? '' },
    role: i.role,
    controller: {
      name: i.controller.name ?? '',
      contact: i.controller.contact ?? '',
      notifyOnBehalf: i.controller.notifyOnBehalf ?? false,
      noticeHours: i.controller.noticeHours ?? null,
      instructedBy: i.controller.instructedBy ?? '',
      instructedAt: toLocalInput(i.controller.instructedAt),
      instructionReference: i.controller.instructionReference ?? '',
    },
    occurred: { from: toLocalInput(i.occurred.from), to: toLocalInput(i.occurred.to), approximate: i.occurred.approximate ?? false },
    detected: { at: toLocalInput(i.detected.at), by: i.detected.by ?? '' },
    dataCategories: [...i.dataCategories] as string[],
    dataDetail: (i.dataDetail ?? 'unknown') as string,
    sensitiveRelationship: i.sensitiveRelationship ?? null,
    subjects: {
      groups: (i.subjects.groups ?? []).join('\n'),
      count: count(i.subjects.count),
      vulnerable: i.subjects.vulnerable ?? null,
      canBeReached: i.subjects.canBeReached ?? null,
      reachEffort: (i.subjects.reachEffort ?? 'unknown') as string,
      reachNote: i.subjects.reachNote ?? '',
    },
    records: count(i.records),
    systems: i.systems.join('\n'),
    dataLocation: i.dataLocation,
    encryption: {
      dataEncrypted: i.encryption?.dataEncrypted ?? null,
      stateOfTheArt: i.encryption?.stateOfTheArt ?? null,
      keyCompromised: i.encryption?.keyCompromised ?? null,
      keyCustody: i.encryption?.keyCustody ?? '',
    },
    backup: {
      available: i.backup?.available ?? null,
      restored: i.backup?.restored ?? null,
      restoreHours: i.backup?.restoreHours ?? null,
      note: i.backup?.note ?? '',
    },
    availabilityImpact: (i.availabilityImpact ?? 'unknown') as string,
    outageHarmedPeople: i.outageHarmedPeople ?? null,
    exfiltration: (i.exfiltration ?? 'unknown') as string,
    unauthorisedAccess: (i.unauthorisedAccess ?? 'unknown') as string,
    misuseObserved: (i.misuseObserved ?? 'unknown') as string,
    recipients: {
      type: (i.recipients?.type ?? 'unknown') as string,
      confirmedDeletion: i.recipients?.confirmedDeletion ?? null,
      count: i.recipients?.count ?? null,
      note: i.recipients?.note ?? '',
    },
    neutralised: i.neutralised ?? null,
    likelyConsequences: [...i.likelyConsequences] as string[],
    consequences: i.consequences,
    measuresTaken: i.measuresTaken,
    measuresPlanned: i.measuresPlanned,
    mitigations: i.mitigations.map((m) => m.what).join('\n'),
    ownerId: i.owner?.id ?? '',
    assignees: [...i.assignees],
    restricted: i.restricted,
  };
}
type Draft = ReturnType<typeof draftOf>;

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const countBody = (c: Count) =>
  c.kind === 'exact' || c.kind === 'estimate'
    ? { kind: c.kind, value: c.value }
    : c.kind === 'range'
      ? { kind: c.kind, min: c.min, max: c.max }
      : { kind: c.kind };

/** The draft as the API takes it; contracted fields only where the server has them. */
function bodyOf(d: Draft, i: Contracted): Record<string, unknown> {
  return {
    title: d.title,
    description: d.description,
    ...('outwardDescription' in i ? { outwardDescription: d.outwardDescription } : {}),
    breachTypes: d.breachTypes,
    cause: d.cause,
    role: d.role,
    controller: {
      name: d.controller.name,
      contact: d.controller.contact,
      ...('notifyOnBehalf' in i.controller ? { notifyOnBehalf: d.controller.notifyOnBehalf } : {}),
      ...('instructedBy' in i.controller
        ? {
            instructedBy: d.controller.instructedBy,
            instructedAt: fromLocalInput(d.controller.instructedAt),
            instructionReference: d.controller.instructionReference,
          }
        : {}),
      ...('noticeHours' in i.controller ? { noticeHours: d.controller.noticeHours } : {}),
    },
    occurred: { from: fromLocalInput(d.occurred.from), to: fromLocalInput(d.occurred.to), approximate: d.occurred.approximate },
    detected: { at: fromLocalInput(d.detected.at), by: d.detected.by },
    dataCategories: d.dataCategories,
    dataDetail: d.dataDetail,
    sensitiveRelationship: d.sensitiveRelationship,
    subjects: { ...d.subjects, groups: lines(d.subjects.groups), count: countBody(d.subjects.count) },
    records: countBody(d.records),
    systems: lines(d.systems),
    dataLocation: d.dataLocation,
    encryption: d.encryption,
    backup: d.backup,
    availabilityImpact: d.availabilityImpact,
    outageHarmedPeople: d.outageHarmedPeople,
    exfiltration: d.exfiltration,
    unauthorisedAccess: d.unauthorisedAccess,
    misuseObserved: d.misuseObserved,
    recipients: d.recipients,
    neutralised: d.neutralised,
    likelyConsequences: d.likelyConsequences,
    consequences: d.consequences,
    measuresTaken: d.measuresTaken,
    measuresPlanned: d.measuresPlanned,
    // A measure kept from before keeps the time it was recorded with.
    mitigations: lines(d.mitigations).map((what) => ({ what, at: i.mitigations.find((m) => m.what === what)?.at ?? null })),
    ownerId: d.ownerId || null,
    assignees: d.assignees,
    restricted: d.restricted,
  };
}

const options = <V extends string>(values: readonly V[], prefix: string): [V, string][] => values.map((v) => [v, word(prefix, v)]);

function CountFields({
  path,
  label,
  help,
  value,
  onChange,
  disabled,
}: {
  path: string;
  label: string;
  help: string;
  value: Count;
  onChange: (c: Count) => void;
  disabled: boolean;
}) {
  return (
    <div class="count">
      <RadioGroup
        path={path}
        label={label}
        help={help}
        disabled={disabled}
        value={value.kind}
        options={options(['exact', 'estimate', 'range', 'unknown'] as const, 'countKind')}
        onChange={(kind) => onChange({ ...value, kind })}
      />
      {value.kind === 'exact' || value.kind === 'estimate' ? (
        <NumberField
          path={`${path}.value`}
          label={value.kind === 'exact' ? t('facts.countExact') : t('facts.countEstimate')}
          disabled={disabled}
          value={value.value}
          onInput={(v) => onChange({ ...value, value: v })}
        />
      ) : null}
      {value.kind === 'range' ? (
        <div class="row">
          <NumberField path={`${path}.min`} label={t('facts.countMin')} disabled={disabled} value={value.min} onInput={(v) => onChange({ ...value, min: v })} />
          <NumberField path={`${path}.max`} label={t('facts.countMax')} disabled={disabled} value={value.max} onInput={(v) => onChange({ ...value, max: v })} />
        </div>
      ) : null}
    </div>
  );
}

function Group({ code, help, children }: { code: Code; help: Code; children: ComponentChildren }) {
  return (
    <section class="group">
      <h3>{say(code)}</h3>
      <p class="help">{say(help)}</p>
      {children}
    </section>
  );
}

/** Incidents whose facts form the user has open: a save re-renders the page, and the form stays open. */
const openForms = new Set<string>();
/** What the last save warned of, by incident: the page re-renders after a save, and the warning must stay. */
const savedWarnings = new Map<string, SaveWarning[]>();
type SaveWarning = { path: string; code: string };

const fieldName = (path: string) => {
  const code = fieldLabelCode(path);
  return code ? say(code) : t('common.unknownValue');
};

/** A save's warning, its field named as this form names it. */
function SaveWarnings({ warnings }: { warnings: SaveWarning[] }) {
  if (!warnings.length) return null;
  return (
    <div class="warning" role="alert" data-testid="facts-warnings">
      {warnings.map((w) => (
        <p key={w.path}>
          {w.code === 'national-id-number' ? t('facts.nationalIdMasked', { field: fieldName(w.path) }) : t('facts.checkField', { field: fieldName(w.path) })}
        </p>
      ))}
    </div>
  );
}

/**
 * Every fact the assessment weighs and the notices state, asked as a DPO would ask it and grouped as
 * Datatilsynet's breach form groups it.
 */
export function FactsSection({ incident, onSaved, openQuestions }: { incident: Contracted; onSaved: () => void; openQuestions: number }) {
  const initial = useMemo(() => draftOf(incident), [incident.version]);
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const disabled = !can('incident:update') || incident.status === 'closed';
  const people = useLoad(() => api<{ id: string; name: string; roles: string[] }[]>('GET', '/users/directory'), []).data ?? [];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((old) => ({ ...old, [key]: value }));
  const sub = <K extends 'cause' | 'controller' | 'occurred' | 'detected' | 'subjects' | 'encryption' | 'backup' | 'recipients'>(
    key: K,
    part: Partial<Draft[K]>,
  ) => setD((old) => ({ ...old, [key]: { ...old[key], ...part } }));
  const yesNo = (path: string, label: Code, help: Code, value: boolean | null, on: (v: boolean | null) => void) => (
    <YesNo path={path} label={say(label)} help={say(help)} disabled={disabled} value={value} onChange={on} />
  );
  const save = async (e: Event) => {
    e.preventDefault();
    const before = bodyOf(initial, incident);
    const now = bodyOf(d, incident);
    // Only what changed: the timeline and the decision's review flag name exactly the facts that moved.
    const changed = Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
    if (!Object.keys(changed).length) return;
    setBusy(true);
    try {
      // Case text keeps no full national identity number: it is saved masked to the birth date, and the form says so.
      const saved = await api<{ warnings?: SaveWarning[] }>('PATCH', `/incidents/${incident.id}?maskNationalIds=true`, {
        version: incident.version,
        ...changed,
      });
      savedWarnings.set(incident.id, saved.warnings ?? []);
      setError(null);
      confirmDone(t('facts.saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details
      class="card"
      id="facts"
      open={openForms.has(incident.id) || incident.status === 'triage' || openQuestions > 0}
      onToggle={(e) => ((e.currentTarget as HTMLDetailsElement).open ? openForms.add(incident.id) : openForms.delete(incident.id))}
    >
      <summary>
        <h2 class="inline">{t('facts.heading')}</h2>
        {openQuestions ? <span class="muted"> · {t('facts.openQuestions', { n: openQuestions })}</span> : null}
      </summary>
      <form data-testid="facts" onSubmit={save}>
        <Group code="facts.groupBreach" help="facts.groupBreachHelp">
          <TextField
            path="title"
            label={t('facts.title')}
            help={t('facts.titleHelp')}
            disabled={disabled}
            required
            maxLength={200}
            value={d.title}
            onInput={(v) => set('title', v)}
          />
          <TextArea
            path="description"
            label={t('facts.description')}
            help={t('facts.descriptionHelp')}
            disabled={disabled}
            rows={4}
            value={d.description}
            onInput={(v) => set('description', v)}
          />
          {'outwardDescription' in incident ? (
            <TextArea
              path="outwardDescription"
              label={t('facts.outwardDescription')}
              help={t('facts.outwardDescriptionHelp')}
              disabled={disabled}
              rows={4}
              value={d.outwardDescription}
              onInput={(v) => set('outwardDescription', v)}
            />
          ) : null}
          <CheckGroup
            path="breachTypes"
            label={t('facts.breachTypes')}
            help={t('facts.breachTypesHelp')}
            disabled={disabled}
            values={d.breachTypes}
            options={options(BREACH_TYPES, 'breachType')}
            onChange={(v) => set('breachTypes', v)}
          />
          <RadioGroup
            path="cause.kind"
            label={t('facts.causeKind')}
            help={t('facts.causeKindHelp')}
            disabled={disabled}
            value={d.cause.kind}
            options={options(CAUSE_KINDS, 'cause')}
            onChange={(v) => sub('cause', { kind: v })}
          />
          <TextField
            path="cause.vector"
            label={t('facts.causeVector')}
            help={t('facts.causeVectorHelp')}
            disabled={disabled}
            maxLength={200}
            value={d.cause.vector}
            onInput={(v) => sub('cause', { vector: v })}
          />
          <TextArea
            path="cause.description"
            label={t('facts.causeDescription')}
            disabled={disabled}
            value={d.cause.description}
            onInput={(v) => sub('cause', { description: v })}
          />
          <TextArea
            path="systems"
            label={t('facts.systems')}
            help={t('facts.systemsHelp')}
            disabled={disabled}
            rows={2}
            value={d.systems}
            onInput={(v) => set('systems', v)}
          />
          <TextArea
            path="dataLocation"
            label={t('facts.dataLocation')}
            help={t('facts.dataLocationHelp')}
            disabled={disabled}
            rows={2}
            value={d.dataLocation}
            onInput={(v) => set('dataLocation', v)}
          />
        </Group>
        <Group code="facts.groupTime" help="facts.groupTimeHelp">
          <div class="row">
            <DateTimeField
              path="occurred.from"
              label={t('facts.occurredFrom')}
              disabled={disabled}
              value={d.occurred.from}
              onInput={(v) => sub('occurred', { from: v })}
            />
            <DateTimeField
              path="occurred.to"
              label={t('facts.occurredTo')}
              help={t('facts.occurredToHelp')}
              disabled={disabled}
              value={d.occurred.to}
              onInput={(v) => sub('occurred', { to: v })}
            />
          </div>
          <label class="check">
            <input
              type="checkbox"
              id="f-occurred-approximate"
              disabled={disabled}
              checked={d.occurred.approximate}
              onChange={(e) => sub('occurred', { approximate: (e.target as HTMLInputElement).checked })}
            />
            {t('facts.occurredApproximate')}
          </label>
          <div class="row">
            <DateTimeField
              path="detected.at"
              label={t('facts.detectedAt')}
              disabled={disabled}
              value={d.detected.at}
              onInput={(v) => sub('detected', { at: v })}
            />
            <TextField
              path="detected.by"
              label={t('facts.detectedBy')}
              help={t('facts.detectedByHelp')}
              disabled={disabled}
              maxLength={200}
              value={d.detected.by}
              onInput={(v) => sub('detected', { by: v })}
            />
          </div>
        </Group>
        <Group code="facts.groupRole" help="facts.groupRoleHelp">
          <RadioGroup
            path="role"
            label={t('facts.role')}
            help={t('facts.roleHelp')}
            disabled={disabled}
            value={d.role}
            options={[
              ['controller', t('role.controllerChoice')],
              ['processor', t('role.processorChoice')],
            ]}
            onChange={(v) => set('role', v)}
          />
          {d.role === 'processor' ? (
            <>
              <TextField
                path="controller.name"
                label={t('facts.controllerName')}
                disabled={disabled}
                maxLength={200}
                value={d.controller.name}
                onInput={(v) => sub('controller', { name: v })}
              />
              <TextArea
                path="controller.contact"
                label={t('facts.controllerContact')}
                help={t('facts.controllerContactHelp')}
                disabled={disabled}
                rows={2}
                value={d.controller.contact}
                onInput={(v) => sub('controller', { contact: v })}
              />
              {'notifyOnBehalf' in incident.controller ? (
                <label class="check">
                  <input
                    type="checkbox"
                    id="f-controller-notifyOnBehalf"
                    disabled={disabled}
                    checked={d.controller.notifyOnBehalf}
                    onChange={(e) => sub('controller', { notifyOnBehalf: (e.target as HTMLInputElement).checked })}
                  />
                  {t('facts.notifyOnBehalf')}
                </label>
              ) : null}
              {'notifyOnBehalf' in incident.controller ? <p class="help">{t('facts.notifyOnBehalfHelp')}</p> : null}
              {'instructedBy' in incident.controller && d.controller.notifyOnBehalf ? (
                <div class="group" data-testid="on-behalf-instruction">
                  <TextField
                    path="controller.instructedBy"
                    label={t('facts.instructedBy')}
                    help={t('facts.instructedByHelp')}
                    disabled={disabled}
                    required
                    maxLength={200}
                    value={d.controller.instructedBy}
                    onInput={(v) => sub('controller', { instructedBy: v })}
                  />
                  <DateTimeField
                    path="controller.instructedAt"
                    label={t('facts.instructedAt')}
                    help={t('form.osloTimeHelp')}
                    disabled={disabled}
                    required
                    value={d.controller.instructedAt}
                    onInput={(v) => sub('controller', { instructedAt: v })}
                  />
                  <TextField
                    path="controller.instructionReference"
                    label={t('facts.instructionReference')}
                    help={t('facts.instructionReferenceHelp')}
                    disabled={disabled}
                    maxLength={200}
                    value={d.controller.instructionReference}
                    onInput={(v) => sub('controller', { instructionReference: v })}
                  />
                </div>
              ) : null}
              {'noticeHours' in incident.controller ? (
                <NumberField
                  path="controller.noticeHours"
                  label={t('facts.controllerNoticeHours')}
                  help={t('facts.controllerNoticeHoursHelp')}
                  disabled={disabled}
                  value={d.controller.noticeHours}
                  onInput={(v) => sub('controller', { noticeHours: v })}
                />
              ) : null}
            </>
          ) : null}
        </Group>
        <Group code="facts.groupPeople" help="facts.groupPeopleHelp">
          <TextArea
            path="subjects.groups"
            label={t('facts.groups')}
            help={t('facts.groupsHelp')}
            disabled={disabled}
            rows={2}
            value={d.subjects.groups}
            onInput={(v) => sub('subjects', { groups: v })}
          />
          <CountFields
            path="subjects.count"
            label={t('facts.subjectCount')}
            help={t('facts.subjectCountHelp')}
            disabled={disabled}
            value={d.subjects.count}
            onChange={(c) => sub('subjects', { count: c })}
          />
          {yesNo('subjects.vulnerable', 'facts.vulnerable', 'facts.vulnerableHelp', d.subjects.vulnerable, (v) => sub('subjects', { vulnerable: v }))}
        </Group>
        <Group code="facts.groupData" help="facts.groupDataHelp">
          <CheckGroup
            path="dataCategories"
            label={t('facts.dataCategories')}
            help={t('facts.dataCategoriesHelp')}
            disabled={disabled}
            values={d.dataCategories}
            options={DATA_CATEGORIES.map((c) => [c, categoryLabel(c)])}
            headings={{
              special_category_health: t('facts.specialCategories'),
              criminal_offences: t('facts.criminalOffences'),
              unspecified: t('common.unknown'),
            }}
            onChange={(v) => set('dataCategories', v)}
          />
          <RadioGroup
            path="dataDetail"
            label={t('facts.dataDetail')}
            help={t('facts.dataDetailHelp')}
            disabled={disabled}
            value={d.dataDetail}
            options={options(DATA_DETAIL, 'dataDetail')}
            onChange={(v) => set('dataDetail', v)}
          />
          {yesNo('sensitiveRelationship', 'facts.sensitiveRelationship', 'facts.sensitiveRelationshipHelp', d.sensitiveRelationship, (v) =>
            set('sensitiveRelationship', v),
          )}
          <CountFields
            path="records"
            label={t('facts.records')}
            help={t('facts.recordsHelp')}
            disabled={disabled}
            value={d.records}
            onChange={(c) => set('records', c)}
          />
        </Group>
        <Group code="facts.groupAccess" help="facts.groupAccessHelp">
          {yesNo('encryption.dataEncrypted', 'facts.dataEncrypted', 'facts.dataEncryptedHelp', d.encryption.dataEncrypted, (v) =>
            sub('encryption', { dataEncrypted: v }),
          )}
          {d.encryption.dataEncrypted ? (
            <>
              {yesNo('encryption.stateOfTheArt', 'facts.stateOfTheArt', 'facts.stateOfTheArtHelp', d.encryption.stateOfTheArt, (v) =>
                sub('encryption', { stateOfTheArt: v }),
              )}
              {yesNo('encryption.keyCompromised', 'facts.keyCompromised', 'facts.keyCompromisedHelp', d.encryption.keyCompromised, (v) =>
                sub('encryption', { keyCompromised: v }),
              )}
              <TextArea
                path="encryption.keyCustody"
                label={t('facts.keyCustody')}
                help={t('facts.keyCustodyHelp')}
                disabled={disabled}
                rows={2}
                value={d.encryption.keyCustody}
                onInput={(v) => sub('encryption', { keyCustody: v })}
              />
            </>
          ) : null}
          <RadioGroup
            path="unauthorisedAccess"
            label={t('facts.unauthorisedAccess')}
            help={t('facts.unauthorisedAccessHelp')}
            disabled={disabled}
            value={d.unauthorisedAccess}
            options={options(UNAUTHORISED_ACCESS, 'access')}
            onChange={(v) => set('unauthorisedAccess', v)}
          />
          <RadioGroup
            path="exfiltration"
            label={t('facts.exfiltration')}
            help={t('facts.exfiltrationHelp')}
            disabled={disabled}
            value={d.exfiltration}
            options={options(EXFILTRATION, 'exfiltration')}
            onChange={(v) => set('exfiltration', v)}
          />
          <SelectField
            path="recipients.type"
            label={t('facts.recipientsType')}
            help={t('facts.recipientsTypeHelp')}
            disabled={disabled}
            value={d.recipients.type}
            options={options(RECIPIENT_TYPES, 'recipient')}
            onChange={(v) => sub('recipients', { type: v })}
          />
          <NumberField
            path="recipients.count"
            label={t('facts.recipientsCount')}
            help={t('facts.recipientsCountHelp')}
            min={1}
            disabled={disabled}
            value={d.recipients.count}
            onInput={(v) => sub('recipients', { count: v })}
          />
          {yesNo('recipients.confirmedDeletion', 'facts.confirmedDeletion', 'facts.confirmedDeletionHelp', d.recipients.confirmedDeletion, (v) =>
            sub('recipients', { confirmedDeletion: v }),
          )}
          <TextArea
            path="recipients.note"
            label={t('facts.recipientsNote')}
            disabled={disabled}
            rows={2}
            value={d.recipients.note}
            onInput={(v) => sub('recipients', { note: v })}
          />
          <RadioGroup
            path="misuseObserved"
            label={t('facts.misuse')}
            help={t('facts.misuseHelp')}
            disabled={disabled}
            value={d.misuseObserved}
            options={options(MISUSE, 'misuse')}
            onChange={(v) => set('misuseObserved', v)}
          />
          {yesNo('neutralised', 'facts.neutralised', 'facts.neutralisedHelp', d.neutralised, (v) => set('neutralised', v))}
        </Group>
        <Group code="facts.groupAvailability" help="facts.groupAvailabilityHelp">
          <RadioGroup
            path="availabilityImpact"
            label={t('facts.availabilityImpact')}
            help={t('facts.availabilityImpactHelp')}
            disabled={disabled}
            value={d.availabilityImpact}
            options={options(AVAILABILITY_IMPACTS, 'availability')}
            onChange={(v) => set('availabilityImpact', v)}
          />
          {yesNo('backup.available', 'facts.backupAvailable', 'facts.backupAvailableHelp', d.backup.available, (v) => sub('backup', { available: v }))}
          {yesNo('backup.restored', 'facts.backupRestored', 'facts.backupRestoredHelp', d.backup.restored, (v) => sub('backup', { restored: v }))}
          <NumberField
            path="backup.restoreHours"
            label={t('facts.restoreHours')}
            help={t('facts.restoreHoursHelp')}
            disabled={disabled}
            value={d.backup.restoreHours}
            onInput={(v) => sub('backup', { restoreHours: v })}
          />
          {yesNo('outageHarmedPeople', 'facts.outageHarmedPeople', 'facts.outageHarmedPeopleHelp', d.outageHarmedPeople, (v) => set('outageHarmedPeople', v))}
        </Group>
        <Group code="facts.groupConsequences" help="facts.groupConsequencesHelp">
          <CheckGroup
            path="likelyConsequences"
            label={t('facts.likelyConsequences')}
            help={t('facts.likelyConsequencesHelp')}
            disabled={disabled}
            values={d.likelyConsequences}
            options={LIKELY_CONSEQUENCES.map((c) => [c, consequenceLabel(c)])}
            onChange={(v) => set('likelyConsequences', v)}
          />
          <TextArea
            path="consequences"
            label={t('facts.consequences')}
            help={t('facts.consequencesHelp')}
            disabled={disabled}
            value={d.consequences}
            onInput={(v) => set('consequences', v)}
          />
        </Group>
        <Group code="facts.groupMeasures" help="facts.groupMeasuresHelp">
          <TextArea
            path="measuresTaken"
            label={t('facts.measuresTaken')}
            help={t('facts.measuresTakenHelp')}
            disabled={disabled}
            value={d.measuresTaken}
            onInput={(v) => set('measuresTaken', v)}
          />
          <TextArea
            path="measuresPlanned"
            label={t('facts.measuresPlanned')}
            help={t('facts.measuresPlannedHelp')}
            disabled={disabled}
            value={d.measuresPlanned}
            onInput={(v) => set('measuresPlanned', v)}
          />
          <TextArea
            path="mitigations"
            label={t('facts.mitigations')}
            help={t('facts.mitigationsHelp')}
            disabled={disabled}
            rows={3}
            value={d.mitigations}
            onInput={(v) => set('mitigations', v)}
          />
        </Group>
        <Group code="facts.groupReach" help="facts.groupReachHelp">
          {yesNo('subjects.canBeReached', 'facts.canBeReached', 'facts.canBeReachedHelp', d.subjects.canBeReached, (v) => sub('subjects', { canBeReached: v }))}
          <RadioGroup
            path="subjects.reachEffort"
            label={t('facts.reachEffort')}
            help={t('facts.reachEffortHelp')}
            disabled={disabled}
            value={d.subjects.reachEffort}
            options={options(REACH_EFFORT, 'reachEffort')}
            onChange={(v) => sub('subjects', { reachEffort: v })}
          />
          <TextArea
            path="subjects.reachNote"
            label={t('facts.reachNote')}
            disabled={disabled}
            rows={2}
            value={d.subjects.reachNote}
            onInput={(v) => sub('subjects', { reachNote: v })}
          />
        </Group>
        <Group code="facts.groupPeopleInCharge" help="facts.groupPeopleInChargeHelp">
          <SelectField
            path="ownerId"
            label={t('incident.owner')}
            disabled={disabled}
            value={d.ownerId}
            options={[['', t('common.nobody')], ...people.map((p): [string, string] => [p.id, p.name])]}
            onChange={(v) => set('ownerId', v)}
          />
          <CheckGroup
            path="assignees"
            label={t('facts.assignees')}
            help={t('facts.assigneesHelp')}
            disabled={disabled}
            values={d.assignees}
            options={people.map((p): [string, string] => [p.id, p.name])}
            onChange={(v) => set('assignees', v)}
          />
          <label class="check">
            <input
              type="checkbox"
              id="f-restricted"
              disabled={disabled}
              checked={d.restricted}
              onChange={(e) => set('restricted', (e.target as HTMLInputElement).checked)}
            />
            {t('facts.restricted')}
          </label>
          <p class="help">{t('facts.restrictedHelp')}</p>
        </Group>
        <SaveWarnings warnings={savedWarnings.get(incident.id) ?? []} />
        {error ? <ErrorBox error={error} /> : null}
        {disabled ? null : (
          <div class="sticky-save">
            <button class="primary" type="submit" disabled={busy}>
              {t('facts.save')}
            </button>
          </div>
        )}
      </form>
    </details>
  );
}

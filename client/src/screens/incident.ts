import type { IncidentView } from '../../../server/domains/incidents/incident.presenter.js';
import { CATEGORY_LABELS, CONSEQUENCE_LABELS } from '../../../notifications/labels.js';
import { api, download } from '../api.js';
import { h, mount } from '../dom.js';
import { countdown, currentLang, t } from '../i18n.js';
import { can, field, fromLocalInput, localInput, reroute, select, showError, timeEl, word } from '../shell.js';

interface Sentence { en: string; nb: string }
interface AssessmentView {
  id: string; risk: string; createdAt: string;
  recommendation: { notifySA: boolean; notifySubjects: boolean; exemption: string | null; publicCommunication: boolean };
  reasons: Sentence[]; missingFacts: { fact: string; question: Sentence }[];
}
interface DecisionView { id: string; notifySA: boolean; notifySubjects: boolean; exemption: string | null; reason: string; decidedBy: { name: string }; decidedAt: string; review: { needed: boolean } }
interface NoticeView { id: string; kind: string; lang: string; status: string; contentHash: string; hashVerifies: boolean; createdAt: string }
interface SubmissionView { sentAt: string; channel: string; reference: string; phase: string; late: boolean }
interface TimelineView { at: string; summary: string; actor: { name: string } | null; changes: { field: string; from: unknown; to: unknown }[] }

const DATA_CATEGORIES = [
  'identity', 'contact', 'date_of_birth', 'national_id_number', 'financial', 'payment_card', 'credentials', 'location', 'communications',
  'employment', 'images', 'children', 'special_category_health', 'special_category_unspecified', 'criminal_offences',
];
const COUNT_KINDS = ['unknown', 'exact', 'estimate', 'range'];
const BREACH_TYPES = ['confidentiality', 'integrity', 'availability'] as const;
const sentence = (s: Sentence) => (currentLang() === 'nb' ? s.nb : s.en);

/** The next thing someone must do, stated plainly; the page puts it at the top. */
function nextAction(incident: IncidentView, decisions: DecisionView[], submissions: SubmissionView[]): string {
  const nb = currentLang() === 'nb';
  if (incident.status === 'closed') return nb ? 'Saken er lukket.' : 'The incident is closed.';
  if (!incident.awareness) return nb ? 'Avklar om det er et brudd, og erklær kjennskap så klokken starter.' : 'Establish whether this is a breach, and declare awareness to start the clock.';
  if (!decisions.length) return nb ? 'Vurder risikoen og registrer en beslutning.' : 'Assess the risk and record a decision.';
  const last = decisions.at(-1)!;
  if (last.notifySA && !submissions.length) return nb ? 'Lag og godkjenn meldingen, send den i Altinn og registrer innsendingen.' : 'Draft and approve the notice, file it in Altinn and record the filing.';
  if (incident.followUp) return nb ? 'Send den supplerende meldingen før oppfølgingsfristen.' : 'File the supplementary notice before the follow-up date.';
  return nb ? 'Dokumenter tiltakene og lukk saken når de er på plass.' : 'Document the measures and close the incident once they are in place.';
}

export async function incidentPage(id: string, layout: (active: string, ...content: Node[]) => void, watch: (id: string, version: number) => void, setTick: (fn: () => void) => void): Promise<void> {
  const [incident, timeline, assessments, decisions, notices, submissions] = await Promise.all([
    api<IncidentView>('GET', `/incidents/${id}`),
    api<TimelineView[]>('GET', `/incidents/${id}/timeline`),
    api<AssessmentView[]>('GET', `/incidents/${id}/assessments`),
    api<DecisionView[]>('GET', `/incidents/${id}/decisions`),
    api<NoticeView[]>('GET', `/incidents/${id}/notices`),
    api<SubmissionView[]>('GET', `/incidents/${id}/submissions`),
  ]);
  watch(id, incident.version);
  const counter = h('div', { className: 'countdown', 'data-testid': 'countdown', role: 'timer', 'aria-live': 'off' });
  const update = () => {
    if (!incident.deadline) { counter.textContent = t('noDeadline'); return; }
    const left = new Date(incident.deadline).getTime() - Date.now();
    counter.textContent = incident.clock.state === 'running' ? (left < 0 ? `${t('overdue')} ${countdown(left)}` : countdown(left)) : word(incident.clock.state);
  };
  update();
  setTick(update);

  const result = h('div', { 'aria-live': 'polite' });
  const latest = assessments.at(-1);
  layout('',
    h('h1', {}, `${incident.ref}: ${incident.title}`),
    h('p', { className: 'muted' }, `${t('status')}: ${word(incident.status)} · ${t('clock')}: ${word(incident.clock.state)}${incident.clock.stopReason ? ` (${word(incident.clock.stopReason)})` : ''}${incident.restricted ? ` · ${t('restricted')}` : ''}`),
    h('div', { className: 'next', role: 'status', 'data-testid': 'next-action' }, h('strong', {}, `${t('nextAction')}: `), nextAction(incident, decisions, submissions)),
    clockCard(incident, counter),
    ...optional(awarenessCard(incident, result)),
    factsCard(incident, result),
    assessmentCard(incident, latest, decisions, result),
    result,
    noticesCard(incident, notices, result),
    submissionsCard(incident, submissions, result),
    ...optional(stateCard(incident, result)),
    h('section', { className: 'card' }, h('h2', {}, t('timeline')), h('ul', { className: 'timeline' }, ...timeline.map((e) => h('li', {}, timeEl(e.at), ` ${e.actor?.name ?? ''}: ${e.summary}`,
      e.changes.length ? h('div', { className: 'muted' }, e.changes.map((c) => `${c.field}: ${short(c.from)} → ${short(c.to)}`).join('; ')) : null)))),
  );
}

const optional = (node: HTMLElement | null): HTMLElement[] => (node ? [node] : []);

const short = (v: unknown) => {
  const text = v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

function clockCard(incident: IncidentView, counter: HTMLElement): HTMLElement {
  const d = incident.clock.deadline;
  return h('section', { className: `card clock ${incident.clock.overdue ? 'overdue' : ''}` }, h('h2', {}, t('clock')), counter,
    h('div', { className: 'muted' }, `${t('deadline')}: `, timeEl(incident.deadline),
      d ? h('div', {}, currentLang() === 'nb' ? d.osloText.nb : d.osloText.en) : null,
      d && (d.atNight || d.weekend || d.holiday)
        ? h('div', { className: 'warning', 'data-testid': 'deadline-warning' }, [
            d.atNight ? (currentLang() === 'nb' ? 'Fristen faller om natten.' : 'The deadline falls at night.') : '',
            d.weekend ? (currentLang() === 'nb' ? 'Fristen faller i helgen.' : 'The deadline falls on a weekend.') : '',
            d.holiday ? `${currentLang() === 'nb' ? 'Helligdag' : 'Public holiday'}: ${currentLang() === 'nb' ? d.holiday.nb : d.holiday.en}.` : '',
          ].filter(Boolean).join(' '))
        : null),
    h('h3', {}, t('milestones')),
    h('ul', {}, ...incident.clock.milestones.map((m) => h('li', {}, `${m.key} · `, timeEl(m.dueAt),
      m.alert ? ` · ${m.alert.acknowledgedAt ? `${t('acknowledged')} ` : t('alerted')}${m.alert.late ? ` (${t('late')})` : ''}` : '',
      m.alert?.acknowledgedAt ? timeEl(m.alert.acknowledgedAt) : null))));
}

async function act(result: HTMLElement, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    reroute();
  } catch (err) {
    mount(result, showError(err));
    result.scrollIntoView({ block: 'nearest' });
  }
}

function awarenessCard(incident: IncidentView, result: HTMLElement): HTMLElement | null {
  if (!can('incident:update') || incident.status === 'closed') return null;
  const at = localInput(incident.awareness?.at ?? null);
  const evidence = h('textarea', { rows: 2 });
  evidence.value = incident.awareness?.evidence ?? '';
  const reason = h('textarea', { rows: 2 });
  const correcting = !!incident.awareness;
  return h('section', { className: 'card' }, h('h2', {}, t('awareness')),
    incident.awareness ? h('p', {}, `${t('awareAt')}: `, timeEl(incident.awareness.at), ` · ${incident.awareness.declaredBy?.name ?? ''}`) : null,
    h('details', { ...(correcting ? {} : { open: true }) }, h('summary', {}, correcting ? t('correctAware') : t('declareAware')),
      h('form', { onsubmit: (ev: Event) => {
        ev.preventDefault();
        void act(result, () => api('PUT', `/incidents/${incident.id}/awareness`, { at: fromLocalInput(at), evidence: evidence.value, ...(reason.value ? { reason: reason.value } : {}) }));
      } }, field(t('awareAt'), at), field(t('evidence'), evidence), field(t('reason'), reason),
      h('button', { className: 'primary', type: 'submit' }, correcting ? t('correctAware') : t('declareAware')))));
}

function factsCard(incident: IncidentView, result: HTMLElement): HTMLElement {
  const readonly = !can('incident:update') || incident.status === 'closed';
  const text = (value: string, rows = 3) => {
    const el = h('textarea', { rows, ...(readonly ? { readonly: true } : {}) });
    el.value = value;
    return el;
  };
  const title = h('input', { maxlength: 200, required: true, ...(readonly ? { readonly: true } : {}) });
  title.value = incident.title;
  const description = text(incident.description, 4);
  const consequences = text(incident.consequences);
  const measuresTaken = text(incident.measuresTaken);
  const measuresPlanned = text(incident.measuresPlanned);
  const dataLocation = text(incident.dataLocation, 2);
  const systems = text(incident.systems.join('\n'), 2);
  const count = incident.subjects.count;
  const subjectKind = select(COUNT_KINDS.map((k) => [k, word(k)]), count?.kind ?? 'unknown');
  const subjectValue = h('input', { type: 'number', min: 0, inputmode: 'numeric' });
  subjectValue.value = count?.value == null ? '' : String(count.value);
  const categories = h('fieldset', {}, h('legend', {}, t('dataCategories')), ...DATA_CATEGORIES.map((c) => {
    const box = h('input', { type: 'checkbox', value: c, id: `cat-${c}`, ...(incident.dataCategories.includes(c as never) ? { checked: true } : {}), ...(readonly ? { disabled: true } : {}) });
    return h('label', { className: 'check', for: box.id }, box, ` ${CATEGORY_LABELS[c as keyof typeof CATEGORY_LABELS]?.[currentLang()] ?? c}`);
  }));
  const consequenceKeys = Object.keys(CONSEQUENCE_LABELS) as (keyof typeof CONSEQUENCE_LABELS)[];
  const consequenceBoxes = h('fieldset', {}, h('legend', {}, t('likelyConsequencesQuestion')), ...consequenceKeys.map((c) => {
    const box = h('input', { type: 'checkbox', value: c, id: `consequence-${c}`, ...(incident.likelyConsequences.includes(c) ? { checked: true } : {}), ...(readonly ? { disabled: true } : {}) });
    return h('label', { className: 'check', for: box.id }, box, ` ${CONSEQUENCE_LABELS[c][currentLang()]}`);
  }));
  const breachTypes = h('fieldset', {}, h('legend', {}, t('breachTypes')), ...BREACH_TYPES.map((b) => {
    const box = h('input', { type: 'checkbox', value: b, id: `breach-${b}`, ...(incident.breachTypes.includes(b) ? { checked: true } : {}), ...(readonly ? { disabled: true } : {}) });
    return h('label', { className: 'check', for: box.id }, box, ` ${word(b)}`);
  }));
  const saved = h('span', { className: 'muted', role: 'status' });
  const form = h('form', { 'data-testid': 'facts', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const kind = subjectKind.value;
    const value = subjectValue.value === '' ? null : Number(subjectValue.value);
    const checked = [...categories.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
    const types = [...breachTypes.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value as (typeof BREACH_TYPES)[number]);
    const likely = [...consequenceBoxes.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
    void act(result, () => api('PATCH', `/incidents/${incident.id}`, {
      version: incident.version, title: title.value, description: description.value, breachTypes: types, likelyConsequences: likely, consequences: consequences.value,
      measuresTaken: measuresTaken.value, measuresPlanned: measuresPlanned.value, dataLocation: dataLocation.value,
      systems: systems.value.split('\n').map((s) => s.trim()).filter(Boolean),
      dataCategories: [...new Set([...incident.dataCategories.filter((c) => !DATA_CATEGORIES.includes(c)), ...checked])],
      subjects: { ...incident.subjects, count: kind === 'exact' || kind === 'estimate' ? { kind, value } : { kind } },
    }));
  } },
  field(t('title'), title), field(t('description'), description), breachTypes, field(t('consequences'), consequences),
  field(t('measuresTaken'), measuresTaken), field(t('measuresPlanned'), measuresPlanned), field(t('dataLocation'), dataLocation), field(t('systems'), systems),
  h('div', { className: 'row' }, field(t('subjectCount'), subjectValue), field(t('countKind'), subjectKind)),
  categories, consequenceBoxes,
  readonly ? null : h('button', { className: 'primary', type: 'submit' }, t('save')), saved);
  return h('section', { className: 'card' }, h('details', {}, h('summary', {}, h('h2', { className: 'inline' }, t('facts'))), form));
}

function assessmentCard(incident: IncidentView, latest: AssessmentView | undefined, decisions: DecisionView[], result: HTMLElement): HTMLElement {
  const decided = decisions.at(-1);
  const parts: (Node | null)[] = [h('h2', {}, `${t('assess')} / ${t('decision')}`)];
  if (can('assessment:run') && incident.status !== 'closed') {
    parts.push(h('button', { className: 'secondary', onclick: () => void act(result, () => api('POST', `/incidents/${incident.id}/assessments`)) }, t('assess')));
  }
  if (latest) {
    const r = latest.recommendation;
    parts.push(h('div', { 'data-testid': 'assessment' },
      h('p', {}, h('strong', {}, `${t('risk')}: ${word(latest.risk)}`), ' · ', timeEl(latest.createdAt)),
      h('p', {}, `${t('recommendation')}: ${t('notifySA')} ${word(r.notifySA ? 'yes' : 'no')} · ${t('notifySubjects')} ${word(r.notifySubjects ? 'yes' : 'no')}${r.exemption ? ` · ${word(r.exemption)}` : ''}`),
      h('ul', {}, ...latest.reasons.map((s) => h('li', {}, sentence(s)))),
      latest.missingFacts.length
        ? h('div', { className: 'warning', 'data-testid': 'missing-facts' }, h('strong', {}, `${t('missing')}:`), h('ul', {}, ...latest.missingFacts.map((m) => h('li', {}, sentence(m.question)))))
        : null));
  }
  if (decided) {
    parts.push(h('p', { 'data-testid': 'decision' }, h('strong', {}, `${t('decision')}: `),
      `${t('notifySA')} ${word(decided.notifySA ? 'yes' : 'no')} · ${t('notifySubjects')} ${word(decided.notifySubjects ? 'yes' : 'no')}${decided.exemption ? ` · ${word(decided.exemption)}` : ''} · ${decided.decidedBy.name} `,
      timeEl(decided.decidedAt), decided.reason ? h('div', { className: 'muted' }, decided.reason) : null,
      decided.review.needed ? h('div', { className: 'warning' }, currentLang() === 'nb' ? 'Fakta er endret siden beslutningen: vurder på nytt.' : 'Facts changed since the decision: review it.') : null));
  }
  if (latest && can('incident:decide') && incident.status !== 'closed') {
    const r = latest.recommendation;
    const notifySA = h('input', { type: 'checkbox', ...(r.notifySA ? { checked: true } : {}) });
    const notifySubjects = h('input', { type: 'checkbox', ...(r.notifySubjects ? { checked: true } : {}) });
    const exemption = select([['', t('none')], ['encrypted', word('encrypted')], ['mitigated', word('mitigated')], ['disproportionate', word('disproportionate')]], r.exemption);
    const reason = h('textarea', { rows: 2 });
    parts.push(h('details', {}, h('summary', {}, t('recordDecision')), h('form', { 'data-testid': 'decision-form', onsubmit: (ev: Event) => {
      ev.preventDefault();
      void act(result, () => api('POST', `/incidents/${incident.id}/decisions`, {
        assessmentId: latest.id, notifySA: notifySA.checked, notifySubjects: notifySubjects.checked, exemption: exemption.value || null, reason: reason.value,
      }));
    } },
    h('label', { className: 'check' }, notifySA, ` ${t('notifySA')}`), h('label', { className: 'check' }, notifySubjects, ` ${t('notifySubjects')}`),
    field(t('exemption'), exemption), field(t('reason'), reason), h('button', { className: 'primary', type: 'submit' }, t('recordDecision')))));
  }
  return h('section', { className: 'card' }, ...parts);
}

function noticesCard(incident: IncidentView, notices: NoticeView[], result: HTMLElement): HTMLElement {
  const preview = h('div');
  const altinn = h('div');
  const kind = select([['authority', word('authority')], ['subject', word('subject')], ['public', word('public')]], 'authority');
  const showPreview = async (lang: 'nb' | 'en') => {
    try {
      const p = await api<{ text: string; missing: { element: string; message: string }[] }>('POST', `/incidents/${incident.id}/notices/preview`, { kind: kind.value, lang });
      mount(preview, h('div', { 'data-testid': 'notice-preview', lang },
        ...p.missing.map((m) => h('div', { className: 'warning' }, `${t('missing')}: ${m.message}`)), h('pre', {}, p.text)));
    } catch (err) { mount(preview, showError(err)); }
  };
  return h('section', { className: 'card', 'data-testid': 'notices' }, h('h2', {}, t('notices')),
    field(t('kind'), kind),
    h('button', { className: 'secondary', onclick: () => void showPreview('nb') }, `${t('preview')} (bokmål)`),
    h('button', { className: 'secondary', onclick: () => void showPreview('en') }, `${t('preview')} (English)`),
    ...(can('notice:draft') && incident.status !== 'closed' ? [h('button', { className: 'secondary', onclick: () => void act(result, () => api('POST', `/incidents/${incident.id}/notices`, { kind: kind.value, lang: currentLang() })) }, t('draft'))] : []),
    preview,
    h('table', {}, h('tbody', {}, ...notices.map((n) => h('tr', {},
      h('td', {}, `${word(n.kind)} (${n.lang})`), h('td', {}, word(n.status)), h('td', { title: n.contentHash }, n.hashVerifies ? 'SHA-256 ✓' : 'SHA-256 ✗'),
      h('td', {},
        ...(n.status === 'draft' && can('notice:approve') ? [h('button', { className: 'primary', onclick: () => void act(result, () => api('POST', `/notices/${n.id}/approve`)) }, t('approveNotice'))] : []),
        h('button', { className: 'secondary', onclick: () => void download(`/notices/${n.id}/pdf`, `notice-${n.id}.pdf`) }, 'PDF'),
        ...(n.kind === 'authority' ? [h('button', { className: 'secondary', onclick: async () => {
          const m = await api<{ sections: { section: string; fields: { field: string; answer: string }[] }[] }>('GET', `/notices/${n.id}/altinn`);
          mount(altinn, h('div', { className: 'card', 'data-testid': 'altinn' }, h('h3', {}, 'Altinn: Meld avvik'),
            ...m.sections.map((sec) => h('section', {}, h('h4', {}, sec.section), ...sec.fields.map((f) => h('div', {},
              h('div', { className: 'label' }, f.field), h('pre', {}, f.answer),
              h('button', { className: 'secondary', 'aria-label': `${t('copy')}: ${f.field}`, onclick: () => void navigator.clipboard?.writeText(f.answer) }, t('copy'))))))));
        } }, 'Altinn')] : []),
      ))))),
    altinn);
}

function submissionsCard(incident: IncidentView, submissions: SubmissionView[], result: HTMLElement): HTMLElement {
  const parts: (Node | null)[] = [h('h2', {}, t('submissions')),
    submissions.length ? h('ul', { 'data-testid': 'ledger' }, ...submissions.map((s) => h('li', {}, timeEl(s.sentAt), ` ${word(s.phase)} · ${word(s.channel)} ${s.reference}${s.late ? ` · ${t('late')}` : ''}`))) : h('p', { className: 'muted' }, '–')];
  if (can('submission:record') && incident.awareness && incident.status !== 'closed') {
    const sentAt = localInput();
    const channel = select([['altinn', 'Altinn'], ['email', word('email')], ['post', word('post')], ['phone', word('phone')]], 'altinn');
    const phase = select([['complete', word('complete')], ['initial', word('initial')], ['supplementary', word('supplementary')], ['final', word('final')]], submissions.length ? 'supplementary' : 'complete');
    const reference = h('input', { maxlength: 200 });
    const late = !!incident.deadline && Date.now() > new Date(incident.deadline).getTime();
    const delayReasons = h('textarea', { rows: 2, ...(late ? { required: true } : {}) });
    parts.push(h('details', {}, h('summary', {}, t('recordSubmission')), h('form', { 'data-testid': 'submission-form', onsubmit: (ev: Event) => {
      ev.preventDefault();
      void act(result, () => api('POST', `/incidents/${incident.id}/submissions`, {
        sentAt: fromLocalInput(sentAt), channel: channel.value, phase: phase.value, reference: reference.value, ...(delayReasons.value ? { delayReasons: delayReasons.value } : {}),
      }));
    } }, field(t('sentAt'), sentAt), field(t('channel'), channel), field(t('phase'), phase), field(t('reference'), reference), field(t('delayReasons'), delayReasons),
    h('button', { className: 'primary', type: 'submit' }, t('recordSubmission')))));
  }
  return h('section', { className: 'card' }, ...parts);
}

function stateCard(incident: IncidentView, result: HTMLElement): HTMLElement | null {
  if (!can('incident:decide')) return null;
  const reason = h('textarea', { rows: 2 });
  const notABreach = h('input', { type: 'checkbox' });
  const post = (path: string, body: Record<string, unknown>) => act(result, () => api('POST', `/incidents/${incident.id}/${path}`, body));
  const buttons: HTMLElement[] = [];
  if (incident.status === 'closed') buttons.push(h('button', { className: 'secondary', type: 'button', onclick: () => void post('reopen', { reason: reason.value }) }, t('reopen')));
  else {
    if (incident.clock.state === 'running') buttons.push(h('button', { className: 'secondary', type: 'button', onclick: () => void post('not-notifiable', { reason: reason.value }) }, t('notNotifiable')));
    if (incident.clock.state === 'stopped' && incident.clock.stopReason === 'not-notifiable') buttons.push(h('button', { className: 'secondary', type: 'button', onclick: () => void post('resume', { reason: reason.value }) }, t('resume')));
    buttons.push(h('button', { className: 'secondary', type: 'button', onclick: () => void post('close', { reason: reason.value, notABreach: notABreach.checked }) }, t('closeIncident')));
  }
  return h('section', { className: 'card' }, h('h2', {}, t('actions')), field(t('reason'), reason),
    incident.status === 'closed' ? null : h('label', { className: 'check' }, notABreach, ` ${t('notABreach')}`), ...buttons);
}

import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import { missingElements, noticeContext, outwardField, type ContactPoint, type MissingElement, type NoticeIncident, type NoticeKind, type Phase } from '../../../notifications/catalog.js';
import { say } from '../../../notifications/messages/index.js';
import type { NoticeMessage } from '../../../notifications/messages/notices.messages.js';
import type { Lang } from '../../../notifications/labels.js';
import { renderNotice, type RenderedNotice } from '../../../notifications/render.js';
import type { Clock } from '../../lib/clock.js';
import type { Emits } from '../../lib/events.js';
import type { NoticeEvents } from './notice.events.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../access/actor.js';
import type { Incident } from '../incidents/incident.model.js';
import { fieldProblem, invalidInput, refusal, refused, words } from '../../http/refusal.js';
import type { IncidentService, NoticeFiling } from '../incidents/incident.service.js';
import { notifiesAuthority } from '../obligations/obligation.rules.js';
import { defaultFollowUpAt, filingLate, followUpProblem, owesFollowUp } from '../obligations/follow-up.rules.js';
import { outwardNameWarnings, outwardProblems, type OutwardProblem } from './outward-check.js';
import { noticePdf } from './notice.pdf.js';
import type { UserService } from '../users/user.service.js';
import type { Notice } from './notice.model.js';
import type { DecisionRecord } from '../assessment/assessment.model.js';
import { altinnMapping } from './altinn.js';
import type { TemplateService } from './template.service.js';
import { isObjectId } from '../../lib/ids.js';
import { op } from '../../db/trusted.js';

export interface NoticeRequest {
  kind: NoticeKind;
  lang: Lang;
  phase: Phase;
  delayReasons?: string | undefined;
  adviceToSubjects?: string | undefined;
  followUpDueAt?: Date | undefined;
}

export interface OrganisationSettings {
  name: string;
  /** The organisation number (organisasjonsnummer) printed on filed notices. */
  number?: string;
  dpo?: ContactPoint | { name: string; email: string; phone: string };
  /** DPO_PHONE: the contact point's phone, also where the DPO is a user. */
  dpoPhone?: string;
}

/** SHA-256 over exactly what is sent: subject, HTML and text. */
export function contentHash(n: { subject: string; html: string; text: string }): string {
  return createHash('sha256').update(n.subject).update('\0').update(n.html).update('\0').update(n.text).digest('hex');
}

/** What a notice may say about an incident: the fields the notices word, and nothing else of it. */
export function noticeIncidentOf(incident: Incident): NoticeIncident {
  const { ref, title, description, outwardDescription, outwardDescriptionEn, breachTypes, cause, occurred, detected, awareness, clock, dataCategories, dataLocation, systems, subjects, records } = incident;
  return {
    ref, title, description, outwardDescription, outwardDescriptionEn, breachTypes, dataCategories, dataLocation, systems, records,
    cause: { kind: cause.kind, vector: cause.vector, description: cause.description },
    encryption: { dataEncrypted: incident.encryption.dataEncrypted, stateOfTheArt: incident.encryption.stateOfTheArt, keyCompromised: incident.encryption.keyCompromised },
    mitigations: incident.mitigations.map((m) => ({ what: m.what })),
    occurred: { from: occurred.from, to: occurred.to, approximate: occurred.approximate },
    detected: { at: detected.at },
    awareness: awareness ? { at: awareness.at } : null,
    clock: { deadline: clock.deadline },
    subjects: { groups: subjects.groups, count: subjects.count },
    consequences: incident.consequences,
    measuresTaken: incident.measuresTaken,
    measuresPlanned: incident.measuresPlanned,
    controller: {
      name: incident.controller.name,
      contact: incident.controller.contact,
      onBehalf:
        incident.role === 'processor' && incident.controller.notifyOnBehalf
          ? { instructedBy: incident.controller.instructedBy, instructedAt: incident.controller.instructedAt, reference: incident.controller.instructionReference }
          : null,
    },
  };
}

export interface NoticeServiceDeps {
  notices: Model<Notice>;
  templates: TemplateService;
  incidents: IncidentService;
  decisions: { inForce(incidentId: string): Promise<DecisionRecord | null> };
  users: UserService;
  audit: AuditService;
  events: Emits<NoticeEvents>;
  clock: Clock;
  organisation: OrganisationSettings;
}

/** Renders notices from the template in force, checks the required elements, freezes them on approval. */
export class NoticeService {
  constructor(private readonly deps: NoticeServiceDeps) {}

  /** The contact point: the configured DPO, or the first active user with the DPO role. */
  async contactPoint(): Promise<ContactPoint | null> {
    if (this.deps.organisation.dpo) return { role: 'personvernombud', ...this.deps.organisation.dpo };
    const [dpo] = await this.deps.users.withRole('dpo');
    return dpo ? { name: dpo.name, role: 'personvernombud', email: dpo.email, phone: dpo.phone || this.deps.organisation.dpoPhone || '' } : null;
  }

  private async prepare(actor: Actor, incidentId: string, request: NoticeRequest, lang: Lang) {
    const incident = await this.deps.incidents.get(actor, incidentId);
    if (request.kind === 'authority' && !notifiesAuthority(incident)) {
      throw refusal(422, 'processor_notifies_controller', { code: 'notice.processor-authority', params: {} }, lang, [{ path: 'kind', message: { code: 'notice.processor-authority', params: {} } }]);
    }
    const contact = await this.contactPoint();
    const now = this.deps.clock.now();
    const authority = request.kind === 'authority';
    const phase = authority ? request.phase : 'complete';
    const followUpWrong = authority ? followUpProblem(phase, request.followUpDueAt, now) : request.followUpDueAt ? 'field.follow-up-not-phased' : null;
    if (followUpWrong) throw invalidInput([fieldProblem('followUpDueAt', words(followUpWrong))]);
    // A later phase follows up the first filing (and is late only if that one was).
    const [first] = authority ? await this.deps.incidents.listSubmissions(actor, incidentId) : [];
    const firstFiling = first && (phase === 'supplementary' || phase === 'final') ? { sentAt: first.sentAt, reference: first.reference } : null;
    const late = authority && filingLate({ phase, sentAt: now, deadline: incident.clock.deadline, firstFiling: first ?? null });
    // Given once per incident: a later phase reuses the reasons already given.
    const delayReasons = request.delayReasons?.trim() || incident.delayReasons || first?.delayReasons || undefined;
    const followUpDueAt = authority && owesFollowUp(phase) ? (request.followUpDueAt ?? defaultFollowUpAt(now)) : null;
    const options = { phase, late, delayReasons, organisation: this.deps.organisation.name, contact, adviceToSubjects: request.adviceToSubjects, firstFiling, followUpDueAt };
    const about = noticeIncidentOf(incident);
    const missing: MissingElement[] = missingElements(request.kind, about, options, request.lang);
    if (!this.deps.organisation.name) missing.push({ element: 'contact', path: 'ORGANISATION_NAME' });
    const template = await this.deps.templates.inForce(request.kind, request.lang);
    const rendered: RenderedNotice = renderNotice(String(template._id), template, noticeContext(request.kind, request.lang, about, options, now));
    const { problems: outward, names } = await this.outwardCheck(incident, request.lang, request.adviceToSubjects ?? '', rendered.text, contact, request.kind === 'authority' ? delayReasons ?? '' : '');
    return { incident, template, rendered, missing, outward, names, delayReasons, followUpDueAt };
  }

  /**
   * What in a notice (every kind leaves the house) would disclose personal data, field by field, then in the
   * rendered text (`problems`, refused); and what in the fields looks like a person's name (`names`, confirmed by whoever approves).
   */
  private async outwardCheck(
    incident: Incident, lang: Lang, advice: string, text: string, contact: ContactPoint | null, delayReasons = '',
  ): Promise<{ problems: OutwardProblem[]; names: OutwardProblem[] }> {
    const staff = (await this.deps.users.list()).map((u) => u.name);
    const people = [incident.owner?.name, incident.createdBy?.name, incident.awareness?.declaredBy?.name].filter((n): n is string => !!n);
    // The controller's own contact is who a controller notice is addressed to.
    const addressees = [incident.controller?.name ?? '', incident.controller?.contact ?? ''];
    const base = { internalDescription: incident.description, knownNames: [...staff, ...people], allowedNames: [contact?.name ?? '', this.deps.organisation.name, ...addressees] };
    const check = {
      ...base,
      texts: [
        // The description in the notice's language is the one it carries.
        { path: outwardField(lang), text: incident[outwardField(lang)] ?? '' },
        { path: 'adviceToSubjects', text: advice },
        { path: 'delayReasons', text: delayReasons },
        { path: 'cause.vector', text: incident.cause?.vector ?? '' },
        { path: 'cause.description', text: incident.cause?.description ?? '' },
        { path: 'dataLocation', text: incident.dataLocation ?? '' },
        { path: 'consequences', text: incident.consequences },
        { path: 'measuresTaken', text: incident.measuresTaken },
        { path: 'measuresPlanned', text: incident.measuresPlanned },
        { path: 'mitigations', text: (incident.mitigations ?? []).map((m) => m.what).join('\n') },
      ],
    };
    const fields = outwardProblems(check);
    const problems = fields.length ? fields : outwardProblems({ ...base, texts: [{ path: 'notice', text }] });
    return { problems, names: outwardNameWarnings(check, problems) };
  }

  private wordMissing(missing: MissingElement[], lang: Lang) {
    return missing.map((m) => ({ element: m.element, path: m.path, message: say({ code: 'notice.missing', params: { path: m.path } }, lang) }));
  }

  private refuseOutward(problems: OutwardProblem[], lang: Lang): never {
    throw refusal(422, 'outward_personal_data', { code: 'notice.outward-refused', params: {} }, lang, problems);
  }

  /** A preview for the screen: the rendering, what is missing, and what may not leave the house, without storing anything. */
  async preview(actor: Actor, incidentId: string, request: NoticeRequest, lang: Lang = 'nb') {
    const { template, rendered, missing, outward, names } = await this.prepare(actor, incidentId, request, lang);
    const worded = (list: OutwardProblem[]) => list.map((p) => ({ path: p.path, message: say(p.message, lang) }));
    return { ...rendered, templateVersion: template.version, missing: this.wordMissing(missing, lang), outward: worded(outward), names: worded(names) };
  }

  /** Renders a draft notice; a notice that lacks a required element, or would disclose personal data, is refused with each one named. */
  async draft(ctx: AuditContext, actor: Actor, incidentId: string, request: NoticeRequest, lang: Lang = 'nb'): Promise<Notice> {
    const { incident, template, rendered, missing, outward, delayReasons, followUpDueAt } = await this.prepare(actor, incidentId, request, lang);
    if (missing.length) {
      throw new AppError(422, 'missing_elements', say({ code: 'notice.lacks', params: { count: missing.length } }, lang), this.wordMissing(missing, lang).map((m) => ({ path: m.path, message: m.message })));
    }
    if (outward.length) this.refuseOutward(outward, lang);
    if (request.kind === 'authority' && request.delayReasons?.trim()) await this.deps.incidents.rememberDelayReasons(incidentId, request.delayReasons);
    const created = await this.deps.notices.create({
      incidentId, kind: request.kind, lang: request.lang, phase: request.phase, templateVersionId: String(template._id), templateVersion: template.version,
      status: 'draft', ...rendered, delayReasons: request.kind === 'authority' ? delayReasons ?? '' : '', adviceToSubjects: request.adviceToSubjects ?? '',
      followUpDueAt, facts: snapshot(incident), contentHash: contentHash(rendered), createdBy: { id: actor.id, name: actor.name }, createdAt: this.deps.clock.now(),
      approvedBy: null, approvedAt: null, sent: null,
    });
    const notice = created.toObject() as Notice;
    await this.deps.audit.record(ctx, { action: 'notice.drafted', target: { type: 'notice', id: String(notice._id) }, after: { incidentId, kind: request.kind, lang: request.lang, templateVersion: template.version } });
    await this.deps.events.emit('notice.drafted', { notice, by: notice.createdBy });
    return notice;
  }

  /** An approved authority notice as the answers to Altinn's form, with what the case has done or decided since about telling the people. */
  async altinn(actor: Actor, id: string, lang: Lang = 'nb') {
    const notice = await this.get(actor, id);
    // What is entered in Altinn is what was approved: never a draft, never another kind of notice.
    if (notice.kind !== 'authority' || notice.status === 'draft') throw refusal(422, 'not_approved', { code: 'notice.altinn-approved-only', params: {} }, lang);
    const contact = (await this.contactPoint()) ?? { name: '', email: '', phone: '' };
    const told = (await this.list(actor, notice.incidentId)).find((n) => (n.kind === 'subject' || n.kind === 'public') && n.sent);
    const [first] = await this.deps.incidents.listSubmissions(actor, notice.incidentId);
    const decision = await this.deps.decisions.inForce(notice.incidentId);
    return altinnMapping({ notice, contact, told: told?.sent ? { ...told.sent, kind: told.kind } : null, decision, first: first ?? null });
  }

  /** The notice as a PDF for the record, with the organisation's name and number. */
  pdf(notice: Notice): Promise<Buffer> {
    return noticePdf(notice, { organisation: { name: this.deps.organisation.name, number: this.deps.organisation.number } });
  }

  /** The PDF's file name in the reader's language: the incident's ref and which notice it is. */
  async pdfFileName(actor: Actor, notice: Notice, lang: Lang): Promise<string> {
    const incident = await this.deps.incidents.get(actor, notice.incidentId);
    return say({ code: 'pdf.file-name', params: { ref: incident.ref, kind: notice.kind } }, lang);
  }

  /** The notice if the actor may see its incident; one and the same 404 for an unknown id and an unseen one. */
  async get(actor: Actor, id: string): Promise<Notice> {
    if (!isObjectId(id)) throw notFound('Notice');
    const notice = await this.deps.notices.findById(id).lean<Notice>();
    if (!notice || !(await this.deps.incidents.canSee(actor, notice.incidentId))) throw notFound('Notice');
    return notice;
  }

  /**
   * A filing names the approved authority notice it sent: the notice is claimed as sent (the status in
   * the write's filter, so one filing wins), or the reason it cannot be cited is returned.
   */
  async claimForFiling(incidentId: string, noticeId: string, filing: NoticeFiling): Promise<{ problem: NoticeMessage } | { text: string; followUpDueAt: Date | null }> {
    const notice = isObjectId(noticeId) ? await this.deps.notices.findById(noticeId).lean<Notice>() : null;
    if (!notice || notice.incidentId !== incidentId || notice.kind !== 'authority') return { problem: { code: 'submission.notice.not-authority', params: {} } };
    if (notice.status === 'sent') return { problem: { code: 'submission.notice.already-sent', params: {} } };
    if (notice.status !== 'approved' || contentHash(notice) !== notice.contentHash) return { problem: { code: 'submission.notice.not-approved', params: {} } };
    const sent = { at: filing.at, channel: filing.channel, reference: filing.reference, audience: 'Datatilsynet', recordedBy: filing.recordedBy };
    const res = await this.deps.notices.updateOne({ _id: notice._id, status: 'approved' }, { $set: { status: 'sent', sent } });
    if (res.matchedCount === 0) return { problem: { code: 'submission.notice.already-sent', params: {} } };
    return { text: notice.text, followUpDueAt: notice.followUpDueAt ?? null };
  }

  /** Undoes a claim whose filing was refused after all. */
  async releaseFiling(noticeId: string): Promise<void> {
    await this.deps.notices.updateOne({ _id: noticeId, status: 'sent' }, { $set: { status: 'approved', sent: null } });
  }

  /** The incident of each of these notices, by notice id. */
  async incidentIdsOf(noticeIds: string[]): Promise<Map<string, string>> {
    const valid = noticeIds.filter(isObjectId);
    const found = valid.length ? await this.deps.notices.find({ _id: op({ $in: valid }) }, { incidentId: 1 }).lean<Pick<Notice, '_id' | 'incidentId'>[]>() : [];
    return new Map(found.map((n) => [String(n._id), n.incidentId]));
  }

  async list(actor: Actor, incidentId: string): Promise<Notice[]> {
    const [, notices] = await Promise.all([this.deps.incidents.assertVisible(actor, incidentId), this.noticesOfVisible(incidentId)]);
    return notices;
  }

  /** The notices of an incident the caller has found the actor may see (`get`, `assertVisible`), oldest first. */
  async noticesOfVisible(incidentId: string): Promise<Notice[]> {
    return this.deps.notices.find({ incidentId }).sort({ createdAt: 1, _id: 1 }).lean<Notice[]>();
  }

  /**
   * A manager or the DPO approves a draft: from then on it is frozen, and its hash proves what was approved.
   * What looks like a person's name in it is approved only once they say they checked it (`namesChecked`).
   */
  async approve(ctx: AuditContext, actor: Actor, id: string, lang: Lang = 'nb', options: { namesChecked?: boolean } = {}): Promise<Notice> {
    const notice = await this.get(actor, id);
    if (notice.status !== 'draft') throw refusal(422, 'not_draft', { code: 'notice.not-draft', params: {} }, lang);
    if (contentHash(notice) !== notice.contentHash) throw refused(409, 'content_changed', words('refused.draft-changed'));
    // A notice rests on the decision in force: one whose facts changed since is reviewed first.
    if ((await this.deps.decisions.inForce(notice.incidentId))?.review.needed) throw refused(409, 'decision_stale', words('refused.decision-stale'));
    // Checked again on what would be approved: the facts as rendered and the rendered text itself.
    const { problems, names } = await this.outwardCheck(notice.facts as unknown as Incident, notice.lang, notice.adviceToSubjects, notice.text, await this.contactPoint(), notice.delayReasons);
    if (problems.length) this.refuseOutward(problems, lang);
    if (names.length && !options.namesChecked) throw refusal(422, 'names_unchecked', { code: 'notice.names-unchecked', params: {} }, lang, names);
    const res = await this.deps.notices.updateOne(
      { _id: notice._id, status: 'draft', contentHash: notice.contentHash },
      { $set: { status: 'approved', approvedBy: { id: actor.id, name: actor.name }, approvedAt: this.deps.clock.now() } },
    );
    if (res.matchedCount === 0) throw refused(409, 'conflict', words('refused.notice-approved'));
    await this.deps.audit.record(ctx, { action: 'notice.approved', target: { type: 'notice', id }, after: { contentHash: notice.contentHash, namesChecked: names.map((n) => n.message.params) } });
    const approved = await this.get(actor, id);
    await this.deps.events.emit('notice.approved', { notice: approved, by: { id: actor.id, name: actor.name } });
    await this.deps.incidents.refreshObligations(notice.incidentId);
    return approved;
  }

  /**
   * Records that an approved notice went out. What is sent must equal what was approved (the hash is
   * checked); an authority notice becomes a submission in the clock's ledger, a controller notice
   * stops the processor's clock, and a subject or public notice records how and when people were told.
   */
  async markSent(ctx: AuditContext, actor: Actor, id: string, input: { sentAt: Date; channel: string; reference: string; audience: string }, lang: Lang = 'nb'): Promise<Notice> {
    const notice = await this.get(actor, id);
    if (notice.status !== 'approved') throw refusal(422, 'not_approved', { code: 'notice.not-approved', params: {} }, lang);
    if (contentHash(notice) !== notice.contentHash) throw refused(409, 'content_changed', words('refused.notice-differs'));
    const channel = (['altinn', 'email', 'post', 'phone'] as const).find((c) => c === input.channel);
    if (notice.kind === 'authority' && !channel) {
      throw refused(422, 'invalid_channel', undefined, [fieldProblem('channel', words('field.channel'))]);
    }
    // Claimed first, with the status in the filter: of several requests one records the sending, the others get 409.
    const sent = { at: input.sentAt, channel: input.channel, reference: input.reference, audience: input.audience, recordedBy: { id: actor.id, name: actor.name } };
    const claimed = await this.deps.notices.updateOne({ _id: notice._id, status: 'approved' }, { $set: { status: 'sent', sent } });
    if (claimed.matchedCount === 0) throw refused(409, 'conflict', words('refused.notice-recorded-sent'));
    try {
      if (notice.kind === 'authority') {
        await this.deps.incidents.recordSubmission(ctx, actor, notice.incidentId, {
          sentAt: input.sentAt, channel: channel!, reference: input.reference, phase: notice.phase, noticeText: notice.text, noticeId: id,
          ...(notice.delayReasons ? { delayReasons: notice.delayReasons } : {}),
          // The follow-up is due when the notice says; one filed after that date owes it a week on, as one that said nothing.
          ...(notice.followUpDueAt && notice.followUpDueAt > input.sentAt ? { followUpDueAt: notice.followUpDueAt } : {}),
        }, { citedNoticeClaimed: true, lang });
      } else if (notice.kind === 'controller') {
        await this.deps.incidents.recordControllerInformed(ctx, actor, notice.incidentId, { at: input.sentAt, channel: input.channel, note: input.reference });
      } else {
        // The people (or the public) were told: what the incident owes changes.
        await this.deps.incidents.recordPeopleTold(ctx, actor, notice.incidentId, { kind: notice.kind, at: input.sentAt, channel: input.channel, audience: input.audience });
      }
    } catch (err) {
      // The ledger refused it, so the notice was not sent after all.
      await this.deps.notices.updateOne({ _id: notice._id, status: 'sent' }, { $set: { status: 'approved', sent: null } });
      throw err;
    }
    await this.deps.audit.record(ctx, { action: 'notice.sent', target: { type: 'notice', id }, after: { channel: input.channel, reference: input.reference, audience: input.audience, contentHash: notice.contentHash } });
    return this.get(actor, id);
  }
}

function snapshot(incident: Incident): Record<string, unknown> {
  return JSON.parse(JSON.stringify(incident)) as Record<string, unknown>;
}

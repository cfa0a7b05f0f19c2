import { createTwoFilesPatch } from 'diff';
import type { Model } from 'mongoose';
import { noticeContext, type NoticeKind } from '../../../notifications/catalog.js';
import type { Lang } from '../../../notifications/labels.js';
import { say } from '../../../notifications/messages/index.js';
import { defaultTemplates, forbiddenConstruct, renderNotice, tryRender, type LocatedFault, type RenderedNotice } from '../../../notifications/render.js';
import { sampleAdvice, sampleContact, sampleIncident } from '../../../notifications/sample.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { fieldProblem, invalidInput, refused, words } from '../../http/refusal.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../access/actor.js';
import type { TemplateVersion } from './notice.model.js';
import { isObjectId } from '../../lib/ids.js';

export interface TemplateDraft {
  kind: NoticeKind;
  lang: Lang;
  subject: string;
  html: string;
  text: string;
  note: string;
}

const SEED_AUTHOR = { id: 'system', name: 'Breach Clock (default template)' };

const sampleContext = (kind: NoticeKind, lang: Lang) =>
  noticeContext(kind, lang, sampleIncident(), { phase: 'complete', late: false, organisation: 'Eksempel AS', contact: sampleContact, adviceToSubjects: sampleAdvice }, new Date('2026-03-03T09:00:00Z'));

/** Renders a template source against the sample incident in strict mode; the error, if any. */
export function sampleRenderError(kind: NoticeKind, lang: Lang, source: { subject: string; html: string; text: string }): LocatedFault | undefined {
  return tryRender(source, sampleContext(kind, lang));
}

export interface TemplateServiceDeps {
  templates: Model<TemplateVersion>;
  audit: AuditService;
  clock: Clock;
}

/** Versioned notice templates: drafted by analysts, managers or the DPO, approved by a manager other than the author. */
export class TemplateService {
  constructor(private readonly deps: TemplateServiceDeps) {}

  /**
   * Seeds version 1 of every kind and language from notifications/templates when none exists. Where the
   * version in force is still a shipped default and the shipped text has changed since, the new text
   * becomes the next version; a version someone drafted, approved or is reviewing is never replaced.
   */
  async seed(): Promise<void> {
    for (const { kind, lang, source } of defaultTemplates()) {
      const latest = await this.deps.templates.findOne({ kind, lang }).sort({ version: -1 }).lean<TemplateVersion>();
      if (latest && (latest.author.id !== SEED_AUTHOR.id || latest.status !== 'approved')) continue;
      if (latest && latest.subject === source.subject && latest.html === source.html && latest.text === source.text) continue;
      const now = this.deps.clock.now();
      await this.deps.templates
        .create({
          kind, lang, version: (latest?.version ?? 0) + 1, status: 'approved', ...source, note: latest ? 'Default template, updated' : 'Default template',
          author: SEED_AUTHOR, createdAt: now, submittedAt: now, review: { by: SEED_AUTHOR, at: now, comment: 'Shipped with Breach Clock' },
        })
        .catch((err: { code?: number }) => {
          if (err.code !== 11000) throw err; // another instance seeded it first
        });
    }
  }

  async draft(ctx: AuditContext, actor: Actor, input: TemplateDraft): Promise<TemplateVersion> {
    const problems = (['subject', 'html', 'text'] as const).flatMap((part) => {
      const problem = forbiddenConstruct(input[part]);
      return problem ? [fieldProblem(part, problem)] : [];
    });
    if (problems.length) throw invalidInput(problems);
    for (let attempt = 0; attempt < 5; attempt++) {
      const last = await this.deps.templates.findOne({ kind: input.kind, lang: input.lang }).sort({ version: -1 }).lean<TemplateVersion>();
      try {
        const created = await this.deps.templates.create({
          ...input, version: (last?.version ?? 0) + 1, status: 'draft', author: { id: actor.id, name: actor.name }, createdAt: this.deps.clock.now(), submittedAt: null, review: null,
        });
        const version = created.toObject() as TemplateVersion;
        await this.deps.audit.record(ctx, { action: 'template.drafted', target: { type: 'template', id: String(version._id) }, after: { kind: input.kind, lang: input.lang, version: version.version } });
        return version;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    throw refused(409, 'conflict', words('refused.version-number-taken'));
  }

  /** A draft goes for approval only if it renders in strict mode against the sample incident. */
  async submit(ctx: AuditContext, actor: Actor, id: string): Promise<TemplateVersion> {
    const version = await this.get(id);
    if (version.status !== 'draft') throw refused(422, 'not_draft');
    if (sampleRenderError(version.kind, version.lang, version)) {
      // Each part rendered alone, so that every part that breaks is named, not only the first.
      const empty = { subject: '', html: '', text: '' };
      const problems = (['subject', 'text', 'html'] as const).flatMap((part) => {
        const located = sampleRenderError(version.kind, version.lang, { ...empty, [part]: version[part] });
        return located ? [fieldProblem(located.part, words('field.template-fault', located.fault))] : [];
      });
      throw refused(422, 'template_does_not_render', undefined, problems);
    }
    const res = await this.deps.templates.updateOne({ _id: version._id, status: 'draft' }, { $set: { status: 'submitted', submittedAt: this.deps.clock.now() } });
    if (res.matchedCount === 0) throw refused(409, 'conflict', words('refused.draft-submitted'));
    await this.deps.audit.record(ctx, { action: 'template.submitted', target: { type: 'template', id }, after: { version: version.version } });
    return this.get(id);
  }

  /** A manager other than the author approves or rejects a submitted version, with a comment. */
  async review(ctx: AuditContext, actor: Actor, id: string, decision: 'approved' | 'rejected', comment: string): Promise<TemplateVersion> {
    const version = await this.get(id);
    if (version.status !== 'submitted') throw refused(422, 'not_submitted');
    if (version.author.id === actor.id) throw refused(403, 'own_draft');
    // The status in the filter makes the review happen once: a second manager's approve or reject finds nothing to change.
    const res = await this.deps.templates.updateOne(
      { _id: version._id, status: 'submitted' },
      { $set: { status: decision, review: { by: { id: actor.id, name: actor.name }, at: this.deps.clock.now(), comment } } },
    );
    if (res.matchedCount === 0) throw refused(409, 'conflict', words('refused.version-reviewed'));
    await this.deps.audit.record(ctx, { action: `template.${decision}`, target: { type: 'template', id }, after: { version: version.version, comment } });
    return this.get(id);
  }

  /** The version in force: the latest approved one of the kind and language. */
  async inForce(kind: NoticeKind, lang: Lang): Promise<TemplateVersion> {
    const version = await this.deps.templates.findOne({ kind, lang, status: 'approved' }).sort({ version: -1 }).lean<TemplateVersion>();
    if (!version) throw refused(422, 'no_template', words('refused.no-template'));
    return version;
  }

  async get(id: string): Promise<TemplateVersion> {
    if (!isObjectId(id)) throw notFound('Template version');
    const version = await this.deps.templates.findById(id).lean<TemplateVersion>();
    if (!version) throw notFound('Template version');
    return version;
  }

  async list(kind?: NoticeKind, lang?: Lang): Promise<TemplateVersion[]> {
    const filter: Record<string, unknown> = {};
    if (kind) filter.kind = kind;
    if (lang) filter.lang = lang;
    return this.deps.templates.find(filter).sort({ kind: 1, lang: 1, version: -1 }).lean<TemplateVersion[]>();
  }

  /** A stored version rendered against the sample incident, or why it does not render: the part, the line and the fault, in the reader's language. */
  async preview(id: string, lang: Lang): Promise<{ rendered: RenderedNotice | null; error: string | null }> {
    const version = await this.get(id);
    const located = sampleRenderError(version.kind, version.lang, version);
    if (located) return { rendered: null, error: `${say(words('field.template-in', { part: located.part }), lang)}, ${say(words('field.template-fault', located.fault), lang)}` };
    return { rendered: renderNotice(String(version._id), version, sampleContext(version.kind, version.lang)), error: null };
  }

  /** A unified diff of two versions, part by part. */
  async diff(fromId: string, toId: string): Promise<{ subject: string; html: string; text: string }> {
    const [a, b] = [await this.get(fromId), await this.get(toId)];
    const name = (v: TemplateVersion) => `${v.kind}.${v.lang} v${v.version}`;
    return {
      subject: createTwoFilesPatch(name(a), name(b), `${a.subject}\n`, `${b.subject}\n`),
      html: createTwoFilesPatch(name(a), name(b), a.html, b.html),
      text: createTwoFilesPatch(name(a), name(b), a.text, b.text),
    };
  }
}

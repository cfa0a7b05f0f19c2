import type { Notice, TemplateVersion } from './notice.model.js';
import { contentHash } from './notice.service.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentTemplate(t: TemplateVersion) {
  return {
    id: String(t._id), kind: t.kind, lang: t.lang, version: t.version, status: t.status, subject: t.subject, html: t.html, text: t.text, note: t.note,
    author: t.author, createdAt: iso(t.createdAt), submittedAt: iso(t.submittedAt), review: t.review ? { ...t.review, at: iso(t.review.at) } : null,
  };
}

export type TemplateView = ReturnType<typeof presentTemplate>;

/** A notice as it leaves the server, with whether its frozen text still matches its hash. */
export function presentNotice(n: Notice) {
  return {
    id: String(n._id), incidentId: n.incidentId, kind: n.kind, lang: n.lang, phase: n.phase, status: n.status,
    templateVersionId: n.templateVersionId, templateVersion: n.templateVersion, subject: n.subject, html: n.html, text: n.text,
    delayReasons: n.delayReasons, adviceToSubjects: n.adviceToSubjects, followUpDueAt: iso(n.followUpDueAt), contentHash: n.contentHash, hashVerifies: contentHash(n) === n.contentHash,
    createdBy: n.createdBy, createdAt: iso(n.createdAt), approvedBy: n.approvedBy, approvedAt: iso(n.approvedAt),
    sent: n.sent ? { ...n.sent, at: iso(n.sent.at) } : null,
  };
}

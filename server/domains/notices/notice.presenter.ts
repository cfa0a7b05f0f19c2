import type { TemplateVersion } from './notice.model.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function presentTemplate(t: TemplateVersion) {
  return {
    id: String(t._id), kind: t.kind, lang: t.lang, version: t.version, status: t.status, subject: t.subject, html: t.html, text: t.text, note: t.note,
    author: t.author, createdAt: iso(t.createdAt), submittedAt: iso(t.submittedAt), review: t.review ? { ...t.review, at: iso(t.review.at) } : null,
  };
}

export type TemplateView = ReturnType<typeof presentTemplate>;

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { LANGS, NOTICE_KINDS, type NoticeContext, type NoticeKind } from './catalog.js';
import type { Lang } from './labels.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A private Handlebars instance: strict (a missing value is an error, not an empty string), no prototype access. */
const hbs = Handlebars.create();
for (const file of readdirSync(join(here, 'partials'))) {
  const name = file.replace(/\.hbs$/, '');
  hbs.registerPartial(name, readFileSync(join(here, 'partials', file), 'utf8'));
}
// Paragraphs from free text: escaped first, then blank lines become paragraph breaks.
hbs.registerHelper('paragraphs', (text: unknown) => {
  const escaped = Handlebars.escapeExpression(String(text ?? ''));
  return new Handlebars.SafeString(escaped.split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('\n'));
});

export interface TemplateSource {
  subject: string;
  html: string;
  text: string;
}

export interface RenderedNotice {
  subject: string;
  html: string;
  text: string;
}

const compiled = new Map<string, { subject: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }>();

/**
 * Compiles a stored template version (cached by its key) and renders it. HTML is escaped; plain text
 * is not HTML-escaped, but values are only ever inserted, never compiled, so input cannot act as template.
 */
export function renderNotice(cacheKey: string, source: TemplateSource, context: NoticeContext): RenderedNotice {
  let t = compiled.get(cacheKey);
  if (!t) {
    const opts = { strict: true, knownHelpersOnly: false };
    t = {
      subject: hbs.compile(source.subject, { ...opts, noEscape: true }),
      html: hbs.compile(source.html, opts),
      text: hbs.compile(source.text, { ...opts, noEscape: true }),
    };
    compiled.set(cacheKey, t);
  }
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
  return {
    subject: t.subject(context, runtime).replace(/\s+/g, ' ').trim(),
    html: t.html(context, runtime),
    text: t.text(context, runtime).replace(/\n{3,}/g, '\n\n').trim() + '\n',
  };
}

/** Checks that a template compiles and renders in strict mode against a context; returns the error message if not. */
export function tryRender(source: TemplateSource, context: NoticeContext): string | undefined {
  try {
    renderNotice(`probe:${Math.random()}`, source, context);
    return undefined;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  } finally {
    for (const key of compiled.keys()) if (key.startsWith('probe:')) compiled.delete(key);
  }
}

/** The default templates shipped in notifications/templates, by kind and language. */
export function defaultTemplates(): { kind: NoticeKind; lang: Lang; source: TemplateSource }[] {
  const out: { kind: NoticeKind; lang: Lang; source: TemplateSource }[] = [];
  for (const kind of NOTICE_KINDS) {
    for (const lang of LANGS) {
      const read = (ext: string) => readFileSync(join(here, 'templates', kind, `${lang}.${ext}`), 'utf8');
      out.push({ kind, lang, source: { subject: read('subject.hbs').trim(), html: read('html.hbs'), text: read('text.hbs') } });
    }
  }
  return out;
}

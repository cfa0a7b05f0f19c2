import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { LANGS, NOTICE_KINDS, type NoticeContext, type NoticeKind } from './catalog.js';
import type { Lang, MessageOf } from './messages/catalogue.js';
import type { ProblemMessageParams } from './messages/error.messages.js';

type TemplateProblem = MessageOf<ProblemMessageParams>;

const here = dirname(fileURLToPath(import.meta.url));

/** A private Handlebars instance: strict (a missing value is an error, not an empty string), no prototype access. */
const hbs = Handlebars.create();
for (const file of readdirSync(join(here, 'partials'))) {
  const name = file.replace(/\.hbs$/, '');
  hbs.registerPartial(name, readFileSync(join(here, 'partials', file), 'utf8'));
}
// `log` writes to the server's console: nothing a template author may reach.
hbs.unregisterHelper('log');

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
  return renderTemplate(cacheKey, source, context);
}

/** Renders any of the catalogue's Handlebars templates (notices, alert e-mails) with its own context. */
export function renderTemplate(cacheKey: string, source: TemplateSource, context: object): RenderedNotice {
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

/** Helpers Handlebars has built in that a template may not call: they reach the server, not the template's data. */
const FORBIDDEN_HELPERS = new Set(['log', 'helperMissing', 'blockHelperMissing']);

interface HbsNode {
  type: string;
  path?: { type: string; original?: unknown };
  [key: string]: unknown;
}

/** Why a template source may not be stored (a forbidden helper or a decorator), or undefined; syntax errors are left to rendering. */
export function forbiddenConstruct(source: string): TemplateProblem | undefined {
  let program: unknown;
  try {
    program = Handlebars.parse(source);
  } catch {
    return undefined;
  }
  const visit = (node: unknown): TemplateProblem | undefined => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = visit(item);
        if (found) return found;
      }
      return undefined;
    }
    if (!node || typeof node !== 'object') return undefined;
    const n = node as HbsNode;
    if (typeof n.type === 'string' && n.type.startsWith('Decorator')) return { code: 'field.template-decorator', params: {} };
    const head = n.path?.type === 'PathExpression' ? n.path.original : undefined;
    if (typeof head === 'string' && FORBIDDEN_HELPERS.has(head)) return { code: 'field.template-helper', params: { helper: head } };
    if (n.type === 'PathExpression' && typeof n.original === 'string' && FORBIDDEN_HELPERS.has(n.original)) return { code: 'field.template-helper', params: { helper: n.original } };
    for (const [key, value] of Object.entries(n)) {
      if (key === 'loc' || key === 'type') continue;
      const found = visit(value);
      if (found) return found;
    }
    return undefined;
  };
  return visit(program);
}

/**
 * Checks that a template compiles and renders in strict mode against a context; returns why not. Only
 * Handlebars' own messages (about the template) are returned; any other exception is an error inside
 * the engine or a helper, and its message stays in the server.
 */
export function tryRender(source: TemplateSource, context: NoticeContext): string | undefined {
  try {
    renderNotice(`probe:${Math.random()}`, source, context);
    return undefined;
  } catch (err) {
    if (err instanceof Handlebars.Exception) return (err as Error).message.split('\n')[0];
    return 'an expression in the template cannot be evaluated (check its paths and helpers)';
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

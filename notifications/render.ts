import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { LANGS, NOTICE_KINDS, type NoticeContext, type NoticeKind } from './catalog.js';
import type { Lang, MessageOf } from './messages/catalogue.js';
import type { ProblemMessageParams, TemplateFault } from './messages/error.messages.js';

type TemplateProblem = MessageOf<ProblemMessageParams>;

const here = dirname(fileURLToPath(import.meta.url));

/** A private Handlebars instance: strict (a missing value is an error, not an empty string), no prototype access. */
const hbs = Handlebars.create();
const partials = readdirSync(join(here, 'partials')).map((file) => ({ name: file.replace(/\.hbs$/, ''), source: readFileSync(join(here, 'partials', file), 'utf8') }));
for (const { name, source } of partials) hbs.registerPartial(name, source);

/**
 * The CSP hashes of the style sheets the notice layout carries, for the dashboard's policy: a notice shown
 * in a sandboxed frame on a screen inherits that policy, which allows these exact sheets and no other style.
 */
export function noticeStyleHashes(): string[] {
  return partials.flatMap(({ source }) =>
    [...source.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`),
  );
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

/** Which part of a template a fault is in, and what Handlebars found there. */
export interface LocatedFault {
  part: keyof TemplateSource;
  fault: TemplateFault;
}

/**
 * Handlebars' own messages about the template (in English; its parser throws plain errors) read as data: only
 * the shapes below are read, so nothing else an exception says leaves the server.
 */
function faultOf(err: unknown): TemplateFault {
  const fault = (kind: TemplateFault['kind'], name = '', other = '', line: number | null = null): TemplateFault => ({ kind, name, other, line });
  if (!(err instanceof Error)) return fault('other');
  const message = err.message;
  const at = (err as { lineNumber?: number }).lineNumber ?? null;
  let m = /^Parse error on line (\d+)/.exec(message);
  if (m) return fault('syntax', '', '', Number(m[1]));
  m = /^(\S+) doesn't match (\S+)/.exec(message);
  if (m) return fault('mismatch', m[1], m[2], at);
  m = /^"([^"]+)" not defined/.exec(message);
  if (m) return fault('unknown-name', m[1], '', at);
  m = /^The partial (\S+) could not be found/.exec(message);
  if (m) return fault('unknown-partial', m[1], '', at);
  return fault('other', '', '', at);
}

/**
 * Checks that a template compiles and renders in strict mode against a context, part by part; returns
 * where it does not and why, as data the catalogue words (the part, the line, the name concerned).
 */
export function tryRender(source: TemplateSource, context: NoticeContext): LocatedFault | undefined {
  for (const part of ['subject', 'html', 'text'] as const) {
    const probe = { subject: '', html: '', text: '', [part]: source[part] };
    const key = `probe:${Math.random()}`;
    try {
      renderNotice(key, probe, context);
    } catch (err) {
      return { part, fault: faultOf(err) };
    } finally {
      compiled.delete(key);
    }
  }
  return undefined;
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

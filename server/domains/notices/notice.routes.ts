import { can, route, type AnyRoute } from '../../http/route.js';
import type { Actor } from '../access/actor.js';
import { auditContext } from '../audit/audit.context.js';
import { langOf } from '../../http/lang.js';
import { IdParams } from '../incidents/incident.schemas.js';
import { presentNotice, presentTemplate } from './notice.presenter.js';
import { ApproveNotice, DiffQuery, MarkSent, NoticeIdParams, NoticeRequest, ReviewBody, TemplateDraftBody, TemplateQuery } from './notice.schemas.js';
import type { NoticeService } from './notice.service.js';
import type { TemplateService } from './template.service.js';

const ASCII_OF: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', Æ: 'AE', Ø: 'O', Å: 'A' };

/** An attachment's header: an ASCII name for every client, and the exact UTF-8 name (RFC 6266) for those that read it. */
export function attachment(fileName: string): string {
  const ascii = fileName
    .replace(/[æøåÆØÅ]/g, (c) => ASCII_OF[c] ?? c)
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function noticeRoutes(notices: NoticeService, templates: TemplateService): AnyRoute[] {
  return [
    route<Actor, typeof NoticeRequest, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/notices/preview', summary: 'Render a notice for the screen, with the missing elements listed', tag: 'notices',
      access: can('incident:read'), params: IdParams, body: NoticeRequest,
      handle: async ({ params, body, actor, req }) => notices.preview(actor, params.id, body, langOf(req)),
    }),
    route<Actor, typeof NoticeRequest, undefined, typeof IdParams>({
      method: 'post', path: '/incidents/:id/notices', summary: 'Draft a notice from the approved template (422 naming each missing element)', tag: 'notices',
      access: can('notice:draft'), params: IdParams, body: NoticeRequest, status: 201,
      handle: async ({ params, body, actor, req }) => presentNotice(await notices.draft(auditContext(req, actor), actor, params.id, body, langOf(req))),
    }),
    route<Actor, undefined, undefined, typeof IdParams>({
      method: 'get', path: '/incidents/:id/notices', summary: "The incident's notices", tag: 'notices', access: can('incident:read'), params: IdParams,
      handle: async ({ params, actor }) => (await notices.list(actor, params.id)).map(presentNotice),
    }),
    route<Actor, undefined, undefined, typeof NoticeIdParams>({
      method: 'get', path: '/notices/:id', summary: 'One notice, with whether its hash verifies', tag: 'notices', access: can('incident:read'), params: NoticeIdParams,
      handle: async ({ params, actor }) => presentNotice(await notices.get(actor, params.id)),
    }),
    route<Actor, typeof ApproveNotice, undefined, typeof NoticeIdParams>({
      method: 'post', path: '/notices/:id/approve', summary: 'Approve a draft notice: it is frozen with its SHA-256', tag: 'notices',
      access: can('notice:approve'), params: NoticeIdParams, body: ApproveNotice,
      handle: async ({ params, body, actor, req }) => presentNotice(await notices.approve(auditContext(req, actor), actor, params.id, langOf(req), { namesChecked: body.namesChecked })),
    }),
    route<Actor, typeof MarkSent, undefined, typeof NoticeIdParams>({
      method: 'post', path: '/notices/:id/sent', summary: 'Record that the approved notice was sent or filed', tag: 'notices',
      access: can('submission:record'), params: NoticeIdParams, body: MarkSent,
      handle: async ({ params, body, actor, req }) => presentNotice(await notices.markSent(auditContext(req, actor), actor, params.id, body, langOf(req))),
    }),
    route<Actor, undefined, undefined, typeof NoticeIdParams>({
      method: 'get', path: '/notices/:id/altinn', summary: "The authority notice mapped onto Datatilsynet's Altinn form, field by field", tag: 'notices',
      access: can('incident:read'), params: NoticeIdParams,
      handle: async ({ params, actor, req }) => ({ noticeId: params.id, sections: await notices.altinn(actor, params.id, langOf(req)) }),
    }),
    route<Actor, undefined, undefined, typeof NoticeIdParams>({
      method: 'get', path: '/notices/:id/pdf', summary: 'The notice as a PDF for the record', tag: 'notices', access: can('incident:read'), params: NoticeIdParams, raw: true,
      handle: async ({ params, actor, req, res }) => {
        const notice = await notices.get(actor, params.id);
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Disposition', attachment(await notices.pdfFileName(actor, notice, langOf(req))));
        res.send(await notices.pdf(notice));
      },
    }),
    route<Actor, undefined, typeof TemplateQuery>({
      method: 'get', path: '/templates', summary: 'Template versions, newest first per kind and language', tag: 'templates', access: can('incident:read'), query: TemplateQuery,
      handle: async ({ query }) => (await templates.list(query.kind, query.lang)).map(presentTemplate),
    }),
    route<Actor, undefined, typeof DiffQuery>({
      method: 'get', path: '/templates/diff', summary: 'A unified diff between two template versions', tag: 'templates', access: can('incident:read'), query: DiffQuery,
      handle: async ({ query }) => templates.diff(query.from, query.to),
    }),
    route<Actor, undefined, undefined, typeof NoticeIdParams>({
      method: 'get', path: '/templates/:id/preview', summary: 'A template version rendered against the sample incident', tag: 'templates',
      access: can('incident:read'), params: NoticeIdParams,
      handle: async ({ params, req }) => templates.preview(params.id, langOf(req)),
    }),
    route<Actor, typeof TemplateDraftBody>({
      method: 'post', path: '/templates', summary: 'Draft a new template version', tag: 'templates', access: can('template:draft'), body: TemplateDraftBody, status: 201,
      handle: async ({ body, actor, req }) => presentTemplate(await templates.draft(auditContext(req, actor), actor, body)),
    }),
    route<Actor, undefined, undefined, typeof NoticeIdParams>({
      method: 'post', path: '/templates/:id/submit', summary: 'Submit a draft for approval (it must render against the sample incident)', tag: 'templates',
      access: can('template:draft'), params: NoticeIdParams,
      handle: async ({ params, actor, req }) => presentTemplate(await templates.submit(auditContext(req, actor), actor, params.id)),
    }),
    route<Actor, typeof ReviewBody, undefined, typeof NoticeIdParams>({
      method: 'post', path: '/templates/:id/approve', summary: 'Approve a submitted version (a manager other than its author)', tag: 'templates',
      access: can('template:approve'), params: NoticeIdParams, body: ReviewBody,
      handle: async ({ params, body, actor, req }) => presentTemplate(await templates.review(auditContext(req, actor), actor, params.id, 'approved', body.comment)),
    }),
    route<Actor, typeof ReviewBody, undefined, typeof NoticeIdParams>({
      method: 'post', path: '/templates/:id/reject', summary: 'Reject a submitted version with a comment', tag: 'templates',
      access: can('template:approve'), params: NoticeIdParams, body: ReviewBody,
      handle: async ({ params, body, actor, req }) => presentTemplate(await templates.review(auditContext(req, actor), actor, params.id, 'rejected', body.comment)),
    }),
  ];
}

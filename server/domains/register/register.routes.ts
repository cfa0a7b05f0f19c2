import { z } from 'zod';
import { can, route, type AnyRoute } from '../../http/route.js';
import { langOf } from '../../http/lang.js';
import { say } from '../../../notifications/messages/index.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/auth.service.js';
import { registerRow, registerTable, toCsv, toXlsx } from './register.presenter.js';
import type { RegisterService } from './register.service.js';

export const RegisterQuery = z.strictObject({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  /** The language of the headers and words in CSV and XLSX; without it, the request's Accept-Language. */
  lang: z.enum(['nb', 'en']).optional(),
});

export function registerRoutes(register: RegisterService, clock: Clock): AnyRoute[] {
  return [
    route<Actor, undefined, typeof RegisterQuery>({
      method: 'get', path: '/register', summary: 'The Art. 33(5) register: every incident, notified or not, with the reasoning and the Art. 34 outcome (JSON, CSV or XLSX)', tag: 'register',
      access: can('register:export'), query: RegisterQuery, raw: true,
      handle: async ({ query, actor, req, res }) => {
        const entries = await register.entries(actor);
        const lang = query.lang ?? langOf(req);
        const fileName = say({ code: 'register.file-name', params: {} }, lang);
        if (query.format === 'csv') {
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="${fileName}.csv"`);
          res.send(toCsv(registerTable(entries, lang), lang));
        } else if (query.format === 'xlsx') {
          res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          res.setHeader('Content-Disposition', `attachment; filename="${fileName}.xlsx"`);
          res.send(await toXlsx(registerTable(entries, lang), lang));
        } else {
          // The dashboard opens each row's incident by its id; the CSV and the workbook are for people and have none.
          res.json({ generatedAt: clock.now().toISOString(), incidents: entries.map((entry) => ({ id: String(entry.incident._id), ...registerRow(entry) })) });
        }
      },
    }),
  ];
}

import { once } from 'node:events';
import type { Response } from 'express';
import { z } from 'zod';
import { can, route, type AnyRoute } from '../../http/route.js';
import { langOf } from '../../http/lang.js';
import { say } from '../../../notifications/messages/index.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../auth/auth.service.js';
import { csvHead, csvLine, registerRow, registerTable, toXlsx } from './register.presenter.js';
import type { RegisterEntry, RegisterService } from './register.service.js';

export const RegisterQuery = z.strictObject({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  /** The language of the headers and words in CSV and XLSX; without it, the request's Accept-Language. */
  lang: z.enum(['nb', 'en']).optional(),
});

/** Pieces of the answer are sent in chunks of about this many characters. */
const CHUNK = 64 * 1024;

/**
 * Writes an answer as its entries are read: the first piece once the first entry is in, then a chunk at a
 * time, waiting while the client reads. A failure after the first chunk cuts the connection, so a
 * client sees a broken download, never a short one that looks whole.
 */
async function stream(res: Response, head: string, entries: AsyncIterable<RegisterEntry>, piece: (entry: RegisterEntry, index: number) => string, tail: string): Promise<void> {
  let chunk = head;
  let index = 0;
  try {
    for await (const entry of entries) {
      chunk += piece(entry, index++);
      if (chunk.length >= CHUNK) {
        if (!res.write(chunk)) await once(res, 'drain');
        chunk = '';
      }
    }
  } catch (err) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      throw err;
    }
    res.destroy(err as Error);
    return;
  }
  res.end(chunk + tail);
}

export function registerRoutes(register: RegisterService, clock: Clock): AnyRoute[] {
  return [
    route<Actor, undefined, typeof RegisterQuery>({
      method: 'get', path: '/register', summary: 'The Art. 33(5) register: every incident, notified or not, with the reasoning and the Art. 34 outcome (JSON, CSV or XLSX)', tag: 'register',
      access: can('register:export'), query: RegisterQuery, raw: true,
      handle: async ({ query, actor, req, res }) => {
        const entries = register.entries(actor);
        const lang = query.lang ?? langOf(req);
        const fileName = say({ code: 'register.file-name', params: {} }, lang);
        if (query.format === 'csv') {
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="${fileName}.csv"`);
          await stream(res, csvHead(lang), entries, (entry) => csvLine(entry, lang), '');
        } else if (query.format === 'xlsx') {
          const all: RegisterEntry[] = [];
          for await (const entry of entries) all.push(entry);
          res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          res.setHeader('Content-Disposition', `attachment; filename="${fileName}.xlsx"`);
          res.send(await toXlsx(registerTable(all, lang), lang));
        } else {
          // The dashboard opens each row's incident by its id; the CSV and the workbook are for people and have none.
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          const row = (entry: RegisterEntry, i: number) => `${i ? ',' : ''}${JSON.stringify({ id: String(entry.incident._id), ...registerRow(entry, lang) })}`;
          await stream(res, `{"generatedAt":${JSON.stringify(clock.now().toISOString())},"incidents":[`, entries, row, ']}');
        }
      },
    }),
  ];
}

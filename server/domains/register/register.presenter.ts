import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { formatCount, formatDecimal } from '../../../notifications/format.js';
import { CATEGORY_LABELS, type Lang } from '../../../notifications/labels.js';
import { say, type Message } from '../../../notifications/messages/index.js';
import { REGISTER_COLUMNS, type Art34Ground, type Art34Outcome, type RegisterColumn, type RegisterDecision } from '../../../notifications/messages/register.messages.js';
import type { RegisterEntry } from './register.service.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

function hoursToNotify(entry: RegisterEntry): number | null {
  const first = entry.submissions[0];
  const awareAt = entry.incident.awareness?.at;
  return first && awareAt ? Math.round(((first.sentAt.getTime() - awareAt.getTime()) / 3_600_000) * 10) / 10 : null;
}

/**
 * What was decided about Datatilsynet, and the reasoning a person gave; a decision that follows the
 * recommendation without reasoning of its own rests on the assessment's reasons for it, said as such.
 */
function decisionOf(entry: RegisterEntry, lang: Lang): { decision: RegisterDecision; reason: string; by: string } {
  const { incident, decision } = entry;
  if (incident.closure?.notABreach) return { decision: 'not-a-breach', reason: incident.closure.reason, by: incident.closure.by.name };
  if (decision) return { decision: decision.notifySA ? 'notify' : 'not-notifiable', reason: decision.reason.trim() ? decision.reason : followsBecause(entry, lang), by: decision.decidedBy.name };
  // "Not notifiable" recorded without an assessment: its reason is the one the DPO or manager wrote.
  if (incident.clock.stopReason === 'not-notifiable') return { decision: 'not-notifiable', reason: incident.clock.stopNote ?? '', by: '' };
  return { decision: 'undecided', reason: '', by: '' };
}

function followsBecause(entry: RegisterEntry, lang: Lang): string {
  const reasons = (entry.recommendedBecause ?? []).map((r) => ('code' in r && !('nb' in r) ? say(r as Message, lang) : (r as { nb: string; en: string })[lang]));
  return reasons.length ? say({ code: 'register.follows-recommendation', params: { reasons: reasons.join(' ') } }, lang) : '';
}

/** What became of telling the people (Art. 34), with the exemption's ground and evidence. */
function art34Of(entry: RegisterEntry): { outcome: Art34Outcome; ground: Art34Ground | null; evidence: string; at: Date | null } {
  const { decision, told } = entry;
  if (told) return { outcome: told.kind === 'public' ? 'public' : 'told', ground: told.kind === 'public' ? 'disproportionate' : null, evidence: decision?.evidence.whyDisproportionate ?? '', at: told.at };
  // Telling the people is the controller's duty (Art. 34); a processor records what it decided, not what we did.
  if (entry.incident.role === 'processor' && !entry.incident.closure?.notABreach) return { outcome: 'controller', ground: null, evidence: '', at: null };
  if (!decision) return { outcome: entry.incident.closure?.notABreach ? 'not-required' : 'undecided', ground: null, evidence: '', at: null };
  if (decision.exemption) {
    const ev = decision.evidence;
    const evidence = decision.exemption === 'encrypted' ? ev.keyCustody : decision.exemption === 'mitigated' ? ev.measuresTaken : ev.whyDisproportionate;
    return { outcome: decision.exemption === 'disproportionate' ? 'owed' : 'exemption', ground: decision.exemption, evidence, at: null };
  }
  return { outcome: decision.notifySubjects ? 'owed' : 'not-required', ground: null, evidence: '', at: null };
}

/** One row of the register as JSON (codes and UTC times; the dashboard words it; the reasoning in the reader's language). */
export function registerRow(entry: RegisterEntry, lang: Lang) {
  const { incident, submissions } = entry;
  const first = submissions[0];
  const countText = (c: typeof incident.records) =>
    c.kind === 'unknown' ? 'unknown' : c.kind === 'range' ? `${c.min}-${c.max}` : `${c.kind === 'estimate' ? '~' : ''}${c.value}`;
  const decided = decisionOf(entry, lang);
  const art34 = art34Of(entry);
  return {
    ref: incident.ref,
    title: incident.title,
    status: incident.status,
    role: incident.role,
    controllerName: incident.role === 'processor' ? incident.controller.name : null,
    controllerInformedAt: incident.role === 'processor' ? iso(incident.controller.informedAt) : null,
    createdAt: iso(incident.createdAt),
    awareAt: iso(incident.awareness?.at),
    deadline: iso(incident.clock.deadline),
    breachTypes: incident.breachTypes.join(' '),
    dataCategories: incident.dataCategories.join(' '),
    subjects: countText(incident.subjects.count),
    records: countText(incident.records),
    notified: first ? 'yes' : 'no',
    notifiedAt: iso(first?.sentAt),
    hoursToNotify: hoursToNotify(entry),
    late: first ? first.late : null,
    delayReasons: first?.delayReasons ?? null,
    submissions: submissions.length,
    decision: incident.clock.stopReason,
    notification: decided.decision,
    decisionReason: decided.reason || null,
    decidedBy: decided.by || null,
    art34: art34.outcome,
    art34Ground: art34.ground,
    art34Evidence: art34.evidence || null,
    art34At: iso(art34.at),
    consequences: incident.consequences,
    measuresTaken: incident.measuresTaken,
    closedReason: incident.closure?.reason ?? null,
    notABreach: incident.closure?.notABreach ?? false,
  };
}

type Cell = string | number | Date | null;

/** The register's column headers in the reader's language. */
export function registerHeaders(lang: Lang): string[] {
  return REGISTER_COLUMNS.map((column) => say({ code: 'register.column', params: { column } }, lang));
}

/** The register for people: headers and cells in the reader's language, times as Oslo wall-clock time. */
export function registerTable(entries: RegisterEntry[], lang: Lang): { headers: string[]; rows: Record<RegisterColumn, Cell>[] } {
  return { headers: registerHeaders(lang), rows: entries.map((entry) => registerCells(entry, lang)) };
}

/** One row of the register for people. */
export function registerCells(entry: RegisterEntry, lang: Lang): Record<RegisterColumn, Cell> {
  const { incident, submissions } = entry;
  const first = submissions[0];
  const decided = decisionOf(entry, lang);
  const art34 = art34Of(entry);
  const yesNo = (value: boolean) => say({ code: 'register.yes-no', params: { value } }, lang);
  return {
    ref: incident.ref,
    title: incident.title,
    status: say({ code: 'register.status', params: { status: incident.status } }, lang),
    role: say({ code: 'register.role', params: { role: incident.role } }, lang),
    controller: incident.role === 'processor' ? incident.controller.name : '',
    controllerInformedAt: incident.role === 'processor' ? incident.controller.informedAt : null,
    created: incident.createdAt,
    aware: incident.awareness?.at ?? null,
    deadline: incident.clock.deadline,
    breachTypes: incident.breachTypes.map((type) => say({ code: 'register.breach-type', params: { type } }, lang)).join(', '),
    dataCategories: incident.dataCategories.map((c) => CATEGORY_LABELS[c][lang]).join(', '),
    subjects: formatCount(incident.subjects.count, lang),
    records: formatCount(incident.records, lang),
    notified: yesNo(!!first),
    notifiedAt: first?.sentAt ?? null,
    hoursToNotify: hoursToNotify(entry),
    late: first ? yesNo(first.late) : null,
    delayReasons: first?.delayReasons ?? incident.delayReasons ?? null,
    submissions: submissions.length,
    decision: say({ code: 'register.decision', params: { decision: decided.decision } }, lang),
    decisionReason: decided.reason,
    decidedBy: decided.by,
    art34: say({ code: 'register.art34', params: { outcome: art34.outcome } }, lang),
    art34Ground: art34.ground ? say({ code: 'register.ground', params: { ground: art34.ground, evidence: art34.evidence } }, lang) : '',
    art34At: art34.at,
    consequences: incident.consequences,
    measuresTaken: incident.measuresTaken,
    closedAt: incident.closure?.at ?? null,
    closedReason: incident.closure?.reason ?? '',
  };
}

const oslo = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Oslo' });

/** Oslo's offset from UTC in minutes, by UTC hour: the zone changes its offset only on the hour. */
const osloOffsets = new Map<number, number>();
const pad = (n: number) => String(n).padStart(2, '0');

/** A time as Oslo wall-clock time to the minute ("2026-03-02 10:00"), as luxon formats it, without a zone lookup per cell. */
function osloMinute(at: Date): string {
  const hour = Math.floor(at.getTime() / 3_600_000);
  let offset = osloOffsets.get(hour);
  if (offset === undefined) {
    offset = oslo(at).offset;
    if (osloOffsets.size > 100_000) osloOffsets.clear();
    osloOffsets.set(hour, offset);
  }
  const local = new Date(at.getTime() + offset * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/*
 * CSV as Norwegian Excel opens it: UTF-8 with a byte-order mark, ";" between cells, every cell quoted,
 * times in Oslo as "2026-03-02 10:00", decimals with a comma in bokmål. A cell a spreadsheet would run
 * as a formula is defused with a leading quote.
 */
function csvCell(value: Cell, lang: Lang): string {
  let s = value === null || value === undefined ? ''
    : value instanceof Date ? osloMinute(value)
      : typeof value === 'number' ? formatDecimal(value, lang) : value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The CSV's first line: the byte-order mark and the headers. */
export function csvHead(lang: Lang): string {
  return `\ufeff${registerHeaders(lang).map((h) => csvCell(h, lang)).join(';')}\r\n`;
}

/** One incident's line of the CSV. */
export function csvLine(entry: RegisterEntry, lang: Lang): string {
  const cells = registerCells(entry, lang);
  return `${REGISTER_COLUMNS.map((c) => csvCell(cells[c], lang)).join(';')}\r\n`;
}

/** The register as an Excel workbook: one sheet, a bold frozen header with filters, times as Oslo dates. */
export async function toXlsx(table: ReturnType<typeof registerTable>, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Breach Clock';
  const sheet = workbook.addWorksheet(say({ code: 'register.sheet', params: {} }, lang), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REGISTER_COLUMNS.map((column, i) => ({
    header: table.headers[i],
    key: column,
    width: ['title', 'controller', 'decisionReason', 'art34Ground', 'consequences', 'measuresTaken', 'closedReason', 'delayReasons'].includes(column) ? 40 : 18,
  }));
  for (const row of table.rows) {
    // Excel dates have no time zone: a cell holds the Oslo wall-clock time, as the header says.
    const values = Object.fromEntries(REGISTER_COLUMNS.map((c) => {
      const v = row[c];
      return [c, v instanceof Date ? oslo(v).setZone('UTC', { keepLocalTime: true }).toJSDate() : v];
    }));
    sheet.addRow(values);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
  for (const column of ['created', 'aware', 'deadline', 'controllerInformedAt', 'notifiedAt', 'art34At', 'closedAt'] as const) sheet.getColumn(column).numFmt = 'yyyy-mm-dd hh:mm';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

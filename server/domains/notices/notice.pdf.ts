import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatZonedMoment } from '../../../notifications/format.js';
import { say } from '../../../notifications/messages/index.js';
import type { Notice } from './notice.model.js';
import { noticeBlocks, type Run } from './notice-layout.js';

const require = createRequire(import.meta.url);
/** An open font shipped as a package (DejaVu Sans covers æ, ø, å and the rest of Norwegian and English): pdfkit embeds it. */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

export interface NoticeRecordOptions {
  organisation: { name: string; number?: string | undefined };
}

const MARGIN = 56;
const FOOTER_HEIGHT = 40;

/**
 * The notice as a DPO files it: the organisation with its number and the addressee at the top, the
 * notice laid out as its HTML is (headings, paragraphs, lists, bold), in an embedded open font, and on
 * every page a footer in the notice's language with the page number, who approved it and when (Oslo
 * time), and the SHA-256 that proves it is the approved text.
 */
export function noticePdf(notice: Notice, options: NoticeRecordOptions): Promise<Buffer> {
  const lang = notice.lang;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
      bufferPages: true,
      lang: say({ code: 'format.language-tag', params: {} }, lang),
      displayTitle: true,
      info: { Title: notice.subject, Author: options.organisation.name || 'Breach Clock', Subject: notice.subject },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    const width = doc.page.width - MARGIN * 2;

    // The letterhead: sender, organisation number, addressee, date.
    doc.font('bold').fontSize(11).fillColor('#1b1b1b').text(options.organisation.name, { width });
    doc.font('body').fontSize(9).fillColor('#444');
    if (options.organisation.number) doc.text(say({ code: 'pdf.org-number', params: { number: options.organisation.number } }, lang), { width });
    const controller = typeof (notice.facts.controller as { name?: unknown } | undefined)?.name === 'string' ? String((notice.facts.controller as { name: string }).name) : '';
    doc.moveDown(0.6).fontSize(10).fillColor('#1b1b1b').text(say({ code: 'pdf.to', params: { kind: notice.kind, controller } }, lang), { width });
    doc.moveDown(1.2);

    for (const block of noticeBlocks(notice.html)) {
      const size = block.kind === 'h1' ? 15 : block.kind === 'h2' ? 12 : 10.5;
      if (block.kind === 'h2') doc.moveDown(0.6);
      const x = block.kind === 'li' ? MARGIN + 14 : MARGIN;
      if (block.kind === 'li') doc.font('body').fontSize(size).text('•', MARGIN + 4, doc.y, { continued: false, lineBreak: false });
      // A line break in the HTML (<br>) starts a new line of the same block.
      const lines: Run[][] = [[]];
      for (const run of block.runs) {
        const line = lines.at(-1)!;
        const last = line.at(-1);
        if (run.text === '\n') lines.push([]);
        // Runs of one weight are written as one: pdfkit wraps each continued piece on its own.
        else if (last && last.bold === run.bold) line[line.length - 1] = { ...last, text: last.text + run.text };
        else line.push(run);
      }
      const heading = block.kind === 'h1' || block.kind === 'h2';
      for (const line of lines.filter((l) => l.some((r) => r.text.trim()))) {
        line[0] = { ...line[0]!, text: line[0]!.text.trimStart() };
        line.forEach((run, i) => {
          doc.font(heading || run.bold ? 'bold' : 'body').fontSize(size).fillColor('#1b1b1b')
            .text(run.text, i === 0 ? x : undefined, i === 0 ? doc.y : undefined, { width: width - (x - MARGIN), lineGap: 2, continued: i < line.length - 1 });
        });
      }
      doc.moveDown(block.kind === 'h1' ? 0.6 : 0.45);
    }

    const approved = notice.approvedAt && notice.approvedBy
      ? say({ code: 'pdf.approved', params: { by: notice.approvedBy.name, at: formatZonedMoment(notice.approvedAt, lang) } }, lang)
      : say({ code: 'pdf.draft', params: {} }, lang);
    const hash = say({ code: 'pdf.hash', params: { hash: notice.contentHash } }, lang);
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN - FOOTER_HEIGHT + 12;
      // The footer sits in the bottom margin: without lifting the margin, pdfkit would start a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.moveTo(MARGIN, y - 6).lineTo(MARGIN + width, y - 6).strokeColor('#bbbbbb').lineWidth(0.5).stroke();
      doc.font('body').fontSize(7.5).fillColor('#444');
      doc.text(`${String(notice.facts.ref ?? '')} · ${approved}`, MARGIN, y, { width: width - 70, lineBreak: false });
      doc.text(say({ code: 'pdf.page', params: { page: i - range.start + 1, pages: range.count } }, lang), MARGIN + width - 70, y, { width: 70, align: 'right', lineBreak: false });
      doc.text(hash, MARGIN, y + 11, { width, lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}

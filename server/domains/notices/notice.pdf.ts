import PDFDocument from 'pdfkit';
import type { Notice } from './notice.model.js';

/** The approved notice as a PDF for the record: its text, and the SHA-256 that proves it is the approved one. */
export function noticePdf(notice: Notice): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: notice.subject, Author: 'Breach Clock' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(13).text(notice.subject);
    doc.moveDown();
    doc.font('Helvetica').fontSize(10.5).text(notice.text, { lineGap: 2 });
    doc.moveDown();
    doc.fontSize(8).fillColor('#555').text(`Approved ${notice.approvedAt?.toISOString() ?? '(not approved)'} by ${notice.approvedBy?.name ?? '-'} · template v${notice.templateVersion} · SHA-256 ${notice.contentHash}`);
    doc.end();
  });
}

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Response } from 'superagent';

/** Collects a binary answer (PDF, XLSX) as a Buffer. */
export function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The text of each page of a PDF, and the names of the fonts it uses with whether each is embedded. */
export async function readPdf(data: Buffer): Promise<{ pages: string[]; fonts: { name: string; embedded: boolean }[]; title: string | undefined }> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  const fonts = new Map<string, boolean>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  // Each font dictionary names its font; an embedded subset is named with a six-letter tag, and its data is a FontFile2 stream.
  const raw = data.toString('latin1');
  for (const match of raw.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)) fonts.set(match[2]!, fonts.get(match[2]!) || !!match[1]);
  const embedded = (raw.match(/\/FontFile2/g) ?? []).length;
  const meta = await pdf.getMetadata();
  const info = meta.info as { Title?: string };
  return { pages, fonts: [...fonts].map(([name, subset]) => ({ name, embedded: subset && embedded > 0 })), title: info.Title };
}

/** Parses CSV as a spreadsheet would: quoted cells, doubled quotes, the given separator, CRLF rows. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** A run of text in one weight. */
export interface Run {
  text: string;
  bold: boolean;
}

/** One block of a notice as laid out on paper: a heading, a paragraph or a list item. */
export interface Block {
  kind: 'h1' | 'h2' | 'p' | 'li';
  runs: Run[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'li', 'div', 'ul', 'ol', 'section', 'body']);

/**
 * The body of a rendered notice as blocks, in order: headings, paragraphs and list items with their
 * bold runs. It reads the HTML the templates make (escaped text in a few tags); anything else is kept
 * as plain text, and the document head and style are left out.
 */
export function noticeBlocks(html: string): Block[] {
  const body = html.replace(/<head[\s\S]*?<\/head>/i, '').replace(/<(style|script)[\s\S]*?<\/\1>/gi, '').replace(/<p class="meta">[\s\S]*?<\/p>/i, '');
  const blocks: Block[] = [];
  let current: Block | null = null;
  let bold = 0;
  const close = () => {
    if (current) {
      const runs = current.runs.filter((r) => r.text.length);
      if (runs.length) {
        runs[0]!.text = runs[0]!.text.trimStart();
        runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.trimEnd();
        if (runs.some((r) => r.text.trim())) blocks.push({ kind: current.kind, runs });
      }
    }
    current = null;
  };
  const open = (kind: Block['kind']) => {
    close();
    current = { kind, runs: [] };
  };
  for (const token of body.split(/(<[^>]+>)/)) {
    if (!token || /^<[!?]/.test(token)) continue;
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(token);
    if (tag) {
      const [, slash, rawName] = tag;
      const name = rawName!.toLowerCase();
      if (name === 'strong' || name === 'b') bold += slash ? -1 : 1;
      else if (name === 'br') (current as Block | null)?.runs.push({ text: '\n', bold: bold > 0 });
      else if (BLOCK_TAGS.has(name)) {
        if (slash) close();
        else open(name === 'h1' ? 'h1' : name === 'h2' || name === 'h3' ? 'h2' : name === 'li' ? 'li' : 'p');
      }
      continue;
    }
    const text = decode(token.replace(/\s+/g, ' '));
    if (!text.trim() && !current) continue;
    if (!current) open('p');
    (current as unknown as Block).runs.push({ text, bold: bold > 0 });
  }
  close();
  return blocks;
}

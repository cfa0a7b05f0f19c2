import assert from 'node:assert/strict';
import { noticeBlocks } from '../../../server/domains/notices/notice-layout.js';
import { outwardProblems } from '../../../server/domains/notices/outward-check.js';

describe('notice layout: the HTML of a notice as blocks for paper', () => {
  it('keeps headings, paragraphs, bold runs, line breaks and list items in order, and leaves out the head and the meta line', () => {
    const html = `<!doctype html><html><head><title>BC-1</title><style>h1 { color: red }</style></head><body>
<p class="meta">Eksempel AS · BC-1 · 2. mars 2026</p>
<h1>Melding om brudd</h1>
<p><strong>Iverksatt:</strong> sperret &amp; varslet</p>
<p>Linje én<br>linje to</p>
<h2>Tiltak</h2>
<ul><li>Første &lt;tiltak&gt;</li><li>Andre &#x3D; tiltak</li></ul>
</body></html>`;
    assert.deepEqual(noticeBlocks(html), [
      { kind: 'h1', runs: [{ text: 'Melding om brudd', bold: false }] },
      { kind: 'p', runs: [{ text: 'Iverksatt:', bold: true }, { text: ' sperret & varslet', bold: false }] },
      { kind: 'p', runs: [{ text: 'Linje én', bold: false }, { text: '\n', bold: false }, { text: 'linje to', bold: false }] },
      { kind: 'h2', runs: [{ text: 'Tiltak', bold: false }] },
      { kind: 'li', runs: [{ text: 'Første <tiltak>', bold: false }] },
      { kind: 'li', runs: [{ text: 'Andre = tiltak', bold: false }] },
    ]);
  });
});

describe('outward check: what a notice to the people may not carry', () => {
  const base = { internalDescription: 'Listen til Ola Testesen lå åpen.', knownNames: ['Ane Analytiker', 'Administrator'], allowedNames: ['Kari Nordmann', 'Eksempel AS'] };

  it('finds names from the case and the staff, national identity numbers masked or not, and the internal text', () => {
    const problems = outwardProblems({
      ...base,
      texts: [
        { path: 'outwardDescription', text: 'Listen til Ola Testesen lå åpen.' },
        { path: 'adviceToSubjects', text: 'Ring ane analytiker, eller oppgi 01010112377 eller 010101 *****.' },
      ],
    });
    assert.deepEqual(problems.map((p) => [p.path, p.message.code]), [
      ['outwardDescription', 'notice.outward.name'],
      ['adviceToSubjects', 'notice.outward.national-id'],
      ['adviceToSubjects', 'notice.outward.masked-id'],
      ['adviceToSubjects', 'notice.outward.name'],
      ['outwardDescription', 'notice.outward.internal-text'],
    ]);
  });

  it('lets the contact point, the organisation, one-word names and ordinary words through', () => {
    const problems = outwardProblems({
      ...base,
      texts: [{ path: 'notice', text: 'Kontakt Kari Nordmann i Eksempel AS. Administrator-kontoen er sperret. Testesen-saken er lukket.' }],
    });
    assert.deepEqual(problems, []);
  });
});

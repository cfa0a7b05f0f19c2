import assert from 'node:assert/strict';
import { fileNameOf } from '../../../client/src/file-name.js';
import { attachment } from '../../../server/domains/notices/notice.routes.js';

describe('the name a download is saved under', () => {
  it('takes the UTF-8 name when the server gives one, else the plain name, else none', () => {
    assert.equal(fileNameOf(`attachment; filename="BC-2026-0001-varsel-til-de-berorte.pdf"; filename*=UTF-8''BC-2026-0001-varsel-til-de-ber%C3%B8rte.pdf`), 'BC-2026-0001-varsel-til-de-berørte.pdf');
    assert.equal(fileNameOf('attachment; filename="BC-2026-0001-melding-til-datatilsynet.pdf"'), 'BC-2026-0001-melding-til-datatilsynet.pdf');
    assert.equal(fileNameOf(`attachment; filename="plain.pdf"; filename*=UTF-8''%E0%A4%A.pdf`), 'plain.pdf');
    assert.equal(fileNameOf('attachment'), null);
    assert.equal(fileNameOf(null), null);
  });

  it("the server's header carries an ASCII name and the exact UTF-8 one, which the dashboard reads back", () => {
    const header = attachment('BC-2026-0001-varsel-til-de-berørte.pdf');
    assert.equal(header, `attachment; filename="BC-2026-0001-varsel-til-de-berorte.pdf"; filename*=UTF-8''BC-2026-0001-varsel-til-de-ber%C3%B8rte.pdf`);
    assert.equal(fileNameOf(header), 'BC-2026-0001-varsel-til-de-berørte.pdf');
  });
});

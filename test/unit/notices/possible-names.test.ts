import assert from 'node:assert/strict';
import { outwardNameWarnings, possibleNames } from '../../../server/domains/notices/outward-check.js';

describe('what looks like a person\'s name in an outward text', () => {
  it('finds two capitalised words in a row inside a sentence', () => {
    assert.deepEqual(possibleNames('Filen ble sendt til Ola Testesen ved en feil.'), ['Ola Testesen']);
    assert.deepEqual(possibleNames('Kunden Ola Testesen fikk filen.'), ['Ola Testesen']);
    assert.deepEqual(possibleNames('The file reached Jane Doe-Smith by mistake.'), ['Jane Doe-Smith']);
  });

  it('does not take a sentence\'s capital for a name, unless the sentence starts with a common given name', () => {
    assert.deepEqual(possibleNames('Opplysninger om deg ble sendt til feil mottaker.'), []);
    assert.deepEqual(possibleNames('En fil gikk feil. Noen Ansatte har sett den.'), []);
    assert.deepEqual(possibleNames('Kari Nordmann ringte oss.'), ['Kari Nordmann']);
    assert.deepEqual(possibleNames('Vi fikk vite det.\nPer Hansen ringte oss.'), ['Per Hansen']);
  });

  it('leaves out organisations, services, places and months, and the names a notice is meant to carry', () => {
    assert.deepEqual(possibleNames('Vi har meldt fra til Datatilsynet Norge og brukte Microsoft Teams i Oslo.'), []);
    assert.deepEqual(possibleNames('It happened on Monday March 3.'), []);
    assert.deepEqual(possibleNames('Kontakt personvernombudet Kari Nordmann hos Eksempel AS.', ['Kari Nordmann', 'Eksempel AS']), []);
    assert.deepEqual(possibleNames('En medarbeider i Datatilsynet Ola Testesen.'), ['Ola Testesen']);
  });

  it('warns on each field once, and not of a name already refused as one the service knows', () => {
    const texts = [
      { path: 'outwardDescription', text: 'Filen gikk til Ola Testesen og til Per Hansen.' },
      { path: 'consequences', text: 'Ingen.' },
    ];
    const refused = [{ path: 'outwardDescription', message: { code: 'notice.outward.name' as const, params: { name: 'Per Hansen' } } }];
    assert.deepEqual(outwardNameWarnings({ texts, internalDescription: '', knownNames: [], allowedNames: [] }, refused), [
      { path: 'outwardDescription', message: { code: 'notice.outward.possible-name', params: { name: 'Ola Testesen' } } },
    ]);
  });
});

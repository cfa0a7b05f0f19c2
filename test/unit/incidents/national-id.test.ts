import assert from 'node:assert/strict';
import { findNationalIdNumbers, isNationalIdNumber, looksLikeNationalIdNumber, maskNationalIdNumbers } from '../../../server/domains/incidents/national-id.js';

// Synthetic numbers with valid check digits (not real people): built from the published algorithm.
const VALID = '01010112377';

describe('national identity number guard', () => {
  it('accepts a number whose two check digits hold', () => {
    assert.equal(isNationalIdNumber(VALID), true);
  });

  it('rejects a wrong check digit, a wrong length and an impossible date', () => {
    assert.equal(isNationalIdNumber('01010112378'), false);
    assert.equal(isNationalIdNumber('0101011235'), false);
    assert.equal(isNationalIdNumber('32130112345'), false);
  });

  it('finds numbers in free text, also written 6 + 5, and ignores longer digit runs', () => {
    const text = `Kunden ${VALID} og ${VALID.slice(0, 6)} ${VALID.slice(6)} ringte; ordre 9${VALID}9 er ikke et fnr.`;
    assert.deepEqual(findNationalIdNumbers(text), [VALID, `${VALID.slice(0, 6)} ${VALID.slice(6)}`]);
  });

  it('masks the personal part and leaves other numbers alone', () => {
    assert.equal(maskNationalIdNumbers(`fnr ${VALID}, tlf 12345678901`), 'fnr 010101*****, tlf 12345678901');
  });

  it('treats a mistyped number (check digits wrong) that begins with a possible birth date as one: warned about and masked', () => {
    const MISTYPED = '01017012345';
    assert.equal(isNationalIdNumber(MISTYPED), false);
    assert.equal(looksLikeNationalIdNumber(MISTYPED), true);
    assert.deepEqual(findNationalIdNumbers(`kunde ${MISTYPED} ringte`), [MISTYPED]);
    assert.equal(maskNationalIdNumbers(`kunde ${MISTYPED} ringte`), 'kunde 010170***** ringte');
  });

  it('counts a D-number (day + 40) with a bad checksum, and not eleven digits whose first six are no date', () => {
    assert.equal(looksLikeNationalIdNumber('41017012345'), true);
    assert.equal(looksLikeNationalIdNumber('31027012345'), false);
    assert.equal(looksLikeNationalIdNumber('72017012345'), false);
    assert.equal(looksLikeNationalIdNumber('12345678901'), false);
  });
});

import assert from 'node:assert/strict';
import { nextHandover, onCallAt } from '../../../server/domains/oncall/rota.rules.js';

// Handover every Monday 09:00 Oslo, starting Monday 16 March 2026 (CET, 08:00 UTC).
const rota = { members: ['anna', 'bjorn', 'cecilie'], startsAt: new Date('2026-03-16T08:00:00Z'), overrides: [] as { userId: string; from: Date; to: Date; reason: string }[] };

describe('on-call rota', () => {
  it('rotates weekly at the same Oslo wall-clock time across the spring DST change', () => {
    assert.equal(onCallAt(rota, new Date('2026-03-16T08:00:00Z')), 'anna');
    assert.equal(onCallAt(rota, new Date('2026-03-23T07:59:00Z')), 'anna');
    assert.equal(onCallAt(rota, new Date('2026-03-23T08:00:00Z')), 'bjorn');
    // After clocks go forward (29 March), 09:00 Oslo is 07:00 UTC.
    assert.equal(onCallAt(rota, new Date('2026-03-30T06:59:00Z')), 'bjorn');
    assert.equal(onCallAt(rota, new Date('2026-03-30T07:00:00Z')), 'cecilie');
    assert.equal(onCallAt(rota, new Date('2026-04-06T07:00:00Z')), 'anna');
    assert.equal(nextHandover(rota, new Date('2026-03-25T12:00:00Z')).toISOString(), '2026-03-30T07:00:00.000Z');
  });

  it('lets an override win for its period', () => {
    const withOverride = { ...rota, overrides: [{ userId: 'dag', from: new Date('2026-03-17T12:00:00Z'), to: new Date('2026-03-18T12:00:00Z'), reason: 'sick leave' }] };
    assert.equal(onCallAt(withOverride, new Date('2026-03-17T13:00:00Z')), 'dag');
    assert.equal(onCallAt(withOverride, new Date('2026-03-18T12:00:00Z')), 'anna');
  });

  it('hands over when an override ends or starts, when that comes before the rotation change', () => {
    // Anna's week runs to 23 March; Dag covers 17–18 March.
    const withOverride = { ...rota, overrides: [{ userId: 'dag', from: new Date('2026-03-17T12:00:00Z'), to: new Date('2026-03-18T12:00:00Z'), reason: 'sick leave' }] };
    assert.equal(nextHandover(withOverride, new Date('2026-03-17T13:00:00Z')).toISOString(), '2026-03-18T12:00:00.000Z');
    assert.equal(nextHandover(withOverride, new Date('2026-03-16T12:00:00Z')).toISOString(), '2026-03-17T12:00:00.000Z');
    assert.equal(nextHandover(withOverride, new Date('2026-03-18T12:00:00Z')).toISOString(), '2026-03-23T08:00:00.000Z');
  });

  it('hands nothing over at a rotation change inside an override', () => {
    const across = { ...rota, overrides: [{ userId: 'dag', from: new Date('2026-03-20T12:00:00Z'), to: new Date('2026-03-25T12:00:00Z'), reason: 'swap' }] };
    assert.equal(nextHandover(across, new Date('2026-03-21T12:00:00Z')).toISOString(), '2026-03-25T12:00:00.000Z');
    // The override hands back to Bjørn, whose week it is by then.
    assert.equal(onCallAt(across, new Date('2026-03-25T12:00:00Z')), 'bjorn');
    // An override for years ahead hands over when it ends.
    const long = { ...rota, overrides: [{ userId: 'dag', from: new Date('2026-01-01T00:00:00Z'), to: new Date('2099-01-01T00:00:00Z'), reason: 'swap' }] };
    assert.equal(nextHandover(long, new Date('2026-03-21T12:00:00Z')).toISOString(), '2099-01-01T00:00:00.000Z');
  });

  it('has nobody on call before the rota starts or without members', () => {
    assert.equal(onCallAt(rota, new Date('2026-03-01T00:00:00Z')), null);
    assert.equal(onCallAt({ ...rota, members: [] }, new Date('2026-04-01T00:00:00Z')), null);
  });
});

import assert from 'node:assert/strict';
import { awareBeforeDiscovered, awarenessReasonNeeded, delayReasonsNeeded, filedLate } from '../../../server/domains/incidents/reason.rules.js';

const now = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('when a recorded time needs a written reason', () => {
  it('a first awareness needs none up to 15 minutes back, and one beyond that', () => {
    assert.equal(awarenessReasonNeeded({ at: now, now, correcting: false }), null);
    assert.equal(awarenessReasonNeeded({ at: minutesAgo(15), now, correcting: false }), null);
    assert.equal(awarenessReasonNeeded({ at: minutesAgo(16), now, correcting: false }), 'backdated');
    assert.equal(awarenessReasonNeeded({ at: minutesAgo(96 * 60), now, correcting: false }), 'backdated');
  });

  it('a correction of a declared awareness always needs one, even to a time just now', () => {
    assert.equal(awarenessReasonNeeded({ at: now, now, correcting: true }), 'correcting');
    assert.equal(awarenessReasonNeeded({ at: minutesAgo(120), now, correcting: true }), 'correcting');
  });

  it('a filing after the deadline is late; the first late one needs the delay reasons unless the case holds them', () => {
    const deadline = minutesAgo(60);
    assert.equal(filedLate(minutesAgo(61), deadline), false);
    assert.equal(filedLate(now, deadline), true);
    assert.equal(filedLate(now, null), false);
    assert.equal(delayReasonsNeeded({ sentAt: now, deadline, firstFiling: true, reasonsOnRecord: '' }), true);
    assert.equal(delayReasonsNeeded({ sentAt: now, deadline, firstFiling: true, reasonsOnRecord: '  ' }), true);
    assert.equal(delayReasonsNeeded({ sentAt: now, deadline, firstFiling: true, reasonsOnRecord: 'Oppdaget sent' }), false);
    assert.equal(delayReasonsNeeded({ sentAt: now, deadline, firstFiling: false, reasonsOnRecord: '' }), false);
    assert.equal(delayReasonsNeeded({ sentAt: minutesAgo(90), deadline, firstFiling: true, reasonsOnRecord: '' }), false);
  });

  it('awareness cannot come before discovery; at or after it, or with either time missing, is no contradiction', () => {
    assert.equal(awareBeforeDiscovered({ awareAt: minutesAgo(96 * 60), detectedAt: now }), true);
    assert.equal(awareBeforeDiscovered({ awareAt: now, detectedAt: now }), false);
    assert.equal(awareBeforeDiscovered({ awareAt: now, detectedAt: minutesAgo(60) }), false);
    assert.equal(awareBeforeDiscovered({ awareAt: null, detectedAt: now }), false);
    assert.equal(awareBeforeDiscovered({ awareAt: now, detectedAt: null }), false);
  });
});

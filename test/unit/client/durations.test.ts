import assert from 'node:assert/strict';
import { DASHBOARD_MESSAGES } from '../../../notifications/messages/dashboard.messages.js';
import { countdown, sincePassed } from '../../../client/src/durations.js';

const H = 3_600_000;
const M = 60_000;

describe('the clocks on screen', () => {
  it('count the time left down to zero and never below it', () => {
    assert.equal(countdown(71 * H + 59 * M + 59_000), '71:59:59');
    assert.equal(countdown(5 * M + 3_000), '0:05:03');
    assert.equal(countdown(0), '0:00:00');
    assert.equal(countdown(-3 * H), '0:00:00');
  });

  it('say how long ago a due time passed, in whole hours and minutes', () => {
    assert.deepEqual(sincePassed(-(3 * H + 12 * M + 40_000)), { hours: 3, minutes: 12 });
    assert.deepEqual(sincePassed(-(26 * H + 5 * M)), { hours: 26, minutes: 5 });
    assert.deepEqual(sincePassed(-40_000), { hours: 0, minutes: 0 });
    const passed = DASHBOARD_MESSAGES['clock.passedAgo'];
    assert.equal(passed.nb(sincePassed(-(3 * H + 12 * M))), 'Fristen gikk ut for 3 t 12 min siden');
    assert.equal(passed.en(sincePassed(-(3 * H + 12 * M))), 'Deadline passed 3 h 12 min ago');
    assert.equal(passed.nb(sincePassed(-(7 * M))), 'Fristen gikk ut for 7 min siden');
    assert.equal(passed.en(sincePassed(-(7 * M))), 'Deadline passed 7 min ago');
    assert.equal(passed.nb(sincePassed(-40_000)), 'Fristen gikk ut nå nettopp');
    assert.equal(passed.en(sincePassed(-40_000)), 'Deadline just passed');
  });
});

import assert from 'node:assert/strict';
import {
  deadlineOf, latestDueMilestone, milestonesUntilDeadline, nextMilestone, presentMoment, hoursOfKey,
} from '../../../server/domains/clock/clock.rules.js';
import { easterSunday, norwegianHoliday } from '../../../server/domains/clock/norwegian-holidays.js';

const settings = { milestoneHours: [24, 48, 60, 66, 70, 71], overdueRepeatHours: 6 };

describe('clock rules', () => {
  it('puts the deadline 72 elapsed hours after awareness across the spring DST change', () => {
    // Aware Friday 27 March 2026 10:30 Oslo (CET, +01:00); clocks go forward Sunday 29 March 02:00.
    const aware = new Date('2026-03-27T09:30:00Z');
    const deadline = deadlineOf(aware);
    assert.equal(deadline.toISOString(), '2026-03-30T09:30:00.000Z');
    const view = presentMoment(deadline);
    // 72 elapsed hours read as 11:30 on the Oslo wall clock, not 10:30.
    assert.equal(view.oslo, '2026-03-30T11:30:00.000+02:00');
    assert.match(view.osloText.nb, /mandag 30\. mars 2026 kl\. 11:30/);
    assert.equal(view.weekend, false);
  });

  it('puts the deadline 72 elapsed hours after awareness across the autumn DST change', () => {
    // Aware Friday 23 October 2026 10:30 Oslo (CEST, +02:00); clocks go back Sunday 25 October 03:00.
    const aware = new Date('2026-10-23T08:30:00Z');
    const deadline = deadlineOf(aware);
    assert.equal(deadline.toISOString(), '2026-10-26T08:30:00.000Z');
    assert.equal(presentMoment(deadline).oslo, '2026-10-26T09:30:00.000+01:00');
  });

  it('keeps every milestone at elapsed hours across a DST change', () => {
    const aware = new Date('2026-10-23T08:30:00Z');
    const ms = milestonesUntilDeadline(aware, settings);
    assert.deepEqual(ms.map((m) => m.key), ['h24', 'h48', 'h60', 'h66', 'h70', 'h71', 'deadline']);
    for (const m of ms) assert.equal(m.dueAt.getTime() - aware.getTime(), m.hours * 3_600_000);
    // 48 elapsed hours cross the change: the Oslo wall clock shows 09:30, not 10:30.
    assert.equal(presentMoment(ms[1]!.dueAt).oslo, '2026-10-25T09:30:00.000+01:00');
  });

  it('says when the deadline falls at night, on a weekend or a public holiday', () => {
    const night = presentMoment(new Date('2026-06-06T23:15:00Z')); // Sunday 01:15 Oslo
    assert.equal(night.atNight, true);
    assert.equal(night.weekend, true);
    assert.equal(night.weekday.en, 'Sunday');
    const constitutionDay = presentMoment(new Date('2026-05-17T10:00:00Z'));
    assert.deepEqual(constitutionDay.holiday, { nb: 'Grunnlovsdag', en: 'Constitution Day' });
    const goodFriday = presentMoment(new Date('2026-04-03T10:00:00Z'));
    assert.equal(goodFriday.holiday?.nb, 'Langfredag');
    assert.equal(presentMoment(new Date('2026-04-07T10:00:00Z')).holiday, null);
  });

  it('computes Easter and the holidays that move with it', () => {
    assert.deepEqual(easterSunday(2026), { month: 4, day: 5 });
    assert.deepEqual(easterSunday(2027), { month: 3, day: 28 });
    assert.equal(norwegianHoliday(2026, 5, 14)?.en, 'Ascension Day');
    assert.equal(norwegianHoliday(2026, 5, 25)?.en, 'Whit Monday');
    assert.equal(norwegianHoliday(2026, 5, 26), undefined);
  });

  it('collapses missed milestones into the latest one due, overdue reminders included', () => {
    const aware = new Date('2026-01-05T08:00:00Z');
    assert.equal(latestDueMilestone(aware, new Date('2026-01-06T07:59:59Z'), settings), undefined);
    assert.equal(latestDueMilestone(aware, new Date('2026-01-07T09:00:00Z'), settings)?.key, 'h48');
    assert.equal(latestDueMilestone(aware, new Date('2026-01-08T08:00:00Z'), settings)?.key, 'deadline');
    assert.equal(latestDueMilestone(aware, new Date('2026-01-08T14:00:00Z'), settings)?.key, 'overdue-1');
    assert.equal(latestDueMilestone(aware, new Date('2026-01-09T01:00:00Z'), settings)?.key, 'overdue-2');
  });

  it('finds the next milestone, past the deadline too', () => {
    const aware = new Date('2026-01-05T08:00:00Z');
    assert.equal(nextMilestone(aware, aware, settings).key, 'h24');
    assert.equal(nextMilestone(aware, new Date('2026-01-08T08:00:00Z'), settings).key, 'overdue-1');
    assert.equal(nextMilestone(aware, new Date('2026-01-08T14:00:00Z'), settings).key, 'overdue-2');
    assert.equal(hoursOfKey('overdue-2', settings), 84);
    assert.equal(hoursOfKey('h60', settings), 60);
  });
});

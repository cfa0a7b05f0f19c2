import assert from 'node:assert/strict';
import { sayBoth, type Message } from '../../../notifications/messages/index.js';
import { ALERT_KINDS } from '../../../server/domains/alerts/alert.model.js';

describe('the push message catalogue', () => {
  it('words what is due for every kind of alert in both languages, with no internal key', () => {
    const seen = new Set<string>();
    for (const kind of ALERT_KINDS) {
      for (const milestone of kind === 'milestone' ? ['h24', 'h71', 'deadline'] : [kind === 'overdue' ? 'overdue-1' : kind]) {
        const { nb, en } = sayBoth({ code: 'push.due', params: { kind, milestone, hoursElapsed: kind === 'overdue' ? 78 : Number(milestone.slice(1)) || 24 } });
        assert.doesNotMatch(`${nb} ${en}`, /h\d\d|overdue-|triage-overrun|follow-up-due|controller-notice-due|undefined|NaN/, `${kind}/${milestone}: ${nb} / ${en}`);
        assert.doesNotMatch(nb, /\b(the|hours|deadline|notify)\b/i, `English in the bokmål: ${nb}`);
        seen.add(nb);
      }
    }
    assert.equal(seen.size, ALERT_KINDS.length + 2, 'each kind (and the deadline) has words of its own');
  });

  it('gives the time left and the deadline in Oslo time with UTC beside it, in summer and winter', () => {
    const left: Message = { code: 'push.left', params: { ms: (5 * 60 + 7) * 60_000 + 59_000 } };
    assert.deepEqual(sayBoth(left), { nb: '5 t 07 min igjen', en: '5 h 07 min left' });
    assert.deepEqual(sayBoth({ code: 'push.left', params: { ms: -90 * 60_000 } }), { nb: '1 t 30 min over fristen', en: '1 h 30 min past the deadline' });
    assert.deepEqual(sayBoth({ code: 'push.deadline', params: { at: new Date('2026-07-01T10:00:00Z') } }), {
      nb: 'Frist ons. 1. jul kl. 12:00 (10:00 UTC)', en: 'Deadline Wed 1 Jul, 12:00 Oslo time (10:00 UTC)',
    });
    assert.equal(sayBoth({ code: 'push.deadline', params: { at: new Date('2026-01-08T08:00:00Z') } }).nb, 'Frist tor. 8. jan kl. 09:00 (08:00 UTC)');
  });
});

import assert from 'node:assert/strict';
import { mostUrgentClock } from '../../../server/domains/clock/urgent-clock.rules.js';

const aware = new Date('2026-03-02T10:00:00Z');
const at = (hours: number) => new Date(aware.getTime() + hours * 3_600_000);
const running = { state: 'running' as const, deadline: at(72) };

describe('the clock kept in view: the most urgent legal one', () => {
  it('a controller runs the 72 hours to Datatilsynet', () => {
    assert.equal(mostUrgentClock({ role: 'controller', authority: running, controller: { targetAt: null, informedAt: null } }), 'authority');
  });

  it('a processor notifying on the controller\'s behalf: the sooner deadline to tell the controller until it is told, then the 72 hours', () => {
    assert.equal(mostUrgentClock({ role: 'processor', authority: running, controller: { targetAt: at(24), informedAt: null } }), 'controller');
    assert.equal(mostUrgentClock({ role: 'processor', authority: running, controller: { targetAt: at(24), informedAt: at(5) } }), 'authority');
    assert.equal(mostUrgentClock({ role: 'processor', authority: running, controller: { targetAt: at(96).toISOString(), informedAt: null } }), 'authority', 'whichever ends first');
    assert.equal(mostUrgentClock({ role: 'processor', authority: { state: 'stopped', deadline: at(72) }, controller: { targetAt: at(24), informedAt: null } }), 'controller');
  });

  it('a processor whose controller notifies runs only its clock to the controller', () => {
    const notStarted = { state: 'not-started' as const, deadline: null };
    assert.equal(mostUrgentClock({ role: 'processor', authority: notStarted, controller: { targetAt: at(24), informedAt: null } }), 'controller');
    assert.equal(mostUrgentClock({ role: 'processor', authority: notStarted, controller: { targetAt: at(24), informedAt: at(3) } }), 'controller');
  });
});

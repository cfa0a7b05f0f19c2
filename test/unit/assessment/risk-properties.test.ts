import assert from 'node:assert/strict';
import { assess } from '../../../server/domains/assessment/risk-engine.js';
import type { RiskFacts } from '../../../server/domains/assessment/risk-facts.js';
import { generator } from './risk-facts.fixture.js';

/** The outcome as an order: the risk level, and how far the duties reach (none, Datatilsynet, the people too). */
function rank(f: RiskFacts): [number, number] {
  const r = assess(f);
  const duties = (r.recommendation.notifySA ? 1 : 0) + (r.recommendation.notifySubjects || r.recommendation.publicCommunication ? 1 : 0);
  return [{ unlikely: 0, risk: 1, high: 2 }[r.risk], duties];
}

type Change = [name: string, change: (f: RiskFacts) => RiskFacts | null];

const HARMFUL: Change[] = [
  ['more people', (f) => {
    const c = f.subjects.count;
    if (c.kind === 'unknown') return null;
    const scale = (n: number | null) => (n === null ? null : n * 10 + 100);
    return { ...f, subjects: { ...f.subjects, count: { ...c, value: scale(c.value), min: scale(c.min), max: scale(c.max) } } };
  }],
  ['vulnerable people', (f) => ({ ...f, subjects: { ...f.subjects, vulnerable: true } })],
  ['misuse seen', (f) => ({ ...f, misuseObserved: 'confirmed' })],
  ['key compromised', (f) => ({ ...f, encryption: { ...f.encryption, keyCompromised: true } })],
  ['publication', (f) => ({ ...f, recipients: { ...f.recipients, type: 'public' }, unauthorisedAccess: 'confirmed' })],
  ['more recipients', (f) => ({ ...f, recipients: { ...f.recipients, count: (f.recipients.count ?? 1) * 20 } })],
  ['a recorded consequence', (f) => ({ ...f, likelyConsequences: [...new Set([...f.likelyConsequences, 'physical_safety' as const])] })],
  ['the data lost for good', (f) => ({ ...f, availabilityImpact: 'permanent' })],
  ['the outage harmed people', (f) => ({ ...f, outageHarmedPeople: true })],
  ['a revealing relationship', (f) => ({ ...f, sensitiveRelationship: true })],
];

const MITIGATING: Change[] = [
  ['confirmed deletion by a known recipient', (f) => (['trusted_known', 'untrusted_known'].includes(f.recipients.type) ? { ...f, recipients: { ...f.recipients, confirmedDeletion: true } } : null)],
  ['restored within hours', (f) => (f.availabilityImpact === 'permanent' || f.availabilityImpact === 'none' ? null : {
    ...f, availabilityImpact: 'temporary', backup: { available: true, restored: true, restoreHours: Math.min(f.backup.restoreHours ?? 2, 2) },
  })],
  ['state-of-the-art encryption with a safe key', (f) => ({ ...f, encryption: { dataEncrypted: true, stateOfTheArt: true, keyCompromised: false } })],
  ['cards blocked and passwords reset', (f) => ({ ...f, neutralised: true })],
  ['nobody harmed by the outage', (f) => (f.outageHarmedPeople === null ? { ...f, outageHarmedPeople: false } : null)],
];

const SAMPLES = 1_500;

/**
 * Applies a change to generated facts and checks every changed sample against `holds` (outcome ranks
 * before and after); returns how many samples the change applied to.
 */
function compareChanged(seed: number, name: string, change: Change[1], holds: (before: [number, number], after: [number, number]) => boolean, verb: string): number {
  const next = generator(seed);
  let compared = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const before = next();
    const after = change(before);
    if (!after) continue;
    compared++;
    assert.ok(holds(rank(before), rank(after)), `${name} ${verb} the outcome of sample ${i}: ${JSON.stringify(before)}`);
  }
  return compared;
}

describe('risk engine properties over generated facts', () => {
  for (const [name, change] of HARMFUL) {
    it(`adding a harmful fact never lowers the outcome: ${name}`, () => {
      const compared = compareChanged(0xb4ea + name.length, name, change, ([rb, db], [ra, da]) => ra >= rb && da >= db, 'lowered');
      assert.ok(compared > SAMPLES / 2, `only ${compared} samples compared`);
    });
  }

  for (const [name, change] of MITIGATING) {
    it(`adding a mitigating fact never raises the outcome: ${name}`, () => {
      const compared = compareChanged(0x5afe + name.length, name, change, ([rb, db], [ra, da]) => ra <= rb && da <= db, 'raised');
      assert.ok(compared > SAMPLES / 5, `only ${compared} samples compared`);
    });
  }

  it('the generator reaches every outcome, so the properties are not vacuous', () => {
    const next = generator(7);
    const seen = new Set<string>();
    for (let i = 0; i < SAMPLES; i++) {
      const r = assess(next());
      seen.add(r.risk);
      if (r.recommendation.exemption) seen.add(r.recommendation.exemption);
    }
    assert.deepEqual([...seen].sort(), ['disproportionate', 'encrypted', 'high', 'mitigated', 'risk', 'unlikely']);
  });
});

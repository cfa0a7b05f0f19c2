import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { assess, METHOD_VERSION } from '../../../server/domains/assessment/risk-engine.js';
import { generator } from './risk-facts.fixture.js';

/**
 * The outcomes each method version gives on the same 5 000 generated incidents. A change that moves any
 * outcome must come with a new METHOD_VERSION (stored with every assessment) and a new line here.
 */
const FINGERPRINTS: Record<string, string> = {
  'breach-clock-risk/2.0': '90061daf7fea8697bb4fae678eb3aa751918f6c916be541a5f278c9b42966b46',
  'breach-clock-risk/2.1': '7dfc1ba36c02e0bd9b9fe7bea5731f838eb197054e1b7d452046842ddc1689e1',
};

describe('the method version', () => {
  it('changes whenever the same facts would get a different outcome', () => {
    const next = generator(2026);
    const hash = createHash('sha256');
    for (let i = 0; i < 5_000; i++) {
      const r = assess(next());
      hash.update(JSON.stringify([r.risk, r.recommendation]));
    }
    assert.equal(hash.digest('hex'), FINGERPRINTS[METHOD_VERSION], `outcomes differ from those recorded for ${METHOD_VERSION}: raise METHOD_VERSION, say why in docs/risk-method.md, and record the new fingerprint`);
  });
});

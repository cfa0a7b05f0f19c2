import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sayBoth, type Message } from '../../../notifications/messages/index.js';
import { RISK_MESSAGES } from '../../../notifications/messages/risk.messages.js';
import { factsFromReferenceCase, type ReferenceFacts } from '../../../server/domains/assessment/reference-case.adapter.js';
import { assess } from '../../../server/domains/assessment/risk-engine.js';
import { generator } from '../assessment/risk-facts.fixture.js';

/** Every message the engine gives over the worked cases and a few thousand generated ones. */
function messagesInUse(): Message[] {
  const out: Message[] = [];
  const fixtures = ['edpb-public.json', 'authorities.json'].flatMap((file) =>
    JSON.parse(readFileSync(new URL(`../../fixtures/risk-cases/${file}`, import.meta.url), 'utf8')) as { facts: ReferenceFacts }[]);
  const next = generator(42);
  const all = [...fixtures.map((c) => factsFromReferenceCase(c.facts)), ...Array.from({ length: 3_000 }, next)];
  for (const [i, f] of all.entries()) {
    // Some assessed before the deadline, some after it ran out unfiled: the outcome is worded for each.
    const r = assess(f, { deadlinePassed: i % 2 === 1 });
    out.push(...r.reasons, ...r.missingFacts.map((m) => m.question), ...r.enisa.dpc.parts, r.enisa.ei.part, ...r.enisa.cb.map((c) => c.part));
  }
  return out;
}

describe('the risk message catalogue', () => {
  const used = messagesInUse();

  it('has no code the engine never gives', () => {
    const given = new Set(used.map((m) => m.code));
    assert.deepEqual(Object.keys(RISK_MESSAGES).filter((code) => !given.has(code as Message['code'])), []);
  });

  it('words every message in both languages, with no English left in the bokmål and no unfilled parameter', () => {
    for (const m of used) {
      const { nb, en } = sayBoth(m);
      assert.ok(nb.length > 5 && en.length > 5, m.code);
      assert.doesNotMatch(`${nb} ${en}`, /undefined|null|NaN|\[object/, `${m.code}: ${nb} / ${en}`);
      assert.doesNotMatch(nb, /\b(the|and|data|people|recipient|likelihood|hours)\b/, `English in the bokmål of ${m.code}: ${nb}`);
      assert.match(nb, /^[A-ZÆØÅ]/, m.code);
    }
  });

  it('writes numbers the Norwegian way in bokmål', () => {
    const m: Message = { code: 'enisa.score', params: { score: 2.75, band: 'medium', dpc: 2.5, ei: 0.75, circumstances: 0.875 } };
    assert.match(sayBoth(m).nb, /alvorlighetsgrad 2,75 \(middels\) = behandlingskontekst 2,5 × identifiserbarhet 0,75/);
    assert.match(sayBoth({ code: 'matrix.many-people', params: { people: 1200 } }).nb, /for minst 1 200 personer/);
  });
});

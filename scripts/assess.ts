import { readFileSync } from 'node:fs';
import { assess } from '../server/domains/assessment/risk-engine.js';
import { factsFromReferenceCase, type ReferenceFacts } from '../server/domains/assessment/reference-case.adapter.js';

/**
 * Reads a JSON array of { id, facts } in the reference-case format and prints, for each, the engine's
 * answer: { id, notifySA, notifySubjects, exemption, severity: { score, band }, risk, reasons }.
 */
function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run --silent assess -- FILE   (a JSON array of { "id", "facts" })');
    process.exit(2);
  }
  let cases: { id: string; facts: ReferenceFacts }[];
  try {
    cases = JSON.parse(readFileSync(file, 'utf8')) as { id: string; facts: ReferenceFacts }[];
    if (!Array.isArray(cases)) throw new Error('the file must hold a JSON array');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    process.exit(2);
  }
  const out = cases.map(({ id, facts }) => {
    const result = assess(factsFromReferenceCase(facts ?? {}));
    return {
      id,
      notifySA: result.recommendation.notifySA,
      notifySubjects: result.recommendation.notifySubjects,
      exemption: result.recommendation.exemption,
      publicCommunication: result.recommendation.publicCommunication,
      severity: { score: result.severity.score, band: result.severity.band },
      risk: result.risk,
      reasons: result.reasons.map((r) => `${r.en} [${r.article}]`),
      missingFacts: result.missingFacts.map((m) => m.question.en),
    };
  });
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main();

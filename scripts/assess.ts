import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HARM_LABELS } from '../notifications/messages/risk.messages.js';
import { say, sayBoth, type Message } from '../notifications/messages/index.js';
import { assess, type Assessment } from '../server/domains/assessment/risk-engine.js';
import { factsFromReferenceCase, ReferenceFacts } from '../server/domains/assessment/reference-case.adapter.js';

const USAGE = 'usage: npm run --silent assess -- FILE [--explain]   (FILE: a JSON array of { "id", "facts" })';
const Cases = z.array(z.object({ id: z.string().min(1), facts: ReferenceFacts.default({}) }));

const LIKELIHOOD = ['negligible', 'low', 'likely', 'very likely'];
const SEVERITY = ['minimal', 'limited', 'significant', 'serious', 'very serious'];

/** The factors with their values, then every reason in bokmål and English, for a reviewer. */
function explain(id: string, a: Assessment): string {
  const f = a.factors;
  const r = a.recommendation;
  const lines = [
    `== ${id}`,
    `outcome: risk ${a.risk}; notify Datatilsynet ${r.notifySA ? 'yes' : 'no'}; tell the people ${r.notifySubjects ? 'yes' : 'no'}; exemption ${r.exemption ?? 'none'}${r.publicCommunication ? '; public communication' : ''}${r.informController ? '; inform the controller (processor)' : ''}`,
    'factors:',
    `  type of breach: ${f.breachTypes.value.join(', ')}${f.breachTypes.assumed ? ' (assumed)' : ''}`,
    `  nature of data: ${f.data.categories.join(', ')}; worst harm ${HARM_LABELS[f.data.worstHarm].en}, ${SEVERITY[f.data.severity]}${f.data.limitedDetail ? '; limited detail' : ''}${f.data.sensitiveRelationship ? '; revealing relationship' : ''}${f.data.neutralised.length ? `; neutralised ${f.data.neutralised.join(', ')}` : ''}`,
    `  ease of identification: ${f.identification}`,
    `  recorded consequences: ${f.consequences.recorded.join(', ') || 'none'} (${SEVERITY[f.consequences.severity]})`,
    `  people: ${f.people.lowerBound ?? 'unknown'}${f.people.many ? ' (many)' : ''}${f.people.vulnerable ? ', vulnerable' : ''}`,
    ...f.byType.map((t) => `  ${t.type}: likelihood ${LIKELIHOOD[t.likelihood]} × severity ${SEVERITY[t.severity]} (${HARM_LABELS[t.harm].en}) → ${t.risk}`),
    `  ENISA: ${a.enisa.score} (${a.enisa.band}) = ${a.enisa.dpc.value} × ${a.enisa.ei.value} + ${a.enisa.cb.reduce((s, c) => s + c.value, 0)}`,
    'reasons:',
  ];
  for (const reason of a.reasons) {
    const text = sayBoth(reason as Message);
    lines.push(`  - ${reason.code} [${reason.article}]`, `      nb: ${text.nb}`, `      en: ${text.en}`);
  }
  if (a.missingFacts.length) {
    lines.push('would change the answer:');
    for (const m of a.missingFacts) lines.push(`  - ${m.fact}: ${say(m.question, 'en')} / ${say(m.question, 'nb')}`);
  }
  return lines.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(USAGE);
    process.exit(2);
  }
  let cases: z.infer<typeof Cases>;
  try {
    const parsed = Cases.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    cases = parsed.data;
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    process.exit(2);
  }
  const results = cases.map(({ id, facts }) => ({ id, result: assess(factsFromReferenceCase(facts)) }));
  if (args.includes('--explain')) {
    process.stdout.write(`${results.map(({ id, result }) => explain(id, result)).join('\n\n')}\n`);
    return;
  }
  const out = results.map(({ id, result }) => ({
    id,
    notifySA: result.recommendation.notifySA,
    notifySubjects: result.recommendation.notifySubjects,
    exemption: result.recommendation.exemption,
    publicCommunication: result.recommendation.publicCommunication,
    informController: result.recommendation.informController,
    severity: { score: result.enisa.score, band: result.enisa.band },
    risk: result.risk,
    method: result.method,
    reasons: result.reasons.map((r) => `${say(r as Message, 'en')} [${r.article}]`),
    missingFacts: result.missingFacts.map((m) => say(m.question, 'en')),
  }));
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main();

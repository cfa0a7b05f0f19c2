import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../server/db/build-ferretdb.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'risk-cases');
const files = readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort();

interface ReferenceCase {
  id: string;
  source: string;
  expected: { notifySA: boolean; notifySubjects: boolean; exemptionAccept: (string | null)[]; informController?: boolean };
}
interface Answer { id: string; notifySA: boolean; notifySubjects: boolean; exemption: string | null; informController: boolean; severity: { score: number; band: string }; risk: string; reasons: string[] }

const assessFile = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/assess.ts', ...args], { cwd: projectRoot, encoding: 'utf8' });

describe('the assess command on the worked cases', () => {
  it('finds the public EDPB cases and the cases from other public material in the repository', () => {
    assert.deepEqual(files, ['authorities.json', 'edpb-public.json']);
  });

  for (const file of files) {
    it(`gives every case in ${file} the expected notifications and an accepted exemption, with reasons`, () => {
      const path = join(fixtures, file);
      const run = assessFile(path);
      assert.equal(run.status, 0, run.stderr);
      const answers = JSON.parse(run.stdout) as Answer[];
      const cases = JSON.parse(readFileSync(path, 'utf8')) as ReferenceCase[];
      assert.equal(answers.length, cases.length);
      const wrong: string[] = [];
      for (const c of cases) {
        assert.ok(c.source.length > 20, `${c.id} names its source`);
        const a = answers.find((x) => x.id === c.id);
        assert.ok(a, `an answer for ${c.id}`);
        if (a.notifySA !== c.expected.notifySA || a.notifySubjects !== c.expected.notifySubjects || !c.expected.exemptionAccept.includes(a.exemption)
          || (c.expected.informController !== undefined && a.informController !== c.expected.informController)) {
          wrong.push(`${c.id}: got SA ${a.notifySA}, subjects ${a.notifySubjects}, exemption ${a.exemption}, risk ${a.risk}`);
        }
        assert.ok(a.reasons.length >= 5 && a.reasons.every((r) => /\[.+\]$/.test(r)), 'reasons cite their provision');
        assert.ok(['low', 'medium', 'high', 'very high'].includes(a.severity.band));
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('explains each case: the factors with their values and every reason in bokmål and English', () => {
    const run = assessFile(join(fixtures, 'edpb-public.json'), '--explain');
    assert.equal(run.status, 0, run.stderr);
    const block = run.stdout.split('\n\n').find((b) => b.startsWith('== EDPB-01-2021-case-13'));
    assert.ok(block, 'a block per case');
    assert.match(block, /outcome: risk unlikely; notify Datatilsynet no; tell the people no/);
    assert.match(block, /confidentiality: likelihood likely × severity limited \(unwanted contact, spam or phishing attempts\) → unlikely/);
    assert.match(block, /people: 2\b/);
    assert.match(block, /nb: Konfidensialitet: kjente mottakere uten taushetsplikt har opplysningene; sannsynligheten for skade er stor\./);
    assert.match(block, /en: Confidentiality: identified recipients with no duty of confidentiality have the data \(likelihood of harm: likely\)\./);
    assert.match(block, /ENISA: \d/);
  });

  it('refuses a missing file with a usage line, and a malformed case naming the field', () => {
    const run = assessFile();
    assert.equal(run.status, 2);
    assert.match(run.stderr, /usage: npm run --silent assess -- FILE/);
    const bad = assessFile(join(projectRoot, 'package.json'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /cannot read .*package\.json/);
  });
});

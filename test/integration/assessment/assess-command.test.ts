import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../server/db/build-ferretdb.js';

const casesFile = join(projectRoot, '..', 'shared', 'reference-cases', 'cases.json');

interface ReferenceCase {
  id: string;
  expected: { notifySA: boolean; notifySubjects: boolean; exemptionAccept: (string | null)[] };
}

describe('the assess command on the public reference cases', () => {
  it('gives every case the expected notifications and an accepted exemption, with reasons', () => {
    assert.ok(existsSync(casesFile), `the reference cases are expected at ${casesFile} (shared/ beside the project)`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/assess.ts', casesFile], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const answers = JSON.parse(run.stdout) as { id: string; notifySA: boolean; notifySubjects: boolean; exemption: string | null; severity: { score: number; band: string }; risk: string; reasons: string[] }[];
    const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as ReferenceCase[];
    assert.equal(answers.length, cases.length);
    const wrong: string[] = [];
    for (const c of cases) {
      const a = answers.find((x) => x.id === c.id);
      assert.ok(a, `an answer for ${c.id}`);
      if (a.notifySA !== c.expected.notifySA || a.notifySubjects !== c.expected.notifySubjects || !c.expected.exemptionAccept.includes(a.exemption)) {
        wrong.push(`${c.id}: got SA ${a.notifySA}, subjects ${a.notifySubjects}, exemption ${a.exemption}`);
      }
      assert.ok(a.reasons.length >= 3 && a.reasons.every((r) => /\[.+\]$/.test(r)), 'reasons cite their article');
      assert.ok(['low', 'medium', 'high', 'very high'].includes(a.severity.band));
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses a missing file with a usage line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/assess.ts'], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /usage: npm run --silent assess -- FILE/);
  });
});

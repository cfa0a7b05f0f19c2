import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { wrongWay } from '../../../scripts/lint/import-direction.js';

/** Lints a would-be file with the project's own configuration, as `npm run lint` does. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'layers/import-direction').map((m) => m.message);
}

describe('lint: imports point one way', function () {
  this.timeout(30_000);

  it('fails a domain that imports the socket layer, and one that imports a domain above it', async () => {
    const found = await problems('server/domains/incidents/example.ts', [
      "import type { Broadcaster } from '../../realtime/broadcaster.js';",
      "import type { ClockService } from '../clock/clock.service.js';",
      'export type Both = Broadcaster | ClockService;',
    ].join('\n'));
    assert.equal(found.length, 2);
    assert.match(found[0]!, /domains\/incidents is below realtime/);
    assert.match(found[1]!, /domains\/incidents comes before domains\/clock/);
  });

  it('fails the words importing a domain, re-exports included', async () => {
    const found = await problems('notifications/example.ts', "export type { Incident } from '../server/domains/incidents/incident.model.js';\n");
    assert.equal(found.length, 1);
  });

  it('lets a domain use lower domains, pure rules and notifications, and the container use anything', async () => {
    assert.deepEqual(await problems('server/domains/clock/example.ts', [
      "import type { Incident } from '../incidents/incident.model.js';",
      "import { say } from '../../../notifications/messages/index.js';",
      'export const x = (i: Incident) => say;',
    ].join('\n')), []);
    assert.deepEqual(await problems('server/domains/incidents/example.ts', "export { deadlineOf } from '../clock/clock.rules.js';\n"), []);
    assert.deepEqual(await problems('server/example.ts', "export { Broadcaster } from './realtime/broadcaster.js';\n"), []);
  });

  it('keeps rules modules pure and lib below the words', () => {
    assert.match(wrongWay('server/domains/clock/clock.rules.ts', 'server/domains/incidents/incident.model.ts') ?? '', /pure module/);
    assert.equal(wrongWay('server/domains/incidents/incident.model.ts', 'server/domains/obligations/obligation.view.ts'), undefined);
    assert.ok(wrongWay('server/lib/errors.ts', 'notifications/messages/index.ts'));
    assert.equal(wrongWay('server/http/route.ts', 'server/lib/errors.ts'), undefined);
    assert.ok(wrongWay('server/jobs/scheduler.ts', 'server/domains/clock/clock.service.ts'));
  });
});

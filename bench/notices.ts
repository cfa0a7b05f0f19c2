/**
 * Notice rendering: renders per second for each kind (one core, precompiled templates, the sample
 * incident) and the p99 latency of the render endpoint (POST /api/incidents/:id/notices/preview)
 * over HTTP on loopback against the embedded database. Target: 20,000 renders/s per kind.
 *
 *   npm run bench:notices
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGS, NOTICE_KINDS, noticeContext } from '../notifications/catalog.js';
import { defaultTemplates, renderNotice } from '../notifications/render.js';
import { sampleAdvice, sampleContact, sampleIncident } from '../notifications/sample.js';
import { loadConfig } from '../server/config.js';
import { EmbeddedFerretdb } from '../server/db/embedded-ferretdb.js';
import { systemContext } from '../server/domains/audit/audit.service.js';
import { createLogger } from '../server/lib/logger.js';
import { startService } from '../server/service.js';

const RENDERS = Number(process.env.RENDERS ?? 50_000);
const REQUESTS = Number(process.env.REQUESTS ?? 500);

async function main(): Promise<void> {
  const incident = sampleIncident();
  const perKind: Record<string, number> = {};
  for (const kind of NOTICE_KINDS) {
    let total = 0;
    let elapsed = 0;
    for (const lang of LANGS) {
      const template = defaultTemplates().find((t) => t.kind === kind && t.lang === lang)!;
      const context = noticeContext(kind, lang, incident, { phase: 'complete', late: false, organisation: 'Eksempel AS', contact: sampleContact, adviceToSubjects: sampleAdvice }, new Date());
      renderNotice(`bench:${kind}:${lang}`, template.source, context);
      const started = process.hrtime.bigint();
      for (let i = 0; i < RENDERS / 2; i++) renderNotice(`bench:${kind}:${lang}`, template.source, context);
      elapsed += Number(process.hrtime.bigint() - started) / 1e9;
      total += RENDERS / 2;
    }
    perKind[kind] = Math.round(total / elapsed);
  }

  const logger = createLogger('silent');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-notices-'));
  const ferretdb = process.env.MONGODB_URI ? undefined : new EmbeddedFerretdb({ dataDir, port: 0, logger });
  const uri = process.env.MONGODB_URI ?? (await ferretdb!.start());
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', ADMIN_EMAIL: 'a@bench.test', ADMIN_PASSWORD: 'bench password 123', ORGANISATION_NAME: 'Eksempel AS', PROCESS_ROLES: 'web' });
  const service = await startService({ config, logger, mongoUri: uri, dbName: `bench_notices_${Date.now()}` });
  const ctx = systemContext('bench');
  const user = await service.container.users.create(ctx, { name: 'DPO', email: 'dpo@bench.test', roles: ['dpo', 'analyst'], password: 'bench password 123' });
  const actor = { id: String(user._id), email: user.email, name: user.name, roles: user.roles };
  const facts = sampleIncident();
  const { incident: created } = await service.container.incidents.create(ctx, actor, { ...facts, title: facts.title, description: facts.description, awareAt: new Date() } as never, false);
  const token = service.container.tokens.sign(actor.id, await service.container.auth.startSession(actor.id)).token;
  const latencies: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${service.url}/api/incidents/${String(created._id)}/notices/preview`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: NOTICE_KINDS[i % 4], lang: LANGS[i % 2], adviceToSubjects: 'x' }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`preview answered ${res.status}`);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.ceil((p / 100) * latencies.length) - 1]! * 10) / 10;
  const result = {
    rendersPerSecond: perKind,
    target: '>= 20000 renders/s per kind on one core',
    previewEndpoint: { requests: REQUESTS, p50Ms: pct(50), p99Ms: pct(99), maxMs: Math.round(latencies.at(-1)! * 10) / 10 },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(Object.values(perKind).every((r) => r >= 20_000) ? 'render target met' : 'render target NOT met');
  await service.stop();
  await ferretdb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

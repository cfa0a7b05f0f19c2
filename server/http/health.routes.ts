import { Router } from 'express';

export interface Readiness {
  /** Each named check and whether it passes. */
  check(): Promise<Record<string, boolean>>;
}

/** /healthz: the process is alive. /readyz: the database answers and the scheduler runs; 503 otherwise. */
export function healthRoutes(readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'alive' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks = await readiness.check();
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });
  return router;
}

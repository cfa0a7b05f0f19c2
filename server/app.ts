import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { noticeStyleHashes } from '../notifications/render.js';
import { accessLog } from './http/access-log.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { healthRoutes, type Readiness } from './http/health.routes.js';
import { buildOpenApi } from './http/openapi.js';
import { requestId } from './http/request-id.js';
import { buildRouter, type AnyRoute, type Guard } from './http/route.js';
import type { Logger } from './lib/logger.js';

const clientDist = join(dirname(fileURLToPath(import.meta.url)), '..', 'client', 'dist');
/** The service worker, the web app manifest and its icons, served as they are at the root (the worker's scope is `/`). */
const clientPublic = join(dirname(fileURLToPath(import.meta.url)), '..', 'client', 'public');

/** Development only: tells open dashboards to reload when the client is rebuilt. */
export interface DevReload {
  subscribe(listener: () => void): () => void;
}

export interface AppDeps {
  logger: Logger;
  devReload?: DevReload;
  readiness: Readiness;
  routes: AnyRoute[];
  guard: Guard;
  trustProxy?: boolean;
  version?: string;
}

/** The Express app; it never listens, so supertest can drive it without a port. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.set('query parser', 'simple');
  app.use(requestId);
  app.use(accessLog(deps.logger));
  app.use(
    helmet({
      // The dashboard sets styles through the CSSOM only, so inline styles need not be allowed; a notice previewed in
      // a sandboxed frame inherits this policy, so the notice layout's own style sheet is allowed by its hash.
      contentSecurityPolicy: { directives: { 'style-src': ["'self'", ...noticeStyleHashes()], 'form-action': ["'self'"], 'worker-src': ["'self'"], 'manifest-src': ["'self'"] } },
      // Sent below, and only over HTTPS: over plain HTTP a browser ignores it, and a test or local instance must not pin it.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  // Answers under /api are about one signed-in person or carry case data (CSV, PDF, sign-in): no cache keeps them.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(express.json({ limit: '256kb', strict: true }));
  // Only the acknowledgement page posts a form.
  app.use(express.urlencoded({ extended: false, limit: '8kb' }));
  app.use(healthRoutes(deps.readiness));

  const openapi = buildOpenApi(deps.routes, '/api', deps.version ?? '0.1.0');
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/api', buildRouter(deps.routes, deps.guard));

  if (deps.devReload) {
    const reload = deps.devReload;
    app.get('/__dev/reload', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(': waiting for a rebuild\n\n');
      req.on('close', reload.subscribe(() => res.write('data: reload\n\n')));
    });
  }

  app.use(express.static(clientPublic, {
    index: false,
    // The worker is checked for a new version on every visit; the manifest and icons may be cached a day.
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.endsWith('sw.js') ? 'no-cache' : 'public, max-age=86400'),
  }));

  // The dashboard: built files, and its HTML shell for every other GET (the client routes by hash).
  if (existsSync(join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: 'index.html', maxAge: deps.devReload ? 0 : '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(join(clientDist, 'index.html'));
    });
  }

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}

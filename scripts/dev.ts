/**
 * Development: the service on the embedded database with the dashboard rebuilt on every change and
 * reloaded in open browsers. `npm run dev` runs this under `tsx watch`, which restarts it when
 * server code changes.
 */
import { watch } from 'node:fs';
import { join } from 'node:path';
import { context } from 'esbuild';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/lib/logger.js';
import { startService } from '../server/service.js';
import { clientBuildOptions, clientDir, copyStatic } from './build-client.js';

const listeners = new Set<() => void>();
const reloadBrowsers = () => {
  for (const listener of listeners) listener();
};

copyStatic(true);
const builder = await context({
  ...clientBuildOptions,
  minify: false,
  sourcemap: 'inline',
  plugins: [{ name: 'reload', setup: (build) => build.onEnd((result) => { if (!result.errors.length) reloadBrowsers(); }) }],
});
await builder.watch();
// The stylesheet and the HTML shell are not part of the bundle's graph.
for (const file of [join(clientDir, 'src', 'app.css'), join(clientDir, 'index.html')]) {
  watch(file, () => {
    copyStatic(true);
    reloadBrowsers();
  });
}

const config = loadConfig();
const logger = createLogger(config.logLevel);
const service = await startService({
  config, logger,
  devReload: { subscribe: (listener) => { listeners.add(listener); return () => listeners.delete(listener); } },
});
logger.info(`Breach Clock (development) on ${service.url}: the dashboard reloads on every change`);

const stop = () => void builder.dispose().then(() => service.stop()).then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

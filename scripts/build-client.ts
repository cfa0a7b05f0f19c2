import { build } from 'esbuild';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'client', 'dist');

/** Bundles the dashboard into client/dist (one JS, one CSS, the HTML shell) and reports its gzip size. */
export async function buildClient(): Promise<{ js: number; jsGzip: number }> {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'client', 'src', 'main.ts')],
    bundle: true, minify: true, format: 'esm', target: 'es2022', sourcemap: false,
    outfile: join(out, 'app.js'), logLevel: 'warning',
  });
  copyFileSync(join(root, 'client', 'src', 'app.css'), join(out, 'app.css'));
  copyFileSync(join(root, 'client', 'index.html'), join(out, 'index.html'));
  const js = statSync(join(out, 'app.js')).size;
  return { js, jsGzip: gzipSync(readFileSync(join(out, 'app.js'))).length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildClient().then(({ js, jsGzip }) => console.log(`client built: app.js ${js} bytes, ${jsGzip} bytes gzipped`), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

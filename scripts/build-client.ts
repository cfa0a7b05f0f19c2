import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'client', 'dist');

export const clientDir = join(root, 'client');

export const clientBuildOptions: BuildOptions = {
  entryPoints: [join(root, 'client', 'src', 'main.tsx')],
  bundle: true, minify: true, format: 'esm', target: 'es2022', sourcemap: false,
  // Preact's JSX runtime: esbuild compiles the screens' JSX as it is, with no other build step.
  jsx: 'automatic', jsxImportSource: 'preact',
  outfile: join(out, 'app.js'), logLevel: 'warning',
};

/** Copies the stylesheet and the HTML shell; in development the shell also loads the live-reload script. */
export function copyStatic(devReload = false): void {
  mkdirSync(out, { recursive: true });
  copyFileSync(join(root, 'client', 'src', 'app.css'), join(out, 'app.css'));
  const html = readFileSync(join(root, 'client', 'index.html'), 'utf8');
  if (!devReload) {
    writeFileSync(join(out, 'index.html'), html);
    return;
  }
  writeFileSync(join(out, 'dev-reload.js'), "new EventSource('/__dev/reload').onmessage = () => location.reload();\n");
  writeFileSync(join(out, 'index.html'), html.replace('</body>', '<script src="/dev-reload.js"></script>\n</body>'));
}

/** Bundles the dashboard into client/dist (one JS, one CSS, the HTML shell) and reports its gzip size. */
export async function buildClient(): Promise<{ js: number; jsGzip: number }> {
  mkdirSync(out, { recursive: true });
  await build(clientBuildOptions);
  copyStatic();
  const js = statSync(join(out, 'app.js')).size;
  return { js, jsGzip: gzipSync(readFileSync(join(out, 'app.js'))).length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildClient().then(({ js, jsGzip }) => console.log(`client built: app.js ${js} bytes, ${jsGzip} bytes gzipped`), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

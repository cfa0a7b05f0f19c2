import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = resolve(here, '..', '..');
const sourceDir = join(here, 'ferretdb');
const defaultOutDir = join(projectRoot, '.cache', 'ferretdb');

export interface BuildOptions {
  /** Where the binary goes; git-ignored .cache/ferretdb by default. */
  outDir?: string;
  /** The Go command to build with. */
  go?: string;
  log?: (msg: string) => void;
}

export class MissingGoError extends Error {
  constructor() {
    super(
      'MONGODB_URI is not set, so Breach Clock wants to run its embedded FerretDB, but Go (1.24 or newer) is not installed to build it.\n' +
        'Either set MONGODB_URI to your own MongoDB (a replica set), or install Go and start again: the database is built once into .cache/ferretdb.',
    );
    this.name = 'MissingGoError';
  }
}

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

const patchesDir = join(sourceDir, 'patches');

/**
 * The changes made to FerretDB's source (as the module proxy serves it) before it is built: the
 * `.patch` files in server/db/ferretdb/patches, applied in name order. Each starts with why it exists.
 */
export function ferretdbPatches(): string[] {
  return readdirSync(patchesDir)
    .filter((name) => name.endsWith('.patch'))
    .sort();
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(join(sourceDir, file)));
  for (const patch of ferretdbPatches()) hash.update(patch).update(readFileSync(join(patchesDir, patch)));
  return hash.digest('hex');
}

/** Copies a directory tree with files writable (the module cache keeps them read-only). */
function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) copyFileSync(join(from, entry.name), join(to, entry.name));
  }
}

/**
 * Puts a patched copy of the FerretDB module (downloaded through the module proxy as go.mod pins it)
 * in `dir` and returns a go.work file that builds against it.
 */
function preparePatchedFerretdb(go: string, env: NodeJS.ProcessEnv, dir: string): string {
  const download = spawnSync(go, ['mod', 'download', '-json', FERRETDB_MODULE], { cwd: sourceDir, encoding: 'utf8', env });
  if (download.status !== 0) throw new Error(`go mod download ${FERRETDB_MODULE} failed: ${download.stderr || download.stdout}`);
  const info = JSON.parse(download.stdout) as { Dir?: string; Version?: string };
  if (!info.Dir || !info.Version) throw new Error(`go mod download ${FERRETDB_MODULE} did not say where the module is`);
  rmSync(dir, { recursive: true, force: true });
  copyTree(info.Dir, dir);
  for (const patch of ferretdbPatches()) {
    // `git apply` refuses a patch whose context no longer matches, so a different FerretDB version fails loudly.
    const applied = spawnSync('git', ['apply', '--whitespace=nowarn', join(patchesDir, patch)], {
      cwd: dir,
      encoding: 'utf8',
      // The copy sits inside the project's work tree; git must not take it for part of that repository.
      env: { ...env, GIT_CEILING_DIRECTORIES: dirname(dir) },
    });
    if (applied.error) throw new Error(`applying ${patch} needs git: ${applied.error.message}`);
    if (applied.status !== 0) throw new Error(`FerretDB ${info.Version}: ${patch} does not apply; the patch needs review:\n${applied.stderr}`);
  }
  const work = join(dir, '..', 'go.work');
  writeFileSync(work, `go 1.24\n\nuse ${JSON.stringify(sourceDir)}\n\nreplace ${FERRETDB_MODULE} ${info.Version} => ${JSON.stringify(dir)}\n`);
  return work;
}

/**
 * Returns the path of the embedded FerretDB binary, building it with the machine's Go first when it is
 * missing or was built from other sources. The build goes to a temporary name and is renamed into place,
 * so a concurrent start never runs a half-written file.
 */
export function ensureFerretdbBinary(options: BuildOptions = {}): string {
  const { outDir = defaultOutDir, go = 'go', log = () => {} } = options;
  const ferretdbBinary = join(outDir, 'ferretdb-embedded');
  const stampFile = join(outDir, 'source.sha256');
  const wanted = sourceHash();
  if (existsSync(ferretdbBinary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === wanted) {
    return ferretdbBinary;
  }
  const goVersion = spawnSync(go, ['version'], { encoding: 'utf8' });
  if (goVersion.error || goVersion.status !== 0) throw new MissingGoError();

  mkdirSync(outDir, { recursive: true });
  const tmp = `${ferretdbBinary}.${process.pid}.tmp`;
  const goEnv = { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly', CGO_ENABLED: '0' };
  log(`building the embedded FerretDB with ${goVersion.stdout.trim()} (first start only; takes a few minutes)`);
  const patchedDir = join(outDir, `src.${process.pid}`, 'FerretDB');
  try {
    const work = preparePatchedFerretdb(go, goEnv, patchedDir);
    const build = spawnSync(go, ['build', '-trimpath', '-buildvcs=false', '-o', tmp, '.'], {
      cwd: sourceDir,
      encoding: 'utf8',
      env: { ...goEnv, GOWORK: work },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) {
      throw new Error(`building the embedded FerretDB failed (go build exited ${build.status ?? build.signal})`);
    }
  } finally {
    rmSync(join(patchedDir, '..'), { recursive: true, force: true });
  }
  renameSync(tmp, ferretdbBinary);
  writeFileSync(stampFile, `${wanted}\n`);
  log(`embedded FerretDB built into ${outDir}`);
  return ferretdbBinary;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(`patches: ${ferretdbPatches().join(', ')}`);
    console.log(ensureFerretdbBinary({ log: console.log }));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

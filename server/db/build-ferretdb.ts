import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum']) hash.update(readFileSync(join(sourceDir, file)));
  return hash.digest('hex');
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
  log(`building the embedded FerretDB with ${goVersion.stdout.trim()} (first start only; takes a few minutes)`);
  const build = spawnSync(go, ['build', '-trimpath', '-buildvcs=false', '-o', tmp, '.'], {
    cwd: sourceDir,
    encoding: 'utf8',
    env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly', CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) {
    throw new Error(`building the embedded FerretDB failed (go build exited ${build.status ?? build.signal})`);
  }
  renameSync(tmp, ferretdbBinary);
  writeFileSync(stampFile, `${wanted}\n`);
  log(`embedded FerretDB built into ${outDir}`);
  return ferretdbBinary;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureFerretdbBinary({ log: console.log }));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}

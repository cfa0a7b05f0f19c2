import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../lib/logger.js';
import { ensureFerretdbBinary } from './build-ferretdb.js';

export interface EmbeddedFerretdbOptions {
  dataDir: string;
  /** 0 picks a free port; the port is then kept across restarts so the URI stays valid. */
  port: number;
  logger: Logger;
  /** Restart the database when it dies unexpectedly. */
  supervise?: boolean;
}

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

/**
 * FerretDB (SQLite backend) as a child process on 127.0.0.1. The child exits when its stdin closes,
 * which happens whenever this process ends, so no database outlives the service, even after SIGKILL.
 */
export class EmbeddedFerretdb {
  private child: Child | undefined;
  private port: number;
  private stopping = false;
  private restarts = 0;
  private uri: string | undefined;
  private readonly onProcessExit = () => this.child?.kill('SIGKILL');

  constructor(private readonly options: EmbeddedFerretdbOptions) {
    this.port = options.port;
  }

  /** Builds the binary if needed, starts the database and resolves with its connection URI. */
  async start(): Promise<string> {
    const binary = ensureFerretdbBinary({ log: (msg) => this.options.logger.info(msg) });
    this.stopping = false;
    this.uri = await this.spawn(binary);
    process.once('exit', this.onProcessExit);
    return this.uri;
  }

  get connectionUri(): string | undefined {
    return this.uri;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  private spawn(binary: string): Promise<string> {
    const { logger } = this.options;
    const child = spawn(
      binary,
      ['--listen', `127.0.0.1:${this.port}`, '--data-dir', resolve(this.options.dataDir), '--log-level', 'error'],
      { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, FERRETDB_TELEMETRY: 'disable', DO_NOT_TRACK: '1' } },
    );
    this.child = child;
    createInterface({ input: child.stderr }).on('line', (line) => logger.warn({ ferretdb: line }, 'ferretdb'));

    return new Promise((resolveUri, reject) => {
      let ready = false;
      const lines = createInterface({ input: child.stdout });
      lines.once('line', (line) => {
        try {
          const { uri } = JSON.parse(line) as { uri: string };
          const url = new URL(uri);
          this.port = Number(url.port);
          ready = true;
          this.restarts = 0;
          logger.info({ uri, ferretdbPid: child.pid }, 'embedded FerretDB ready');
          resolveUri(`mongodb://127.0.0.1:${this.port}/?directConnection=true`);
        } catch {
          reject(new Error(`unexpected first line from FerretDB: ${line}`));
        }
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (!ready) {
          reject(new Error(`embedded FerretDB exited before it was ready (code ${code}, signal ${signal})`));
          return;
        }
        if (this.child === child) this.child = undefined;
        if (this.stopping || !this.options.supervise) return;
        const delay = Math.min(10_000, 250 * 2 ** this.restarts++);
        logger.error({ code, signal, delay }, 'embedded FerretDB died; restarting');
        setTimeout(() => {
          if (this.stopping) return;
          this.spawn(binary).catch((err: unknown) => logger.error({ err }, 'embedded FerretDB restart failed'));
        }, delay).unref();
      });
    });
  }

  /** Stops the database: closes its stdin, waits for it to exit, and kills it after the grace period. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    process.removeListener('exit', this.onProcessExit);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.child = undefined;
  }

  /** Kills the database abruptly (for failure tests); a supervised instance restarts it. */
  kill(): void {
    this.child?.kill('SIGKILL');
  }
}

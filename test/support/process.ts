import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../server/db/build-ferretdb.js';

/** A free loopback port, found by letting the kernel choose one and releasing it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface ServiceProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  ferretdbPid?: number;
  logs: Record<string, unknown>[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `server/main.ts` as `npm start` does and resolves once it logs the URL it listens on. */
export async function startServiceProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: '0', ...env },
  });
  const logs: Record<string, unknown>[] = [];
  const exit = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<ServiceProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service not listening after ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    let ferretdbPid: number | undefined;
    lines.on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (typeof entry.ferretdbPid === 'number') ferretdbPid = entry.ferretdbPid;
      if (typeof entry.url === 'string' && String(entry.msg).includes('listening')) {
        clearTimeout(timer);
        resolve({ child, url: entry.url, logs, exit, ...(ferretdbPid ? { ferretdbPid } : {}) });
      }
    });
    void exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening\n${stderr}`));
    });
  });
  return ready;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

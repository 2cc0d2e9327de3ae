import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_TOKEN, FIXTURES } from '../helpers.js';

export const ROOT = path.join(import.meta.dirname, '..', '..');
const ENTRY = path.join(ROOT, 'dist', 'src', 'index.js');

export interface Instance {
  url: string;
  call: (method: string, url: string, opts?: { token?: string; json?: unknown }) => Promise<{ status: number; data: any }>;
  stop: () => Promise<void>;
}

/**
 * One instance of the service as production runs it: its own process (`node dist/src/index.js`, so its own
 * pool, write path, rate limits and memory), on the given database, on a free loopback port.
 */
export async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: build first (npm run build, or ./scripts/test.sh)`);
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      MEHVAR_ADMIN_TOKEN: ADMIN_TOKEN,
      QUESTIONNAIRES_DIR: path.join(FIXTURES, 'questionnaires'),
      PUBLIC_URL: 'http://mehvar.test',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the instance did not start within 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      output += d;
      const m = /\(port (\d+),/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the instance exited with ${code}:\n${output}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    async call(method, url, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.json !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + url, { method, headers, body: opts.json === undefined ? undefined : JSON.stringify(opts.json) });
      const text = await res.text();
      let data: any = text;
      try {
        data = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, data };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

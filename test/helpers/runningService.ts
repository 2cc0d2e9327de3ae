import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

// The real service as a child process (src/index.ts under tsx), for tests about what happens to a running
// service: kill -9, restore under it, locks. Everything else builds the app in-process (test/helpers.ts).

const ROOT = path.join(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the service (`npm start`'s src/index.ts, or `script`, such as the demo's src/cli/demo.ts) on `dbFile`
 * with `adminToken`, and resolves once /healthz answers (up to 20 s).
 */
export async function startService(dbFile: string, adminToken: string, script = 'src/index.ts'): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbFile, PORT: String(port), HOST: '127.0.0.1', MEHVAR_ADMIN_TOKEN: adminToken, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base };
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('service did not start');
}

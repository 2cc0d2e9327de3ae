import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.extname(fileURLToPath(import.meta.url)); // .ts under tsx, .js from dist
const node = (script: string) => (ext === '.ts' ? [process.execPath, '--import', 'tsx', path.join(here, script + ext)] : [process.execPath, path.join(here, script + ext)]);
const ADMIN = 'bench-admin-token-0123456789abcdef';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(dbFile: string): Promise<{ child: ChildProcess; base: string; startupMs: number }> {
  const port = await freePort();
  const [cmd, ...args] = node('server');
  const t0 = performance.now();
  const child = spawn(cmd, args, {
    cwd: path.join(here, ext === '.ts' ? '..' : '../..'),
    env: { ...process.env, DATABASE_URL: dbFile, PORT: String(port), MEHVAR_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base, startupMs: performance.now() - t0 };
    } catch {
      if (child.exitCode !== null) throw new Error('bench server exited');
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function api(base: string, method: string, url: string, token: string, json?: unknown) {
  const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: json ? JSON.stringify(json) : undefined });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
}

/** A consultant, an organization and an open assessment of the seed questionnaire, on a running server. */
export async function prepareAssessment(base: string) {
  const consultant = (await api(base, 'POST', '/api/v1/users', ADMIN, { role: 'consultant', name: 'bench' })).token;
  const org = await api(base, 'POST', '/api/v1/organizations', consultant, { name: { fa: 'سازمان سنجش' } });
  const a = await api(base, 'POST', `/api/v1/organizations/${org.id}/assessments`, consultant, { title: 'bench', questionnaireId: 'mehvar-core' });
  const q = await api(base, 'GET', '/api/v1/questionnaires/mehvar-core', consultant);
  return { consultant, orgId: org.id as string, assessmentId: a.id as string, itemIds: q.items.map((i: { id: string }) => i.id) as string[] };
}

function runLoad(args: string[]): Promise<{ requests: number; rps: number; p50: number; p99: number; non2xx: number; errors: number; used: number }> {
  const [cmd, ...rest] = node('load');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...rest, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`))));
  });
}

export async function benchSubmit(opts: { seconds: number; connections: number; tokens: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-submit-'));
  const server = await startServer(path.join(dir, 'mehvar.sqlite'));
  try {
    const { consultant, assessmentId, itemIds } = await prepareAssessment(server.base);
    const tokens: string[] = [];
    while (tokens.length < opts.tokens) {
      const { invitations } = await api(server.base, 'POST', `/api/v1/assessments/${assessmentId}/invitations`, consultant, { invitations: [{ role: 'staff', department: 'فروش', count: 5000 }] });
      tokens.push(...invitations.map((i: { token: string }) => i.token));
    }
    fs.writeFileSync(path.join(dir, 'tokens.txt'), tokens.join('\n'));
    const answers = Object.fromEntries(itemIds.slice(0, 45).map((id, i) => [id, (i % 5) + 1]));
    fs.writeFileSync(path.join(dir, 'body.json'), JSON.stringify({ answers }));
    const common = [String(opts.seconds), String(opts.connections)];
    const echo = await runLoad([server.base, '/bench/echo', path.join(dir, 'body.json'), '-', ...common]);
    const submit = await runLoad([server.base, '/api/v1/respond/{token}/submit', path.join(dir, 'body.json'), path.join(dir, 'tokens.txt'), ...common]);
    if (submit.used > tokens.length) throw new Error('bench: ran out of fresh invitation tokens; raise tokens');
    return { echo, submit, ratio: submit.rps / echo.rps, startupMs: server.startupMs };
  } finally {
    server.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

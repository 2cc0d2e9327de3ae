import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.extname(fileURLToPath(import.meta.url)); // .ts under tsx, .js from dist
export const node = (script: string) => (ext === '.ts' ? [process.execPath, '--import', 'tsx', path.join(here, script + ext)] : [process.execPath, path.join(here, script + ext)]);
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
  // BENCH_PROFILE_DIR=dir writes the server's CPU profile there (node --cpu-prof), to find where time goes.
  if (process.env.BENCH_PROFILE_DIR) args.unshift('--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR);
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

export function runLoad(args: string[]): Promise<{ requests: number; rps: number; p50: number; p99: number; non2xx: number; errors: number; used: number }> {
  const [cmd, ...rest] = node('load');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...rest, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`))));
  });
}

/** Assessments with `responses` imported paper responses each, for building reports under load. */
async function reportAssessments(base: string, count: number, responses: number) {
  const ids: Array<{ id: string; token: string }> = [];
  for (let k = 0; k < count; k++) {
    const p = await prepareAssessment(base);
    const rows = Array.from({ length: responses }, (_, i) => ({
      role: i % 8 === 0 ? 'manager' : 'staff',
      department: ['فروش', 'خدمات پس از فروش', 'تولید', 'مالی'][i % 4],
      answers: Object.fromEntries(p.itemIds.map((id, j) => [id, ((i * 7 + j * 3 + k) % 5) + 1])),
    }));
    await api(base, 'POST', `/api/v1/assessments/${p.assessmentId}/responses/import`, p.consultant, { responses: rows });
    ids.push({ id: p.assessmentId, token: p.consultant });
  }
  return ids;
}

export async function benchSubmit(opts: { seconds: number; connections: number; tokens: number; reportsDuringLoad?: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-submit-'));
  const server = await startServer(path.join(dir, 'mehvar.sqlite'));
  try {
    const { consultant, orgId, assessmentId, itemIds } = await prepareAssessment(server.base);
    const tokens: string[] = [];
    // An assessment holds at most 20,000 links (MAX_INVITATIONS_PER_ASSESSMENT): further ones go to fresh
    // assessments of the same organization, so the load still writes one database under one consultant.
    let target = assessmentId;
    while (tokens.length < opts.tokens) {
      if (tokens.length > 0 && tokens.length % 20_000 === 0)
        target = (await api(server.base, 'POST', `/api/v1/organizations/${orgId}/assessments`, consultant, { title: `bench ${tokens.length}`, questionnaireId: 'mehvar-core' })).id;
      const { invitations } = await api(server.base, 'POST', `/api/v1/assessments/${target}/invitations`, consultant, { invitations: [{ role: 'staff', department: 'فروش', count: 5000 }] });
      tokens.push(...invitations.map((i: { token: string }) => i.token));
    }
    fs.writeFileSync(path.join(dir, 'tokens.txt'), tokens.join('\n'));
    const answers = Object.fromEntries(itemIds.slice(0, 45).map((id, i) => [id, (i % 5) + 1]));
    fs.writeFileSync(path.join(dir, 'body.json'), JSON.stringify({ answers }));
    const common = [String(opts.seconds), String(opts.connections)];
    const echo = await runLoad([server.base, '/bench/echo', path.join(dir, 'body.json'), '-', ...common]);
    const submit = await runLoad([server.base, '/api/v1/respond/{token}/submit', path.join(dir, 'body.json'), path.join(dir, 'tokens.txt'), ...common]);
    if (submit.used > tokens.length) throw new Error('bench: ran out of fresh invitation tokens; raise tokens');
    let duringReports = null;
    if (opts.reportsDuringLoad) {
      // Reports must not stall the event loop: submit latency while 8 reports are being built.
      const targets = await reportAssessments(server.base, opts.reportsDuringLoad, 1000);
      fs.writeFileSync(path.join(dir, 'tokens2.txt'), tokens.slice(submit.used + 10).join('\n'));
      const load = runLoad([server.base, '/api/v1/respond/{token}/submit', path.join(dir, 'body.json'), path.join(dir, 'tokens2.txt'), '6', String(opts.connections)]);
      await new Promise((r) => setTimeout(r, 500));
      const t0 = performance.now();
      // The report queue refuses what it cannot start within its bound (503 + Retry-After); a client then
      // asks again after that many seconds, as the dashboard tells people to.
      let refused = 0;
      const sizes = await Promise.all(
        targets.map(async ({ id, token }, i) => {
          for (;;) {
            const res = await fetch(`${server.base}/api/v1/assessments/${id}/report.pdf?lang=${i % 2 ? 'en' : 'fa'}`, { headers: { authorization: `Bearer ${token}` } });
            if (res.status === 503) {
              refused++;
              await res.arrayBuffer();
              await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
              continue;
            }
            if (!res.ok) throw new Error(`report ${res.status}`);
            return (await res.arrayBuffer()).byteLength;
          }
        }),
      );
      const reportsMs = performance.now() - t0;
      duringReports = { reports: sizes.length, refusedAndRetried: refused, allReportsMs: reportsMs, submit: await load };
    }
    return { echo, submit, ratio: submit.rps / echo.rps, startupMs: server.startupMs, duringReports };
  } finally {
    server.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

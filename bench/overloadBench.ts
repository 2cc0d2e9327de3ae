import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { api, prepareAssessment, startServer } from './submitBench.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';

interface Answer {
  status: number;
  ms: number;
  retryAfter: number | null;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

/**
 * Reports beyond what the report threads can make in time, on the real service (issue 15): `burst` different
 * reports requested at once, then `abandoned` requests whose clients go away, then one more report. /healthz
 * is asked every 50 ms throughout. Each assessment has `respondents` imported responses.
 */
export async function benchOverload(opts: { burst: number; abandoned: number; respondents: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-overload-'));
  const server = await startServer(path.join(dir, 'mehvar.sqlite'));
  try {
    const keys = await seedReports(server.base, Math.ceil((opts.burst + opts.abandoned + 1) / 2), opts.respondents);
    const health: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t0 = performance.now();
        await fetch(`${server.base}/healthz`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const t0 = performance.now();
    const burst: Answer[] = await Promise.all(
      keys.slice(0, opts.burst).map(async (url) => {
        const res = await fetch(server.base + url, { headers: { authorization: `Bearer ${ADMIN}` } });
        await res.arrayBuffer();
        return { status: res.status, ms: performance.now() - t0, retryAfter: res.headers.has('retry-after') ? Number(res.headers.get('retry-after')) : null };
      }),
    );
    const healthDuringBurst = health.splice(0);

    // Clients that ask for a report and go away after 200 ms, as a browser tab closed or a script timing out.
    const gone = keys.slice(opts.burst, opts.burst + opts.abandoned).map((url) => {
      const req = http.get(server.base + url, { headers: { authorization: `Bearer ${ADMIN}` } });
      req.on('error', () => {});
      return req;
    });
    await new Promise((r) => setTimeout(r, 200));
    for (const req of gone) req.destroy();
    // The service learns of a closed socket a moment later; a request sent in the same instant may still see
    // the abandoned reports in the queue.
    await new Promise((r) => setTimeout(r, 100));
    const t1 = performance.now();
    const next = await fetch(server.base + keys[opts.burst + opts.abandoned], { headers: { authorization: `Bearer ${ADMIN}` } });
    await next.arrayBuffer();
    const nextMs = performance.now() - t1;
    probing = false;
    await probe;

    const ok = burst.filter((a) => a.status === 200);
    const refused = burst.filter((a) => a.status === 503);
    return {
      burst: opts.burst,
      ok: ok.length,
      refused: refused.length,
      other: burst.length - ok.length - refused.length,
      refusedWithinMs: refused.length ? Math.max(...refused.map((a) => a.ms)) : null,
      retryAfterSeconds: refused.length ? [Math.min(...refused.map((a) => a.retryAfter ?? 0)), Math.max(...refused.map((a) => a.retryAfter ?? 0))] : null,
      lastOkMs: ok.length ? Math.max(...ok.map((a) => a.ms)) : null,
      healthDuringBurst: { probes: healthDuringBurst.length, p50Ms: percentile(healthDuringBurst, 0.5), maxMs: Math.max(0, ...healthDuringBurst) },
      abandoned: opts.abandoned,
      nextReport: { status: next.status, ms: nextMs },
      healthAfter: { probes: health.length, maxMs: Math.max(0, ...health) },
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `assessments` assessments with imported responses; two report URLs (fa, en) each, none cached yet. */
async function seedReports(base: string, assessments: number, respondents: number): Promise<string[]> {
  const urls: string[] = [];
  for (let k = 0; k < assessments; k++) {
    const p = await prepareAssessment(base);
    const rows = Array.from({ length: respondents }, (_, i) => ({
      role: i % 8 === 0 ? 'manager' : 'staff',
      department: ['فروش', 'خدمات پس از فروش', 'تولید', 'مالی'][i % 4],
      answers: Object.fromEntries(p.itemIds.map((id, j) => [id, ((i * 7 + j * 3 + k) % 5) + 1])),
    }));
    await api(base, 'POST', `/api/v1/assessments/${p.assessmentId}/responses/import`, p.consultant, { responses: rows });
    urls.push(`/api/v1/assessments/${p.assessmentId}/report.pdf?lang=fa`, `/api/v1/assessments/${p.assessmentId}/report.pdf?lang=en`);
  }
  return urls;
}

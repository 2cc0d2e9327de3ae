import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateToLatest, openSqlite } from '../src/db/database.js';
import { encodeAnswers } from '../src/domain/answers.js';
import { toAnswerVector } from '../src/domain/answerMaps.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { demoAnswers, DEMO_DEPARTMENTS, seededRandom } from '../src/cli/demoData.js';
import { api, startServer } from './submitBench.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Reports as a consultant meets them: GET /api/v1/assessments/{id}/report.pdf on the real service over
 * HTTP, each assessment with `respondents` responses. Cold, two ways, each on a fresh start of the
 * service: the first report asked for the moment /healthz answers (it waits behind the report threads'
 * warm-up), and the first report asked for once /readyz answers. Warm: the next reports, each of another
 * assessment (so none comes from the cache). Also the page weight of the respondent page and the results
 * page, plain and compressed as a browser asks for them.
 */
export async function benchReportsHttp(respondents = 1_000, assessments = 7) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-reports-http-'));
  const file = path.join(dir, 'mehvar.sqlite');
  const ids = await seed(file, respondents, assessments);
  const getFrom = (base: string) => async (url: string, headers: Record<string, string> = {}) => {
    const t0 = performance.now();
    const res = await fetch(base + url, { headers: { authorization: `Bearer ${ADMIN}`, ...headers } });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    return { ms: performance.now() - t0, bytes };
  };
  const stop = async (child: Awaited<ReturnType<typeof startServer>>['child']) => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const first = await startServer(file);
  let coldAtStart: { ms: number };
  try {
    coldAtStart = await getFrom(first.base)(`/api/v1/assessments/${ids[0]}/report.pdf?lang=fa`);
  } finally {
    await stop(first.child);
  }
  const server = await startServer(file);
  try {
    const get = getFrom(server.base);
    const t0 = performance.now();
    while ((await fetch(`${server.base}/readyz`)).status !== 200) await new Promise((r) => setTimeout(r, 20));
    const readyAfterMs = performance.now() - t0 + server.startupMs;
    const cold = await get(`/api/v1/assessments/${ids[1]}/report.pdf?lang=fa`);
    const warm: number[] = [];
    for (const id of ids.slice(2)) warm.push((await get(`/api/v1/assessments/${id}/report.pdf?lang=fa`)).ms);
    const cached = await get(`/api/v1/assessments/${ids[1]}/report.pdf?lang=fa`);

    // Page weight: a respondent's first page, and the results page of a signed-in consultant.
    const [link] = (await api(server.base, 'POST', `/api/v1/assessments/${ids[0]}/invitations`, ADMIN, { invitations: [{ role: 'staff', count: 1 }] })).invitations;
    const login = await fetch(`${server.base}/app/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ token: ADMIN }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    // node:http, not fetch: fetch decompresses, and the bytes on the wire are what is measured here.
    const wire = (url: string, headers: Record<string, string>) =>
      new Promise<{ bytes: number; encoding: string | null }>((resolve, reject) => {
        http.get(server.base + url, { headers: { authorization: `Bearer ${ADMIN}`, ...headers } }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => (res.statusCode === 200 ? resolve({ bytes, encoding: (res.headers['content-encoding'] as string) ?? null }) : reject(new Error(`${url} → ${res.statusCode}`))));
        }).on('error', reject);
      });
    const weigh = async (url: string, headers: Record<string, string>) => {
      const plain = await wire(url, headers);
      const br = await wire(url, { ...headers, 'accept-encoding': 'gzip, deflate, br' });
      return { url: url.replace(/\/r\/[^/?]+/, '/r/{token}'), plainKB: plain.bytes / 1024, compressedKB: br.bytes / 1024, encoding: br.encoding };
    };
    const pages = [
      await weigh(`/r/${link.token}/s/1`, {}),
      await weigh(`/app/assessments/${ids[0]}/results`, { cookie }),
      await weigh(`/api/v1/assessments/${ids[0]}/results`, {}),
    ];
    return { respondents, coldAtStartMs: coldAtStart.ms, readyAfterMs, coldMs: cold.ms, warmMs: median(warm), warmRuns: warm, cachedMs: cached.ms, pages };
  } finally {
    await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `assessments` assessments of `respondents` responses each, in one organization, written directly. */
async function seed(file: string, respondents: number, assessments: number): Promise<string[]> {
  const db = openSqlite(file);
  await migrateToLatest(db);
  const loaded = loadQuestionnaires('questionnaires').get('mehvar-core')!;
  const q = loaded.definition;
  const now = new Date().toISOString();
  const random = seededRandom(5);
  const pool = Array.from({ length: 400 }, (_, i) => {
    const who = { role: (i % 8 === 0 ? 'manager' : 'staff') as 'manager' | 'staff', department: DEMO_DEPARTMENTS[i % 4] };
    return { ...who, answers: encodeAnswers(toAnswerVector(q, demoAnswers(q, who, random))) };
  });
  await db.insertInto('users').values({ id: 'u', role: 'consultant', name: 'seed', token_hash: `h${Math.random()}`, organization_id: null, created_at: now }).execute();
  await db.insertInto('organizations').values({ id: 'o', name_fa: 'شرکت نمونه پارس', name_en: 'Pars Sample Co.', sector: null, headcount: 1500, created_by: 'u', created_at: now }).execute();
  const ids: string[] = [];
  let n = 0;
  for (let k = 0; k < assessments; k++) {
    const id = `a${k}`;
    ids.push(id);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('assessments')
        .values({
          id, organization_id: 'o', title: `ارزیابی ${k + 1}`, questionnaire_id: q.id, questionnaire_version: q.version, questionnaire_hash: loaded.hash,
          anonymity_threshold: 5, target_culture: 70, target_process: 70, target_interaction: 75, closes_at: null, closed_at: null, created_by: 'u', created_at: now,
        })
        .execute();
      for (let i = 0; i < respondents; i += 500)
        await trx
          .insertInto('responses')
          .values(
            Array.from({ length: Math.min(500, respondents - i) }, () => {
              const p = pool[n % pool.length];
              return { id: `r${n++}`, assessment_id: id, invitation_id: null, role: p.role, department: p.department, answers: p.answers, comments: null, source: 'import' as const, submitted_at: now };
            }),
          )
          .execute();
    });
  }
  await db.destroy();
  return ids;
}

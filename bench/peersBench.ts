import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openSqlite, type Db } from '../src/db/database.js';
import { WriteBatcher } from '../src/db/writeBatcher.js';
import type { AppDeps } from '../src/deps.js';
import { encodeAnswers } from '../src/domain/answers.js';
import { toAnswerVector } from '../src/domain/answerMaps.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { closeReportPool } from '../src/reports/worker/pool.js';
import { createUser } from '../src/repositories/users.js';
import { demoAnswers, seededRandom } from '../src/cli/demoData.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * What a consultant's repeated downloads cost as other organizations accumulate: GET /benchmark and a
 * cached report (the same PDF again) with 0, 40 and 1,000 peer organizations, each with a closed
 * assessment of the same questionnaire. The peers' final scores are stored the first time (the warm-up
 * call); the figures are the medians after it.
 */
export async function benchPeers(steps = [0, 40, 1_000], repeats = 20) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-peers-'));
  const db = openSqlite(path.join(dir, 'peers.sqlite'));
  await migrateToLatest(db);
  const config = loadConfig({ DATABASE_URL: path.join(dir, 'peers.sqlite'), MEHVAR_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef' });
  const questionnaires = loadQuestionnaires('questionnaires');
  const deps: AppDeps = { db, writes: new WriteBatcher(db), config, questionnaires, clock: () => new Date(), logger: pino({ level: 'silent' }) };
  const app = createApp(deps);
  const { token, user } = await createUser(db, { role: 'consultant', name: 'bench', organizationId: null }, new Date());
  const seeder = makeSeeder(db, questionnaires, user.id);
  const own = await seeder.closedAssessment('own', 200);
  const get = async (url: string) => {
    const t0 = performance.now();
    const res = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    return performance.now() - t0;
  };
  const rows: Array<{ peers: number; benchmarkMs: number; cachedReportMs: number; firstReportMs: number }> = [];
  let made = 0;
  for (const peers of steps) {
    for (; made < peers; made++) await seeder.closedAssessment(`peer-${made}`, 5);
    await get(`/api/v1/assessments/${own}/benchmark`); // stores new peers' final scores once
    const benchmark: number[] = [];
    for (let i = 0; i < repeats; i++) benchmark.push(await get(`/api/v1/assessments/${own}/benchmark`));
    const firstReportMs = await get(`/api/v1/assessments/${own}/report.pdf?lang=fa`);
    const cached: number[] = [];
    for (let i = 0; i < repeats; i++) cached.push(await get(`/api/v1/assessments/${own}/report.pdf?lang=fa`));
    rows.push({ peers, benchmarkMs: median(benchmark), cachedReportMs: median(cached), firstReportMs });
  }
  await closeReportPool();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

function makeSeeder(db: Db, questionnaires: ReturnType<typeof loadQuestionnaires>, userId: string) {
  const loaded = questionnaires.get('mehvar-core')!;
  const q = loaded.definition;
  const random = seededRandom(11);
  const pool = Array.from({ length: 200 }, () => encodeAnswers(toAnswerVector(q, demoAnswers(q, { role: 'staff', department: '' }, random))));
  let n = 0;
  return {
    async closedAssessment(name: string, responses: number): Promise<string> {
      const now = new Date(Date.now() - 86_400_000).toISOString();
      const org = `org-${name}`;
      const id = `a-${name}`;
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('organizations').values({ id: org, name_fa: name, name_en: null, sector: null, headcount: null, created_by: userId, created_at: now }).execute();
        await trx
          .insertInto('assessments')
          .values({
            id, organization_id: org, title: name, questionnaire_id: q.id, questionnaire_version: q.version, questionnaire_hash: loaded.hash, anonymity_threshold: 5,
            target_culture: null, target_process: null, target_interaction: null, closes_at: null, closed_at: now, created_by: userId, created_at: now,
          })
          .execute();
        for (let i = 0; i < responses; i += 200)
          await trx
            .insertInto('responses')
            .values(
              Array.from({ length: Math.min(200, responses - i) }, () => ({
                id: `r-${n++}`, assessment_id: id, invitation_id: null, role: 'staff' as const, department: null,
                answers: pool[n % pool.length], comments: null, source: 'import' as const, submitted_at: now,
              })),
            )
            .execute();
      });
      return id;
    },
  };
}

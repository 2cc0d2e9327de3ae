import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openSqlite, type Db } from '../src/db/database.js';
import type { AppDeps } from '../src/deps.js';
import { encodeAnswers } from '../src/domain/answers.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { toAnswerVector } from '../src/domain/answerMaps.js';
import { loadResults } from '../src/services/results.js';
import { demoAnswers, DEMO_DEPARTMENTS, seededRandom } from '../src/cli/demoData.js';

/** Fills a file database with one assessment of `n` submitted responses, written in large transactions. */
export async function seedAssessment(db: Db, deps: Pick<AppDeps, 'questionnaires'>, n: number) {
  const loaded = deps.questionnaires.get('mehvar-core')!;
  const q = loaded.definition;
  const now = new Date().toISOString();
  await db.insertInto('users').values({ id: 'u', role: 'consultant', name: 'bench', token_hash: `h${Math.random()}`, organization_id: null, created_at: now }).execute();
  await db.insertInto('organizations').values({ id: 'o', name_fa: 'سازمان آزمون', name_en: 'Bench org', sector: null, headcount: null, created_by: 'u', created_at: now }).execute();
  const assessment = {
    id: 'a', organization_id: 'o', title: 'bench', questionnaire_id: q.id, questionnaire_version: q.version, questionnaire_hash: loaded.hash,
    anonymity_threshold: 5, target_culture: null, target_process: null, target_interaction: null, closes_at: null, closed_at: null, created_by: 'u', created_at: now,
  };
  await db.insertInto('assessments').values(assessment).execute();
  const random = seededRandom(7);
  // A pool of generated answer sets reused round-robin keeps seeding fast without making rows identical.
  const pool = Array.from({ length: 500 }, (_, i) => {
    const who = { role: (i % 8 === 0 ? 'manager' : 'staff') as 'manager' | 'staff', department: DEMO_DEPARTMENTS[i % 4] };
    return { ...who, answers: encodeAnswers(toAnswerVector(q, demoAnswers(q, who, random))) };
  });
  for (let start = 0; start < n; start += 20_000)
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(n, start + 20_000); i += 500) {
        const rows = [];
        for (let j = i; j < Math.min(n, i + 500, start + 20_000); j++) {
          const p = pool[j % pool.length];
          rows.push({ id: `r${j}`, assessment_id: 'a', invitation_id: null, role: p.role, department: p.department, answers: p.answers, comments: null, source: 'import' as const, submitted_at: now });
        }
        await trx.insertInto('responses').values(rows).execute();
      }
    });
  return assessment;
}

export async function benchResults(sizes: number[], repeats = 5) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-bench-'));
  const questionnaires = loadQuestionnaires('questionnaires');
  const out: Array<{ respondents: number; medianMs: number; items: number }> = [];
  for (const n of sizes) {
    const db = openSqlite(path.join(dir, `results-${n}.sqlite`));
    await migrateToLatest(db);
    const a = await seedAssessment(db, { questionnaires }, n);
    const deps = { db, questionnaires, config: loadConfig({}), clock: () => new Date(), logger: pino({ level: 'silent' }) } as AppDeps;
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      const { results } = await loadResults(deps, { ...a, closed_at: null }, false);
      times.push(performance.now() - t0);
      if (results.respondents.submitted !== n) throw new Error('bench: wrong respondent count');
    }
    times.sort((x, y) => x - y);
    out.push({ respondents: n, medianMs: times[Math.floor(times.length / 2)], items: questionnaires.get('mehvar-core')!.definition.items.length });
    await db.destroy();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

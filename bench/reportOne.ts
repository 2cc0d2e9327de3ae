import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openSqlite } from '../src/db/database.js';
import { WriteBatcher } from '../src/db/writeBatcher.js';
import type { AppDeps } from '../src/deps.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { buildReportModel, reportInput } from '../src/reports/model/index.js';
import { loadReportData } from '../src/services/reports.js';
import { renderReportPdf } from '../src/reports/pdf/renderReport.js';
import { seedAssessment } from './resultsBench.js';

// One report size in its own process, so peak RSS belongs to this size alone.
// argv: <respondents> <lang> <runs>
const [n, lang, runs] = [Number(process.argv[2]), process.argv[3] as 'fa' | 'en', Number(process.argv[4] ?? 5)];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-report-bench-'));
const db = openSqlite(path.join(dir, 'r.sqlite'));
await migrateToLatest(db);
const questionnaires = loadQuestionnaires('questionnaires');
const a = await seedAssessment(db, { questionnaires }, n);
const deps = { db, writes: new WriteBatcher(db), questionnaires, config: loadConfig({}), clock: () => new Date(), logger: pino({ level: 'silent' }) } as AppDeps;
const assessment = await db.selectFrom('assessments').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
const times: number[] = [];
let bytes = 0;
for (let i = 0; i <= runs; i++) {
  const t0 = performance.now();
  const data = await loadReportData(deps, assessment);
  const pdf = await renderReportPdf(buildReportModel(reportInput(data, lang, new Date()), lang));
  if (i > 0) times.push(performance.now() - t0); // the first run warms fonts and modules
  bytes = pdf.byteLength;
}
times.sort((x, y) => x - y);
process.stdout.write(JSON.stringify({ respondents: n, lang, medianMs: times[Math.floor(times.length / 2)], peakRssMB: process.resourceUsage().maxRSS / 1024, bytes }));
await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });

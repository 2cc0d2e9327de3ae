import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openSqlite } from '../src/db/database.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { seedAssessment } from './resultsBench.js';
import { startServer } from './submitBench.js';

/** Time from process start to /healthz answering, on an existing database with `responses` responses. */
export async function benchStartup(responses: number, repeats = 5) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-startup-'));
  const file = path.join(dir, 'mehvar.sqlite');
  const db = openSqlite(file);
  await migrateToLatest(db);
  await seedAssessment(db, { questionnaires: loadQuestionnaires('questionnaires') }, responses);
  await db.destroy();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const server = await startServer(file);
    times.push(server.startupMs);
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { responses, medianMs: times[Math.floor(times.length / 2)], runs: times };
}

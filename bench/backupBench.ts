import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { migrateToLatest, openSqlite } from '../src/db/database.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { seedAssessment } from './resultsBench.js';
import { api, node, prepareAssessment, startServer } from './submitBench.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.extname(fileURLToPath(import.meta.url));
const root = path.join(here, ext === '.ts' ? '..' : '../..');
const backupCli = ext === '.ts' ? ['--import', 'tsx', path.join(root, 'src/cli/backup.ts')] : [path.join(here, '../src/cli/backup.js')];

export interface BackupFigure {
  targetPerSecond: number;
  /** Submissions committed per second while the backup ran. */
  achievedPerSecond: number;
  /** Over the whole load run, before, during and after the backup. */
  submitP99Ms: number;
  failed: number;
  finished: boolean;
  backupMs: number;
  databaseMB: number;
  backupMB: number;
  responsesInBackup: number;
}

/** `npm run backup` as an operator runs it, against the file the service is writing; gives up after `capMs`. */
function runBackup(dbFile: string, out: string, capMs: number): Promise<{ finished: boolean; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...backupCli, 'backup', '--out', out], { cwd: root, env: { ...process.env, DATABASE_URL: dbFile }, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((resolve, reject) => {
    const cap = setTimeout(() => child.kill('SIGKILL'), capMs);
    child.on('exit', (code, signal) => {
      clearTimeout(cap);
      if (signal === 'SIGKILL') resolve({ finished: false, ms: performance.now() - t0 });
      else if (code === 0) resolve({ finished: true, ms: performance.now() - t0 });
      else reject(new Error(`backup exited ${code}`));
    });
  });
}

/**
 * The online backup while the real service takes a steady stream of submissions (one POST …/submit with 45
 * answers each, sent at a fixed rate from this process), on a database seeded with `seedResponses` responses.
 */
export async function benchBackup(opts: { seedResponses: number; rates: number[]; capMs: number }): Promise<BackupFigure[]> {
  const out: BackupFigure[] = [];
  for (const rate of opts.rates) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-backup-bench-'));
    const file = path.join(dir, 'mehvar.sqlite');
    const seed = openSqlite(file);
    await migrateToLatest(seed);
    await seedAssessment(seed, { questionnaires: loadQuestionnaires('questionnaires') }, opts.seedResponses);
    await seed.destroy();
    const server = await startServer(file);
    try {
      const { consultant, assessmentId, itemIds } = await prepareAssessment(server.base);
      const needed = Math.ceil((rate * (opts.capMs + 5000)) / 1000);
      const tokens: string[] = [];
      while (tokens.length < needed) {
        const { invitations } = await api(server.base, 'POST', `/api/v1/assessments/${assessmentId}/invitations`, consultant, { invitations: [{ role: 'staff', count: Math.min(5000, needed - tokens.length) }] });
        tokens.push(...invitations.map((i: { token: string }) => i.token));
      }
      fs.writeFileSync(path.join(dir, 'tokens.txt'), tokens.join('\n'));
      fs.writeFileSync(path.join(dir, 'body.json'), JSON.stringify({ answers: Object.fromEntries(itemIds.slice(0, 45).map((id, i) => [id, (i % 5) + 1])) }));
      const [cmd, ...args] = node('pacedLoad');
      const load = spawn(cmd, [...args, server.base, '/api/v1/respond/{token}/submit', path.join(dir, 'body.json'), path.join(dir, 'tokens.txt'), String(rate)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let loadOut = '';
      load.stdout.on('data', (d) => (loadOut += d));
      const loaded = new Promise<{ acknowledged: number; failed: number; p99: number }>((resolve) => load.on('exit', () => resolve(JSON.parse(loadOut))));
      await new Promise((r) => setTimeout(r, 2000));
      const reader = new SQLite(file, { readonly: true });
      const countResponses = () => (reader.prepare('select count(*) as n from responses').get() as { n: number }).n;
      const before = countResponses();
      const backup = path.join(dir, 'backup.sqlite');
      let run: Awaited<ReturnType<typeof runBackup>>;
      try {
        run = await runBackup(file, backup, opts.capMs);
      } finally {
        load.kill('SIGTERM');
      }
      // Submissions the service committed while the backup ran, read from the database itself.
      const achieved = ((countResponses() - before) * 1000) / run.ms;
      reader.close();
      const submitted = await loaded;
      let responsesInBackup = 0;
      if (run.finished) {
        const b = new SQLite(backup, { readonly: true });
        responsesInBackup = (b.prepare('select count(*) as n from responses').get() as { n: number }).n;
        b.close();
      }
      out.push({
        targetPerSecond: rate,
        achievedPerSecond: achieved,
        submitP99Ms: submitted.p99,
        failed: submitted.failed,
        finished: run.finished,
        backupMs: run.ms,
        databaseMB: fs.statSync(file).size / 2 ** 20,
        backupMB: run.finished ? fs.statSync(backup).size / 2 ** 20 : 0,
        responsesInBackup,
      });
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
